"""Stopping the crawl when the archive cannot be written: shared by the JSON Lines and WARC writers."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

logger = logging.getLogger(__name__)

_STAT = "newscrawler/archive_write_error"


def stop_crawl_on_write_error(crawler: Crawler, writer: str, error: OSError, disk_full: bool) -> None:
    """Close the spider once, at the first write error: every later write would fail alike.

    The close reason (``archive_disk_full`` or ``archive_write_failed``) becomes the
    crawl's ``finish_reason``.
    """
    assert crawler.stats is not None
    if crawler.stats.get_value(_STAT):
        return
    reason = "archive_disk_full" if disk_full else "archive_write_failed"
    crawler.stats.set_value(_STAT, str(error))
    logger.error("%s: %s; stopping the crawl (%s)", writer, error, reason)
    assert crawler.engine is not None
    deferred_from_coro(crawler.engine.close_spider_async(reason=reason))
