"""Bios from author pages: many sites print an author's bio only on their profile page.

When an article names an author whose profile is on the same site and shows no bio
itself, the profile page is fetched (through the downloader: robots.txt, the site's delay
and Crawl-delay apply), the bio read there, and written into the record with
``bio_source: "author_page"``. A profile is read at most once per crawl, however many
articles name it, and kept in the crawl state: later crawls reuse it until it is older
than ``NEWSCRAWLER_AUTHOR_PAGE_MAX_AGE`` days. A profile that answers 404 or 410 is
remembered as having no bio for as long; any other failure (robots.txt, a network error,
a 5xx) is counted and leaves the bio null, and the record is written all the same.

Runs in the crawl process, which never imports the extraction code: the bio is read by
the same extraction function (a worker, or in-process) as the articles.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newscrawler.discovery.urls import canonicalize
from newscrawler.encoding import decode_page
from newscrawler.items import BIO_FROM_ARTICLE, BIO_FROM_AUTHOR_PAGE
from newscrawler.pages import utc_now_iso
from newscrawler.state.crawlstate import CrawlState
from newscrawler.state.model import AuthorPageState
from newscrawler.urls import site_of
from newscrawler.workers.task import ExtractionTask, Fields, profile_task

logger = logging.getLogger(__name__)

Download = Callable[[Request], Awaitable[Response]]
Extract = Callable[[ExtractionTask], Awaitable[Fields | None]]

# A profile that is gone stays gone for the cache's lifetime; other failures are retried
# by the next crawl.
_GONE = frozenset({404, 410})
_STATS = "newscrawler/author_pages"


class AuthorPages:
    """Fills missing bios of one crawl's records from the authors' profile pages."""

    @property
    def state(self) -> CrawlState:
        return self._open_state()

    def __init__(
        self,
        state: Callable[[], CrawlState],
        download: Download,
        extract: Extract,
        max_age_seconds: float,
        stats: StatsCollector | None = None,
        fetch: bool = True,
    ) -> None:
        # Opened at the first profile looked up: a crawl (or a re-extraction) whose pages
        # name no profile never touches the crawl state for this.
        self._open_state = state
        self.download = download
        self.extract = extract
        self.max_age = max_age_seconds
        self.stats = stats
        # False for a re-extraction from WARC files: bios come from the cache, nothing is fetched.
        self.fetch = fetch
        self._read: dict[str, str | None] = {}
        self._waiting: dict[str, list[Deferred[str | None]]] = {}

    async def fill(self, authors: list[dict[str, Any]], page_url: str) -> None:
        """Give each author a ``bio_source``, and a bio from their profile when the page had none."""
        for author in authors:
            if author.get("bio"):
                author["bio_source"] = BIO_FROM_ARTICLE
                continue
            author["bio_source"] = None
            profile = author.get("url")
            if not isinstance(profile, str) or not _is_profile_on_site(profile, page_url):
                continue
            bio = await self.bio_of(profile, str(author.get("name") or ""))
            if bio:
                author["bio"] = bio
                author["bio_source"] = BIO_FROM_AUTHOR_PAGE

    async def bio_of(self, url: str, name: str) -> str | None:
        """The bio on the profile at ``url``: from this crawl, the cache, or one fetch."""
        key = canonicalize(url)
        if key in self._read:
            return self._read[key]
        if key in self._waiting:  # another record is fetching it: wait for its answer
            waiter: Deferred[str | None] = Deferred()
            self._waiting[key].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._waiting[key] = []
        bio: str | None = None
        try:
            bio = await self._cached_or_fetched(url, key, name)
        finally:
            self._read[key] = bio
            for waiter in self._waiting.pop(key):
                waiter.callback(bio)
        return bio

    async def _cached_or_fetched(self, url: str, key: str, name: str) -> str | None:
        cached = self.state.store.author_page(key)
        if cached is not None and self.state.clock() - cached.fetched_at < self.max_age:
            self._count("from_cache")
            return cached.bio
        if not self.fetch:
            return cached.bio if cached is not None else None
        request = Request(url, dont_filter=True, meta={"newscrawler_author_page": True})
        try:
            response = await self.download(request)
        except IgnoreRequest as error:  # robots.txt, the target guard, a redirect off the site
            self._failed(url, "refused", error)
            return None
        except Exception as error:  # noqa: BLE001 - a network error must not cost the article its record
            self._failed(url, "fetch_failed", error)
            return None
        if response.status in _GONE:
            self._save(key, None, response.status)
            self._failed(url, "gone", f"HTTP {response.status}")
            return None
        if response.status != 200 or not isinstance(response, TextResponse):
            self._failed(url, "not_a_page", f"HTTP {response.status}")
            return None
        bio = await self._bio_in(response, name)
        self._count("fetched")
        self._save(key, bio, response.status)
        if bio:
            self._count("bios")
        return bio

    async def _bio_in(self, response: Response, name: str) -> str | None:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        text = decode_page(response.body, content_type)
        task = profile_task(text, response.url, content_type, utc_now_iso(), name)
        try:
            fields = await self.extract(task)
        except Exception as error:  # noqa: BLE001 - as for any page: counted, the crawl goes on
            self._failed(response.url, "extraction_failed", error)
            return None
        bio = (fields or {}).get("bio")
        return bio if isinstance(bio, str) and bio else None

    def _save(self, key: str, bio: str | None, status: int) -> None:
        self.state.store.save_author_page(AuthorPageState(key, bio, self.state.clock(), status))

    def _failed(self, url: str, reason: str, error: object) -> None:
        logger.info("author page %s: no bio (%s: %s)", url, reason, error)
        self._count(f"failed/{reason}")

    def _count(self, name: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"{_STATS}/{name}")


def _is_profile_on_site(profile: str, page_url: str) -> bool:
    """An http(s) page of the article's own site, other than the article itself."""
    if not profile.startswith(("http://", "https://")):
        return False
    return site_of(profile) == site_of(page_url) and canonicalize(profile) != canonicalize(page_url)
