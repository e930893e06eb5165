"""Refuse requests to loopback, private, link-local and metadata addresses (SSRF guard).

Every request passes ``process_request`` before a connection is made, redirects included
(RedirectMiddleware schedules a new request), and robots.txt fetches too, because this
middleware runs before RobotsTxtMiddleware. Origins the user gave are trusted as given:
``scrapy crawl site -a url=http://127.0.0.1:8000/`` crawls that server, but not the Redis on
``127.0.0.1:6379`` a page links to. ``NEWSCRAWLER_ALLOW_PRIVATE_TARGETS`` lifts the guard for
private networks (metadata endpoints stay refused).

Host names are resolved here (once per crawl) to see where they point. The downloader
resolves again when it connects, so a DNS server that answers differently the second time
(DNS rebinding) is not stopped by this alone: run crawlers behind an egress firewall too.
"""

from __future__ import annotations

import logging
import socket
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import run_in_thread

from newscrawler.failures import RefusedFetch
from newscrawler.safety.targets import (
    IPAddress,
    Origin,
    addresses_refusal,
    literal_address,
    name_refusal,
    origin_of,
    trusted_origins,
)

logger = logging.getLogger(__name__)


class TargetGuardMiddleware:
    def __init__(self, crawler: Crawler, allow_private: bool) -> None:
        self.crawler = crawler
        self.allow_private = allow_private
        self._trusted: frozenset[Origin] | None = None
        self._resolved: dict[Origin, list[IPAddress]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, crawler.settings.getbool("NEWSCRAWLER_ALLOW_PRIVATE_TARGETS"))

    @property
    def trusted(self) -> frozenset[Origin]:
        # Read lazily: the spider exists only after the middlewares are built.
        if self._trusted is None:
            self._trusted = trusted_origins(getattr(self.crawler.spider, "given_urls", ()))
        return self._trusted

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        origin = origin_of(request.url)
        if origin is not None and origin in self.trusted:
            return
        reason = await self._refusal(origin)
        if reason is None:
            return
        if self.allow_private and reason != "metadata":
            return
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawler/refused/{reason}")
        logger.warning("refused request to %s: %s target", request.url, reason)
        raise RefusedFetch(f"refused/{reason}", f"{request.url} is a {reason} target")

    async def _refusal(self, origin: Origin | None) -> str | None:
        if origin is None:
            return "scheme"
        host = origin[0]
        reason = name_refusal(host)
        if reason:
            return reason
        address = literal_address(host)
        if address is not None:
            return addresses_refusal([address])
        if origin not in self._resolved:
            self._resolved[origin] = await run_in_thread(_resolve, *origin)
        return addresses_refusal(self._resolved[origin])


def _resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to; numeric forms like ``2130706433`` included."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    found = []
    for info in infos:
        address = literal_address(str(info[4][0]).split("%", 1)[0])
        if address is not None:
            found.append(address)
    return found
