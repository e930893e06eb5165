"""The page budget, spent at fetch time and given back by broken links.

The ``site`` spider used to spend a site's ``max_pages`` when it found a link. On a site
whose article pages carry many broken links, those links took the budget before the
listings further down the queue were read, and the articles they listed were refused.
Here a page costs one unit when it goes out to be fetched (after robots.txt and the
revisit policy, so pages not fetched cost nothing), and a 404 or 410 answer gives it back.
The answers also tell the spider when the links found on a site's articles are broken as
a whole (``SiteFrontier.article_links_broken``); their requests still queued are dropped.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

# What a site spider's request is: robots, sitemap, feed, listing, page (an article of a
# sitemap, feed or listing) or linked (a link found on an article page).
META_KIND = "nc_kind"
# Found on an article page (a "linked" page, or a section only an article links).
META_FROM_ARTICLE = "nc_from_article"
META_CHARGED = "nc_budget_charged"
# The kinds that spend the page budget.
PAGE_KINDS = frozenset({"listing", "page", "linked"})


class OverBudget(IgnoreRequest):
    """The site's page budget is spent, or the request is a link of a site whose article
    links are broken; counted under ``newscrawler/links_rejected/…``."""


class PageBudgetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        frontier = _frontier_of(request, self.crawler.spider)
        # Redirects and retries come back through here as new requests: one page, one charge.
        if frontier is None or request.meta.get(META_CHARGED):
            return
        if request.meta.get(META_FROM_ARTICLE):
            if request.url in frontier.refound:
                frontier.drop_article_link("refound_on_listing")
                raise OverBudget(f"{request.url}: queued again as a listed article")
            if frontier.article_links_broken:
                frontier.drop_article_link("broken_article_links")
                raise OverBudget(f"{request.url}: links found on this site's articles are broken")
        if not frontier.spend():
            raise OverBudget(f"{request.url}: the site's page budget is spent")
        frontier.fetching(request.url)
        request.meta[META_CHARGED] = True

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        frontier = _frontier_of(request, self.crawler.spider)
        # Not a 3xx: a redirect's target answers for it, and a 304 is a page that exists.
        if frontier is not None and request.meta.get(META_CHARGED) and not 300 <= response.status < 400:
            frontier.answer(response.status, found_on_article=bool(request.meta.get(META_FROM_ARTICLE)))
        return response


def _frontier_of(request: Request, spider: Spider | None) -> Any:
    """The site's frontier when ``spider`` is the ``site`` spider and this is a page request."""
    frontiers = getattr(spider, "frontiers", None)
    if not frontiers or request.meta.get(META_KIND) not in PAGE_KINDS:
        return None
    return frontiers.get(request.meta.get("site"))
