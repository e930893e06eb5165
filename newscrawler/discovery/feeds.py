"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: autodiscovery and entries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from newscrawler.discovery.xml import child_text, iter_elements

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: str | None


def feed_links(tree: lxml.html.HtmlElement, base_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    found = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = link.get("href")
        if "alternate" in rel and kind in _FEED_TYPES and href and "json" not in kind:
            found.append(urljoin(base_url, href.strip()))
    return list(dict.fromkeys(found))


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(
    body: bytes, base_url: str, max_bytes: int, limit: int, problems: list[str] | None = None
) -> Iterator[FeedEntry]:
    """Up to ``limit`` entries with an absolute link, in feed order."""
    count = 0
    for element in iter_elements(body, {"item", "entry"}, max_bytes, problems):
        url = _entry_link(element, base_url)
        if not url:
            continue
        yield FeedEntry(url=url, title=child_text(element, "title"), published=_entry_date(element))
        count += 1
        if count >= limit:
            return


def _entry_link(element: etree._Element, base_url: str) -> str | None:
    for child in element:
        if not isinstance(child.tag, str) or etree.QName(child).localname != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return urljoin(base_url, str(href).strip())  # Atom
        if child.text and child.text.strip():
            return urljoin(base_url, str(child.text).strip())  # RSS
    about = element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if about:
        return urljoin(base_url, str(about))  # RSS 1.0
    guid = child_text(element, "guid")
    return guid if guid and guid.startswith("http") else None


def _entry_date(element: etree._Element) -> str | None:
    for name in ("published", "pubDate", "date", "updated", "issued"):
        value = child_text(element, name)
        if not value:
            continue
        if name == "pubDate":
            try:
                return parsedate_to_datetime(value).isoformat()
            except (TypeError, ValueError):
                continue
        return value
    return None
