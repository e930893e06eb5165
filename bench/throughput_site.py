"""The throughput benchmark's site: real corpus pages repeated under distinct URLs, served
from a process of its own so the server never competes with the crawl for its GIL.

Every article is in the Google News sitemap (what a Scrapy ``SitemapSpider`` reads) and in
paginated section listings (what newscrawler's link discovery walks too).
"""

from __future__ import annotations

import gzip
import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

from bench.corpora import load_aeb, load_traf, read_html
from demo.generated import LISTING_PAGE_SIZE, GeneratedSite, GeneratedSiteServer, _listing, _news_sitemap

# No charset: the corpus pages come in many encodings and declare them in <meta>.
HTML = "text/html"
ARTICLE_PREFIX = "/news/"


def corpus_pages(corpora: Path) -> list[bytes]:
    """The aeb-dev and traf-dev pages' original bytes (~780 pages)."""
    return [read_html(page.path) for page in load_aeb(corpora) + load_traf(corpora)]


def bench_site(pages: list[bytes], count: int, base_url: str) -> GeneratedSite:
    """``base_url`` ("http://127.0.0.1:PORT/") makes the sitemap's URLs absolute, as the
    sitemap protocol (and Scrapy's SitemapSpider) requires."""
    site = GeneratedSite()
    base = base_url.rstrip("/")
    for index in range(count):
        path = f"{ARTICLE_PREFIX}{index // 1000}/story-{index}/"
        site.pages[path] = (200, HTML, pages[index % len(pages)])
        site.article_paths.append(path)
    paths = site.article_paths
    chunks = [paths[i : i + LISTING_PAGE_SIZE] for i in range(0, len(paths), LISTING_PAGE_SIZE)]
    for number, chunk in enumerate(chunks, start=1):
        path = "/" if number == 1 else f"/section/news/page/{number}/"
        following = f"/section/news/page/{number + 1}/" if number < len(chunks) else None
        site.pages[path] = (200, HTML, _listing("News", chunk, following))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml.gz\n".encode()
    site.pages["/robots.txt"] = (200, "text/plain", robots)
    sitemap = _news_sitemap([base + path for path in paths])
    site.pages["/sitemap.xml.gz"] = (200, "application/x-gzip", gzip.compress(sitemap))
    return site


class _CountingServer(GeneratedSiteServer):
    """Counts article requests in shared memory instead of keeping every path."""

    def __init__(self, site: GeneratedSite, counter: Synchronized[int]) -> None:
        super().__init__(site)
        self.counter = counter

    def record(self, path: str) -> None:
        # Relative links on the corpus pages lead to 404s under /news/ too: not articles.
        if path.startswith(ARTICLE_PREFIX) and path in self.site.pages:
            with self.counter.get_lock():
                self.counter.value += 1


def _serve(corpora: Path, count: int, counter: Synchronized[int], ready: Connection) -> None:
    server = _CountingServer(GeneratedSite(), counter)
    server.site = bench_site(corpus_pages(corpora), count, server.url)
    ready.send(server.url)
    server.serve_forever()


class SiteProcess:
    """``count`` article pages served by a child process; ``served`` counts article fetches."""

    def __init__(self, corpora: Path, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.counter: Synchronized[int] = context.Value("q", 0)
        ours, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(corpora, count, self.counter, theirs), daemon=True
        )
        self.process.start()
        self.url: str = ours.recv()

    @property
    def served(self) -> int:
        return int(self.counter.value)

    def reset(self) -> None:
        with self.counter.get_lock():
            self.counter.value = 0

    def stop(self) -> None:
        self.process.terminate()
        self.process.join()

    def __enter__(self) -> SiteProcess:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
