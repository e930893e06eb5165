"""The crawl process returns large freed blocks to the OS (see ``newscrawler.heap``)."""

from __future__ import annotations

import logging
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.heap import return_freed_memory

logger = logging.getLogger(__name__)


class ReturnFreedMemory:
    """On by default; ``NEWSCRAWLER_RETURN_FREED_MEMORY = False`` leaves glibc's defaults."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("NEWSCRAWLER_RETURN_FREED_MEMORY", True):
            raise NotConfigured
        if not return_freed_memory():
            logger.debug("no glibc mallopt here: heap thresholds left as they are")
        return cls()
