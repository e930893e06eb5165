"""Name redirect loops, and keep a revisited URL in a redirect chain from vanishing.

When a redirect leads back to a URL already fetched in its chain, Scrapy's dupefilter drops
the new request silently: no errback, no reason, the page is simply lost. Some sites do
that on purpose once (``/article`` → ``/consent`` → ``/article`` with a cookie set), so one
revisit is let through; a URL reached a third time is a loop, refused as ``redirect_loop``.
Chains longer than ``REDIRECT_MAX_TIMES`` are refused as ``too_many_redirects`` here, with
RedirectMiddleware's own limit as the backstop.

Ordered above RedirectMiddleware (600), so it sees each 3xx response first.
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from w3lib.url import safe_url_string

from newscrawler.failures import RefusedFetch

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class RedirectGuardMiddleware:
    def __init__(self, crawler: Crawler, max_redirects: int) -> None:
        self.crawler = crawler
        self.max_redirects = max_redirects

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, crawler.settings.getint("REDIRECT_MAX_TIMES"))

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in _REDIRECTS or not location or request.meta.get("dont_redirect"):
            return response
        target = safe_url_string(urljoin(request.url, location.decode("latin-1").strip()))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if chain.count(target) >= 2:
            raise self._refuse("redirect_loop", f"{request.url} redirects back to {target} again")
        if len(chain) > self.max_redirects:
            raise self._refuse("too_many_redirects", f"{chain[0]} still redirecting after {len(chain) - 1}")
        if target in chain:
            request.dont_filter = True  # copied to the redirected request by RedirectMiddleware
        return response

    def _refuse(self, reason: str, detail: str) -> RefusedFetch:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawler/refused/{reason}")
        return RefusedFetch(reason, detail)
