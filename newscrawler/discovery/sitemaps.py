"""XML sitemaps and sitemap indexes, gzip or not, with Google News hints.

Scrapy's ``SitemapSpider`` keeps only ``loc`` and ``lastmod``; a Google News sitemap also
gives each article's title and publication date, kept here as hints for extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from newscrawler.discovery.xml import child_text, iter_elements


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    is_sitemap: bool
    """True for a child sitemap of an index, False for a page."""
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None


def looks_like_sitemap(body: bytes) -> bool:
    head = body[:4096].lower()
    return body[:2] == b"\x1f\x8b" or b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(
    body: bytes, base_url: str, max_bytes: int, limit: int, problems: list[str] | None = None
) -> Iterator[SitemapEntry]:
    """Up to ``limit`` entries, streamed; child sitemaps of an index have ``is_sitemap``."""
    count = 0
    for element in iter_elements(body, {"url", "sitemap"}, max_bytes, problems):
        loc = child_text(element, "loc")
        if not loc:
            continue
        local = element.tag.rsplit("}", 1)[-1]
        yield SitemapEntry(
            url=urljoin(base_url, loc),
            is_sitemap=local == "sitemap",
            lastmod=child_text(element, "lastmod"),
            news_title=_news_field(element, "title"),
            news_published=_news_field(element, "publication_date"),
        )
        count += 1
        if count >= limit:
            return


def _news_field(element: etree._Element, name: str) -> str | None:
    """A field of the ``<news:news>`` block (not of ``<image:image>``, which has titles too)."""
    for child in element.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == "news":
            return child_text(child, name)
    return None


def sitemaps_in_robots(robots_txt: str, base_url: str) -> list[str]:
    """``Sitemap:`` lines of a robots.txt, absolute."""
    found = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(urljoin(base_url, value.strip()))
    return list(dict.fromkeys(found))
