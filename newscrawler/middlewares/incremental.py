"""Periodic crawls fetch only what may have changed.

For article requests (``meta["nc_revisit"]``): a page whose revisit time has not come is
not fetched at all; a due page is asked for with If-None-Match / If-Modified-Since, and a
304 answer produces no record. Listing pages, feeds and sitemaps carry no such mark and are
fetched every run. (scrapy-deltafetch fails at start-up on Scrapy ≥ 2.16 and never re-fetches
a seen URL; HttpCache re-emits unchanged pages as responses: neither is this.)
"""

from __future__ import annotations

from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawler.failures import RefusedFetch
from newscrawler.state.crawlstate import CrawlState, state_of

META_REVISIT = "nc_revisit"
META_ALWAYS = "nc_always_fetch"


class NotDue(RefusedFetch):
    """The article is archived and its next re-check has not come yet."""

    def __init__(self, detail: str) -> None:
        super().__init__("state/not_due", detail)


class NotModified(RefusedFetch):
    """The server answered 304: the archived revision is current."""

    def __init__(self, detail: str) -> None:
        super().__init__("state/not_modified", detail)


class IncrementalFetchMiddleware:
    def __init__(self, state: CrawlState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(state_of(crawler))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get(META_REVISIT):
            return
        page = self.state.page(request.url)
        if page is None:
            return
        if not request.meta.get(META_ALWAYS) and not self.state.is_due(page):
            raise NotDue(f"{request.url}: archived, next check not due yet")
        request.meta["nc_page_state"] = page
        if page.etag:
            request.headers.setdefault("If-None-Match", page.etag)
        if page.last_modified:
            request.headers.setdefault("If-Modified-Since", page.last_modified)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        page = request.meta.get("nc_page_state")
        if response.status == 304 and page is not None:
            self.state.checked(page)
            raise NotModified(f"{request.url}: not modified since the last crawl")
        return response
