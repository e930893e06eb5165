"""``render: auto``: an article page whose HTML yields no article is rendered, once.

The pipelines decide that a page holds no article (no headline, too little text), so the
render is asked for when they drop it: the dropped page's response carries its render mode,
and the render request goes back to the same spider callback. Listing pages are never
candidates (their requests carry no render mode), nor is a page already rendered.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from newscrawler.pipelines.drops import BodyTooShort, MissingTitle
from newscrawler.render.requests import may_render_later, render_request
from newscrawler.render.setup import rendering_enabled

logger = logging.getLogger(__name__)

# What a page whose text a script inserts is dropped as (ListingPage is left out: its
# teasers are in the HTML, so rendering would find the same listing).
EMPTY_PAGE_DROPS = (MissingTitle, BodyTooShort)


class RenderEmptyPages:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not rendering_enabled(crawler.settings):
            raise NotConfigured  # without a message: Scrapy then logs no warning
        extension = cls(crawler)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        return extension

    def item_dropped(self, item: Any, response: Response | None, exception: BaseException) -> None:
        if response is None or not isinstance(exception, EMPTY_PAGE_DROPS) or not may_render_later(response):
            return
        assert self.crawler.engine is not None
        assert self.crawler.stats is not None
        logger.info("rendering %s: its HTML holds no article (%s)", response.url, type(exception).__name__)
        self.crawler.stats.inc_value("newscrawler/render/auto_requested")
        self.crawler.engine.crawl(render_request(response))
