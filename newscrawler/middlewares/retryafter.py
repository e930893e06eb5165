"""Honour ``Retry-After`` on 429 and 503 before Scrapy's RetryMiddleware retries.

RetryMiddleware retries at once, whatever the server asked. This middleware sits on the
download side of it (a higher order number, so it sees the response first) and waits what
``Retry-After`` says, capped by ``NEWSCRAWLER_MAX_RETRY_AFTER`` so a hostile "come back in
a week" cannot stall the crawl, and only when a retry will actually follow.
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from newscrawler.safety.waits import retry_after_seconds

logger = logging.getLogger(__name__)

DEFAULT_MAX_RETRY_AFTER = 60.0
_STATUSES = frozenset({429, 503})


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler, max_wait: float, retry_codes: set[int], max_retries: int) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.statuses = _STATUSES & retry_codes
        self.max_retries = max_retries

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("retries are off")
        return cls(
            crawler,
            settings.getfloat("NEWSCRAWLER_MAX_RETRY_AFTER", DEFAULT_MAX_RETRY_AFTER),
            {int(code) for code in settings.getlist("RETRY_HTTP_CODES")},
            settings.getint("RETRY_TIMES"),
        )

    async def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status not in self.statuses or request.meta.get("dont_retry"):
            return response
        if request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.max_retries):
            return response  # RetryMiddleware gives up: no point waiting
        header = response.headers.get(b"Retry-After")
        wanted = retry_after_seconds(header.decode("latin-1") if header else None)
        if wanted is None:
            return response
        wait = min(wanted, self.max_wait)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newscrawler/retry_after/honoured")
        if wanted > self.max_wait:
            self.crawler.stats.inc_value("newscrawler/retry_after/capped")
        logger.info(
            "%s answered %d: waiting %.1f s (asked %.1f s) before retrying",
            request.url,
            response.status,
            wait,
            wanted,
        )
        await sleep(wait)
        return response
