"""scrapy-playwright's download handler, with the two bounds it lacks.

- Timeouts: a page whose navigation outlasts ``NEWSCRAWLER_RENDER_TIMEOUT`` fails with
  :class:`RenderTimeout`, which the spiders count as ``newscrawler/skipped/render_timeout``.
- Restarts: scrapy-playwright keeps one browser for the whole crawl, and Chromium's
  processes grow with every page. After ``NEWSCRAWLER_RENDER_RESTART_AFTER`` pages, new
  pages wait until the open ones are done, the context and the browser are closed, and the
  next page launches a fresh browser (the handler launches one whenever it has none).

Loaded only by crawls that render (see :mod:`newscrawler.render.setup`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from playwright.async_api import TimeoutError as PlaywrightTimeout
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from newscrawler.render.errors import RenderTimeout
from newscrawler.render.setup import DEFAULT_RESTART_AFTER

logger = logging.getLogger(__name__)


class RenderingDownloadHandler(ScrapyPlaywrightDownloadHandler):  # type: ignore[misc]  # untyped base
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        restart_after = crawler.settings.getint("NEWSCRAWLER_RENDER_RESTART_AFTER", DEFAULT_RESTART_AFTER)
        self.restart_after = restart_after if restart_after > 0 else None
        self.started_pages = 0  # since the browser (re)started
        self.open_pages = 0
        self.idle = asyncio.Condition()

    async def _download_request(self, request: Request, spider: Any = None) -> Response:
        async with self.idle:
            if self.restart_after is not None and self.started_pages >= self.restart_after:
                await self.idle.wait_for(lambda: self.open_pages == 0)
                if self.started_pages >= self.restart_after:  # the first waiter restarts
                    await self._restart_browser()
            self.started_pages += 1
            self.open_pages += 1
        try:
            response: Response = await super()._download_request(request, spider)
        except PlaywrightTimeout as error:
            self.stats.inc_value("newscrawler/render/timeouts")
            raise RenderTimeout(f"{request.url}: not loaded within its render timeout ({error})") from None
        finally:
            async with self.idle:
                self.open_pages -= 1
                self.idle.notify_all()
        self.stats.inc_value("newscrawler/render/rendered")
        return response

    async def _restart_browser(self) -> None:
        """Close the context and the browser; the next page launches a new one."""
        self.started_pages = 0
        browser = getattr(self, "browser", None)
        if browser is None:
            return
        # Done here rather than by the handler's disconnection callback, so that the next
        # page finds no browser at once (the callback runs later, as its own task).
        browser.remove_listener("disconnected", self._browser_disconnected_callback)
        for wrapper in list(self.context_wrappers.values()):
            await wrapper.context.close()
        self.context_wrappers.clear()
        await browser.close()
        del self.browser
        self.stats.inc_value("newscrawler/render/browser_restarts")
        logger.info("rendering: browser restarted after %d pages", self.restart_after)
