"""The page budget, spent when a page leaves the queue, not when its link is found.

Links are queued up to a multiple of ``max_pages`` (see ``discovery/frontier.py``); the
budget itself is spent here, when a page or listing request is about to be downloaded,
and a page that answers 404 or 410 does not count. So broken links do not starve a site's
articles of budget, and no more than ``max_pages`` pages that exist are fetched. When the
budget looks spent while pages are still in flight, the request waits for their answers
instead of being dropped: one of them may be broken.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from newscrawler.failures import RefusedFetch

META_KIND = "nc_kind"
_WAIT_SECONDS = 0.05
BUDGETED_KINDS = frozenset({"page", "listing"})


class OverBudget(RefusedFetch):
    def __init__(self, detail: str) -> None:
        super().__init__("page_budget", detail)


class PageBudgetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.meta.get(META_KIND) not in BUDGETED_KINDS:
            return
        frontiers: dict[str, Any] = getattr(self.crawler.spider, "frontiers", {})
        frontier = frontiers.get(request.meta.get("site", ""))
        if frontier is None:
            return
        while not frontier.spend():
            if not frontier.in_flight():  # nothing can give budget back: it is spent
                raise OverBudget(
                    f"{request.url}: the site's max_pages ({frontier.config.max_pages}) is reached"
                )
            # A page in flight may still answer 404 and give its share back: wait for it.
            from twisted.internet import reactor  # the running one, installed by Scrapy

            await maybe_deferred_to_future(deferLater(reactor, _WAIT_SECONDS, lambda: None))
