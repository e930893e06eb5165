"""Honour robots.txt ``Crawl-delay`` and a site's configured delay.

Scrapy's RobotsTxtMiddleware obeys Allow/Disallow but ignores Crawl-delay, and AutoThrottle
may lower a slot's delay below it. This middleware reads the directive from every robots.txt
response that passes through the downloader and raises the host's download-slot delay back
to it before each request is queued.
"""

from __future__ import annotations

from typing import Self

from protego import Protego
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

# A hostile or mistaken robots.txt must not stall the crawl for hours.
DEFAULT_MAX_CRAWL_DELAY = 30.0


class CrawlDelayMiddleware:
    def __init__(self, crawler: Crawler, user_agent: str, max_delay: float) -> None:
        self.crawler = crawler
        self.user_agent = user_agent
        self.max_delay = max_delay
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("robots.txt is not obeyed")
        return cls(
            crawler,
            settings.get("USER_AGENT"),
            settings.getfloat("NEWSCRAWLER_MAX_CRAWL_DELAY", DEFAULT_MAX_CRAWL_DELAY),
        )

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        assert self.crawler.engine is not None
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        wanted = max(self.delays.get(key, 0.0), float(request.meta.get("crawl_delay") or 0.0))
        if wanted <= 0:
            return
        wanted = min(wanted, self.max_delay)
        slot = downloader.slots.get(key)
        if slot is not None and slot.delay < wanted:
            slot.delay = wanted
        self.delays[key] = wanted

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status == 200 and request.url.endswith("/robots.txt"):
            robots = Protego.parse(response.body.decode("utf-8", errors="replace"))
            delay = robots.crawl_delay(self.user_agent)
            if delay:
                assert self.crawler.engine is not None
                key = self.crawler.engine.downloader.get_slot_key(request)
                self.delays[key] = min(float(delay), self.max_delay)
        return response
