"""A generated news site for discovery tests and benchmarks.

Given article pages (synthetic ones for tests, real corpus pages for benchmarks) it builds
a site where a quarter of the articles are reachable only through links, a quarter only
from the RSS feed, a quarter only from the Google News sitemap and a quarter from all three;
with a robots.txt Disallow, an endless calendar, tracking-parameter duplicates and pages
that are not articles. `expected` says what a correct crawl archives and never fetches.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LISTING_PAGE_SIZE = 20
_CALENDAR = re.compile(r"^/calendar/(\d{4})-(\d{2})/$")


@dataclass
class GeneratedSite:
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    article_paths: list[str] = field(default_factory=list)
    disallowed_paths: list[str] = field(default_factory=list)
    non_article_paths: list[str] = field(default_factory=list)

    def resolve(self, path: str) -> tuple[int, str, bytes]:
        if path in self.pages:
            return self.pages[path]
        calendar = _CALENDAR.match(path)
        if calendar:
            return 200, "text/html; charset=utf-8", _calendar_page(int(calendar[1]), int(calendar[2]))
        return 404, "text/plain", b"not found"


def synthetic_article(index: int) -> bytes:
    """A small but real-looking article page with distinct text."""
    words = [f"word{index}x{n}" for n in range(12)]
    paragraphs = "".join(
        f"<p>Paragraph {p} of story {index}: {' '.join(words)} reported the council on day {p}. "
        f"Residents said the plan for district {index} would change how the {p} streets are used.</p>"
        for p in range(4)
    )
    return (
        f'<html lang="en"><head><title>Story number {index} – Gazette</title>'
        f'<meta property="og:type" content="article"></head><body>'
        f'<nav><a href="/">Home</a></nav><article><h1>Story number {index}</h1>'
        f"{paragraphs}</article></body></html>"
    ).encode()


def build_site(articles: list[bytes], *, base_href: bool = False) -> GeneratedSite:
    """The site; with ``base_href`` it is also a CMS that prints ``<base href="/">`` on its
    section pages and on every third article, and links from them relatively: section
    pages list their articles as ``news/…`` (a 404 when read against the page's URL), and
    those articles carry a "More news" box of relative links, one of them to a story that
    was deleted (a real 404)."""
    site = GeneratedSite()
    html_type = "text/html; charset=utf-8"
    groups: dict[str, list[str]] = {"links": [], "feed": [], "sitemap": []}
    paths = [f"/news/{2026 - index % 3}/story-{index}/" for index in range(len(articles))]
    for index, body in enumerate(articles):
        path = paths[index]
        if base_href and index % 3 == 0:
            others = [paths[(index + step) % len(paths)] for step in (1, 2)]
            body = _with_base_and_more_news(body, [*others, f"/news/2026/deleted-story-{index}/"])
        site.pages[path] = (200, html_type, body)
        site.article_paths.append(path)
        kind = index % 4
        if kind in (0, 3):
            groups["links"].append(path)
        if kind in (1, 3):
            groups["feed"].append(path)
        if kind in (2, 3):
            groups["sitemap"].append(path)
    # Sections with pagination hold the link-only articles.
    chunks = [
        groups["links"][i : i + LISTING_PAGE_SIZE] for i in range(0, len(groups["links"]), LISTING_PAGE_SIZE)
    ]
    for number, chunk in enumerate(chunks or [[]], start=1):
        path = "/section/news/" if number == 1 else f"/section/news/page/{number}/"
        following = f"/section/news/page/{number + 1}/" if number < len(chunks) else None
        site.pages[path] = (200, html_type, _listing("News", chunk, following, relative=base_href))
        site.non_article_paths.append(path)
    # The home page: sections, a tracking-parameter duplicate, traps, a disallowed article.
    first = groups["links"][:3]
    duplicates = [f"{p}?utm_source=home&utm_medium=web#comments" for p in first] + [
        f"{p}?fbclid=abc" for p in first
    ]
    extra = (
        '<a href="/section/news/">News</a> <a href="/tag/politics/">Politics</a> <a href="/about/">About</a>'
        ' <a href="/calendar/2026-11/">Calendar</a> <a href="/private/hidden-story/">Members</a>'
        ' <a href="/files/report.pdf">Report (PDF)</a> <a href="/media/photo.jpg">Photo</a>'
        ' <a href="/search?q=council">Search</a> <a href="http://127.0.0.2/elsewhere/">Partner</a>'
    )
    home = _listing("Gazette", first + duplicates, None, extra=extra, feed=True)
    site.pages["/"] = (200, html_type, home)
    site.pages["/tag/politics/"] = (200, html_type, _listing("Politics", first[:2], None))
    site.pages["/about/"] = (200, html_type, b"<html><body><h1>About us</h1><p>A gazette.</p></body></html>")
    site.pages["/search?q=council"] = (200, html_type, _listing("Search", first[:1], None))
    site.pages["/files/report.pdf"] = (200, "application/pdf", b"%PDF-1.4\n%binary")
    site.pages["/media/photo.jpg"] = (200, "image/jpeg", b"\xff\xd8\xff\xe0binary")
    site.non_article_paths += ["/", "/tag/politics/", "/about/", "/search?q=council"]
    site.pages["/private/hidden-story/"] = (200, html_type, synthetic_article(99_999))
    site.disallowed_paths.append("/private/hidden-story/")
    site.pages["/robots.txt"] = (
        200,
        "text/plain",
        b"User-agent: *\nDisallow: /private/\n\nSitemap: /sitemap_index.xml\n",
    )
    site.pages["/feed.xml"] = (200, "application/rss+xml", _rss(groups["feed"]))
    site.pages["/sitemap_index.xml"] = (200, "application/xml", _sitemap_index(["/sitemaps/news.xml.gz"]))
    site.pages["/sitemaps/news.xml.gz"] = (
        200,
        "application/x-gzip",
        gzip.compress(_news_sitemap(groups["sitemap"])),
    )
    return site


def _listing(
    title: str,
    paths: list[str],
    following: str | None,
    extra: str = "",
    feed: bool = False,
    relative: bool = False,
) -> bytes:
    """A listing page; ``relative`` writes its links relative to a ``<base href="/">``."""
    shown = [p.lstrip("/") for p in paths] if relative else paths
    items = "".join(f'<li><a href="{html.escape(p)}">Headline of {html.escape(p)}</a></li>' for p in shown)
    more = f'<a class="next" href="{following}">Next page</a>' if following else ""
    head = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">' if feed else ""
    head += '<base href="/">' if relative else ""
    return (
        f'<html><head><title>{title}</title><meta property="og:type" content="website">{head}</head>'
        f"<body><h1>{title}</h1><nav>{extra}</nav><ul>{items}</ul>{more}</body></html>"
    ).encode()


_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)


def _with_base_and_more_news(page: bytes, paths: list[str]) -> bytes:
    """``page`` with ``<base href="/">`` first in its head and a box of relative links."""
    links = "".join(f'<li><a href="{p.lstrip("/")}">More: {p}</a></li>' for p in paths)
    box = f'<aside class="more-news"><h2>More news</h2><ul>{links}</ul></aside>'.encode()
    head = _HEAD.search(page)
    page = page[: head.end()] + b'<base href="/">' + page[head.end() :] if head else b'<base href="/">' + page
    at = page.lower().rfind(b"</body")
    return page[:at] + box + page[at:] if at >= 0 else page + box


def _calendar_page(year: int, month: int) -> bytes:
    """An endless calendar: every month links to the next and the previous one."""
    nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
    prv = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
    return (
        f"<html><body><h1>Events {year}-{month:02d}</h1>"
        f'<a href="/calendar/{nxt}/">Next</a> <a href="/calendar/{prv}/">Previous</a></body></html>'
    ).encode()


def _rss(paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Feed story {i}</title><link>{p}</link><pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate></item>"
        for i, p in enumerate(paths)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'.encode()


def _sitemap_index(paths: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{p}</loc></sitemap>" for p in paths)
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>"
    ).encode()


def _news_sitemap(paths: list[str]) -> bytes:
    entries = "".join(
        f"<url><loc>{p}</loc><news:news><news:publication><news:name>Gazette</news:name>"
        "<news:language>en</news:language></news:publication>"
        "<news:publication_date>2026-11-02T10:00:00+00:00</news:publication_date>"
        f"<news:title>Sitemap story {i}</news:title></news:news></url>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
    ).encode()


class GeneratedSiteServer(ThreadingHTTPServer):
    """Serves a :class:`GeneratedSite` and records every path requested, in order."""

    daemon_threads = True

    def __init__(self, site: GeneratedSite, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), _Handler)
        self.site = site
        self.requested: list[str] = []
        self.not_modified = 0
        # Knobs for tests: answer conditional requests with 304, and slow every response.
        self.honour_conditionals = False
        self.delay_seconds = 0.0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def record(self, path: str) -> None:
        with self._lock:
            self.requested.append(path)

    def start(self) -> GeneratedSiteServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: GeneratedSiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.record(self.path)
        if self.server.delay_seconds:
            time.sleep(self.server.delay_seconds)
        status, content_type, body = self.server.site.resolve(self.path)
        etag = f'"{hashlib.sha1(body).hexdigest()}"'  # noqa: S324 - a validator, not security
        if self.server.honour_conditionals and status == 200 and self.headers.get("If-None-Match") == etag:
            self.server.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.server.honour_conditionals:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the crawl's own log says what happened."""
