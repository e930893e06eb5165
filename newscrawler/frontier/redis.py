"""The Redis frontier, Scrapy's scheduler when ``REDIS_URL`` is set (see ``scheduler``).

Built on Redis directly rather than on scrapy-redis 0.9.1, which warns on every run with
Scrapy 2.19, stalls with SCHEDULER_IDLE_BEFORE_CLOSE and loses a killed worker's requests.

A request is acked only when Scrapy is done with it: downloaded, failed or refused, and
no longer in the downloader or the scraper (its callback ran, its items went through the
pipelines, the requests it yielded are in Redis). Until then a crash of this worker puts it back in
the queue for others. Requeued work that was in fact finished is harmless: the dupefilter
drops re-found links and the crawl state drops re-fetched unchanged articles.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import socket
import time
from typing import Any, Self

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.request import RequestFingerprinter, request_from_dict
from twisted.internet import task

from newscrawler.frontier.queue import FrontierQueue

logger = logging.getLogger(__name__)

META_LEASE = "nc_lease"


def frontier_namespace(prefix: str, spider: Spider, explicit: str | None) -> str:
    """Workers share a frontier when they run the same spider with the same arguments."""
    if explicit:
        return f"{prefix}:frontier:{explicit}"
    arguments = sorted((k, str(v)) for k, v in getattr(spider, "frontier_arguments", {}).items())
    digest = hashlib.sha1(repr(arguments).encode(), usedforsecurity=False).hexdigest()[:12]
    return f"{prefix}:frontier:{spider.name}:{digest}"


class RedisFrontierScheduler:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.client = redis.Redis.from_url(settings.get("REDIS_URL"))
        self.prefix = settings.get("NEWSCRAWLER_REDIS_PREFIX")
        self.explicit_frontier = settings.get("NEWSCRAWLER_FRONTIER")
        self.lease_ttl = settings.getfloat("NEWSCRAWLER_WORKER_HEARTBEAT_TIMEOUT")
        self.worker_id = f"{socket.gethostname()}-{os.getpid()}-{os.urandom(3).hex()}"
        self.fingerprinter: RequestFingerprinter = crawler.request_fingerprinter  # type: ignore[assignment]
        self.queue: FrontierQueue | None = None
        self.spider: Spider | None = None
        self._held: dict[Request, str] = {}
        # Held requests that no part of the engine holds, with the maintenance pass that
        # first saw them so.
        self._quiet: dict[Request, int] = {}
        self._passes = 0
        self._loop: task.LoopingCall | None = None
        # Scrapy closes a spider as soon as its scheduler is empty; a worker of a shared
        # frontier waits instead, since others may still add requests.
        self.idle_timeout = settings.getfloat("NEWSCRAWLER_IDLE_TIMEOUT")
        self.idle_since: float | None = None
        crawler.signals.connect(self._spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        namespace = frontier_namespace(self.prefix, spider, self.explicit_frontier)
        self.queue = FrontierQueue(self.client, namespace, self.worker_id, self.lease_ttl)
        self.queue.heartbeat()
        logger.info("frontier %s in Redis, worker %s", namespace, self.worker_id)
        self._loop = task.LoopingCall(self._maintain)
        self._loop.start(max(0.5, self.lease_ttl / 6), now=False)

    def close(self, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.queue is not None:
            # The engine is idle when the spider closes: whatever left the downloader is done.
            self._ack_finished(final=True)
            given_back = self.queue.leave()
            if given_back:
                logger.info("gave %d unfinished requests back to the frontier", given_back)
        self.client.close()

    def has_pending_requests(self) -> bool:
        assert self.queue is not None
        return self.queue.pending() > 0

    def enqueue_request(self, request: Request) -> bool:
        assert self.queue is not None
        if not request.dont_filter and not self.queue.add_if_new(
            self.fingerprinter.fingerprint(request).hex()
        ):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("dupefilter/filtered")
            return False
        request.meta.pop(META_LEASE, None)
        payload = pickle.dumps(request.to_dict(spider=self.spider), protocol=pickle.HIGHEST_PROTOCOL)
        self.queue.push(payload, request.priority)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        assert self.queue is not None
        lease = self.queue.pop()
        if lease is None:
            return None
        request = request_from_dict(pickle.loads(lease.payload), spider=self.spider)  # noqa: S301 - our own payloads
        request.meta[META_LEASE] = lease.token
        self._held[request] = lease.token
        self.idle_since = None
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("scheduler/dequeued/redis")
        return request

    # --- idling ----------------------------------------------------------------------

    def _spider_idle(self, spider: Spider) -> None:
        """Stop once idle for ``NEWSCRAWLER_IDLE_TIMEOUT`` (counted from when this worker
        became idle) and no other live worker holds requests that may add more."""
        assert self.queue is not None
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_timeout or self.queue.leased_elsewhere() > 0:
            raise DontCloseSpider

    # --- leases ----------------------------------------------------------------------

    def _maintain(self) -> None:
        assert self.queue is not None
        self._passes += 1
        try:
            self.queue.heartbeat()
            self._ack_finished()
            moved = self.queue.requeue_dead_workers()
        except redis.RedisError:
            logger.exception("Redis unreachable; retrying")
            return
        if moved:
            logger.warning("requeued %d requests held by workers that stopped answering", moved)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newscrawler/frontier/requeued", moved)

    def _ack_finished(self, final: bool = False) -> None:
        """Ack held requests that neither the downloader nor the scraper holds, on this pass
        and the one before.

        Not Scrapy's request_left_downloader signal: it does not fire for a request that a
        downloader middleware refuses (robots.txt, the page budget, the revisit policy),
        whose lease would then never be acked and would keep every worker waiting. The
        one-pass margin covers the hand-overs between scheduler, downloader and scraper.
        """
        assert self.queue is not None
        engine = self.crawler.engine
        busy: set[Any] = set(engine.downloader.active)
        slot = engine.scraper.slot
        if slot is not None:
            busy |= slot.active
            busy |= {request for _, request, _ in slot.queue}
        for request in list(self._held):
            if request in busy:
                self._quiet.pop(request, None)
                continue
            first_quiet = self._quiet.setdefault(request, self._passes)
            if final or first_quiet < self._passes:
                self.queue.ack(self._held.pop(request))
                del self._quiet[request]
