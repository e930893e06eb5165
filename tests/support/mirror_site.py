"""A small mirror of the real site of issue 18, with each of its traps, served by
``demo.generated.GeneratedSiteServer``.

Every page prints ``<base href="/">`` and links relatively: read against the page's own URL
(``/news/2026/…``) each link would be a 404, read against the base it is a real page; a few
links are really broken. The three sections announce their feeds only in their ``<head>``.
The 48 articles come in four groups of 12: only through links, only through a section feed,
only in the sitemap (named by robots.txt), and through links, the home feed and the sitemap
at once. Every article declares its canonical on the origin host (www.example-news.com),
so no canonical merges URL variants: the ``?ref=most-read`` links of the home page, three
``?variant=print`` links and three short aliases serving the same page are one article each.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from demo.generated import GeneratedSite

GROUP_SIZE = 12
SECTIONS = ("politics", "sport", "culture")
ORIGIN = "https://www.example-news.com"
HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"
GROUPS = ("links", "feed", "sitemap", "everywhere")
# Relative links that resolve to nothing, base or not.
BROKEN = tuple(f"news/2026/withdrawn-story-{n}.html" for n in range(4))
DISALLOWED = "private/members-briefing.html"


def article_path(group: str, index: int) -> str:
    """Site-relative, as the pages write it (``<base href="/">`` makes it root-relative)."""
    return f"news/2026/{group}-story-{index}.html"


def article_title(group: str, index: int) -> str:
    return f"The {group} story number {index} of the mirror"


@dataclass
class MirrorSite(GeneratedSite):
    variants: dict[str, str] = field(default_factory=dict)
    """Other paths serving an article's page word for word, with the article's path."""
    broken_paths: tuple[str, ...] = ()

    def not_archived_once(self, records: list[dict[str, Any]]) -> dict[str, int]:
        """The articles (by path) that did not get exactly one record, with their count;
        a record under a variant counts for its article. Empty when all is well."""
        paths = [_path(str(record["url"])) for record in records]
        counts = Counter(self.variants.get(path, path) for path in paths)
        return {path: counts[path] for path in {*counts, *self.article_paths} if counts[path] != 1}

    def unexpected_requests(self, requested: list[str]) -> list[str]:
        """Paths asked for that are no page, except the links that are really broken:
        relative links resolved against the page instead of the base would show here."""
        return [path for path in requested if path not in self.pages and path not in self.broken_paths]


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def build_mirror_site() -> MirrorSite:
    site = MirrorSite()
    site.broken_paths = tuple(f"/{path}" for path in BROKEN)
    groups = {group: [article_path(group, n) for n in range(GROUP_SIZE)] for group in GROUPS}
    linked = groups["links"] + groups["everywhere"]
    for group, paths in groups.items():
        for index, path in enumerate(paths):
            title = article_title(group, index)
            related = [linked[(index * 5 + k) % len(linked)] for k in (1, 2, 3)]
            broken = [BROKEN[index % len(BROKEN)]] if index % 3 == 0 else []
            site.pages[f"/{path}"] = (200, HTML, _article(path, title, index, related + broken))
            site.article_paths.append(f"/{path}")
    # The same page under URLs no canonicalization merges: short aliases, print variants.
    for index in (3, 4, 5):
        path = groups["links"][index]
        site.variants[f"/s/links-{index}"] = f"/{path}"
    for index in (6, 7, 8):
        path = groups["everywhere"][index]
        site.variants[f"/{path}?variant=print"] = f"/{path}"
    for variant, path in site.variants.items():
        site.pages[variant] = site.pages[path]
    aliases = [v.lstrip("/") for v in site.variants if v.startswith("/s/")]
    print_variants = [v.lstrip("/") for v in site.variants if "variant=print" in v]
    most_read = [f"{path}?ref=most-read" for path in groups["everywhere"][:3]]
    section_links = [f"section/{name}/" for name in SECTIONS]
    home_links = [*section_links, *groups["everywhere"], *most_read, *print_variants, DISALLOWED]
    site.pages["/"] = (200, HTML, _listing("The Mirror", home_links, feed="feed.xml"))
    for number, name in enumerate(SECTIONS):
        teasers = groups["links"][number::3] + (aliases if name == "culture" else [])
        page = _listing(name.title(), section_links + teasers, feed=f"section/{name}/feed.xml")
        site.pages[f"/section/{name}/"] = (200, HTML, page)
        site.pages[f"/section/{name}/feed.xml"] = (200, RSS, _rss(groups["feed"][number::3]))
        site.non_article_paths += [f"/section/{name}/", f"/section/{name}/feed.xml"]
    site.pages["/feed.xml"] = (200, RSS, _rss(groups["everywhere"]))
    site.pages["/sitemap.xml"] = (200, "application/xml", _sitemap(groups["sitemap"] + groups["everywhere"]))
    site.pages[f"/{DISALLOWED}"] = (200, HTML, _article(DISALLOWED, "Members only", 999, []))
    site.disallowed_paths.append(f"/{DISALLOWED}")
    robots = b"User-agent: *\nDisallow: /private/\n\nSitemap: /sitemap.xml\n"
    site.pages["/robots.txt"] = (200, "text/plain", robots)
    site.non_article_paths += ["/", "/feed.xml", "/sitemap.xml", "/robots.txt"]
    return site


def _article(path: str, title: str, index: int, links: list[str]) -> bytes:
    words = " ".join(f"{title.split()[1]}{index}w{n}" for n in range(10))
    paragraphs = "".join(
        f"<p>Paragraph {p} of {html.escape(title)}: {words} said the council on day {p}. "
        f"Residents of district {index} expect the plan to change how {p + 2} streets are used.</p>"
        for p in range(4)
    )
    nav = "".join(f'<a href="section/{name}/">{name.title()}</a> ' for name in SECTIONS)
    related = "".join(f'<li><a href="{html.escape(link)}">Read also</a></li>' for link in links)
    return (
        f'<html lang="en"><head><base href="/"><title>{html.escape(title)} – The Mirror</title>'
        f'<link rel="canonical" href="{ORIGIN}/{path}"><meta property="og:type" content="article"></head>'
        f'<body><nav><a href="./">Home</a> {nav}</nav><article><h1>{html.escape(title)}</h1>'
        f'<p class="byline">By Ines Varga, <time datetime="2026-11-30">30 November 2026</time></p>'
        f"{paragraphs}</article><aside><ul>{related}</ul></aside></body></html>"
    ).encode()


def _listing(title: str, links: list[str], feed: str) -> bytes:
    items = "".join(f'<li><a href="{html.escape(link)}">{html.escape(link)}</a></li>' for link in links)
    return (
        f'<html><head><base href="/"><title>{title}</title><meta property="og:type" content="website">'
        f'<link rel="alternate" type="application/rss+xml" href="{feed}"></head>'
        f"<body><h1>{title}</h1><ul>{items}</ul></body></html>"
    ).encode()


def _rss(paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Story</title><link>/{path}</link></item>" for path in paths)
    channel = f"<channel><title>Mirror</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def _sitemap(paths: list[str]) -> bytes:
    entries = "".join(f"<url><loc>/{path}</loc><lastmod>2026-11-30</lastmod></url>" for path in paths)
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()
