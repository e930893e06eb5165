"""``scrapy crawl article -a url=URL`` or ``-a urls_file=PATH``: archive given article URLs.

``-a render=1`` renders every page in Chromium, ``-a render=auto`` only pages whose HTML
holds no article (see newscrawler.render).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from newscrawler.items import FetchedPage
from newscrawler.middlewares.incremental import META_ALWAYS, META_REVISIT
from newscrawler.pages import NotAPage, count_skip, failure_reason, fetched_page
from newscrawler.render.mode import RenderMode, render_mode
from newscrawler.render.requests import render_meta, render_request, wants_render_now
from newscrawler.render.setup import enable_rendering
from newscrawler.urls import InvalidStartUrl, checked_start_url


class ArticleSpider(scrapy.Spider):
    name = "article"

    def __init__(
        self, url: str | None = None, urls_file: str | None = None, render: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if not url and not urls_file:
            raise InvalidStartUrl("give -a url=URL or -a urls_file=PATH")
        self.start_urls_given = [checked_start_url(u) for u in _urls(url, urls_file)]
        self.render = render_mode(render)
        # Workers started with the same arguments share one Redis frontier.
        self.frontier_arguments = {"url": url, "urls_file": urls_file}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.render is not RenderMode.OFF:
            enable_rendering(crawler.settings)
        return spider

    @property
    def given_urls(self) -> list[str]:
        """URLs the user gave: TargetGuardMiddleware trusts their origins as given."""
        return self.start_urls_given

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls_given:
            # Given URLs are always fetched, conditionally when already archived.
            meta = {META_REVISIT: True, META_ALWAYS: True, **render_meta(self.render)}
            yield scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    def parse(self, response: Response, **kwargs: Any) -> Iterable[FetchedPage | scrapy.Request]:
        try:
            page = fetched_page(response)
        except NotAPage as skipped:
            count_skip(self.crawler, skipped.reason, str(skipped))
            return
        yield render_request(response) if wants_render_now(response) else page

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        # The URL that was asked for, not where its redirects led.
        url = request.meta.get("redirect_urls", [request.url])[0]
        count_skip(self.crawler, failure_reason(failure), f"{url}: {failure.value}")


def _urls(url: str | None, urls_file: str | None) -> list[str]:
    urls = [url] if url else []
    if urls_file:
        for line in Path(urls_file).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                urls.append(line)
    return urls
