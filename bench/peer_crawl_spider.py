"""The peer of whole-site crawls: what a Scrapy user writes to archive a site. A
``CrawlSpider`` that follows every link of the site from its home page and reads the
site's sitemaps from robots.txt, calling trafilatura (``bare_extraction`` with metadata)
on every page, on the reactor thread, into a JSON Lines feed. Run with ``scrapy
runspider`` outside the project, so none of newscrawler's settings apply.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from scrapy import Request
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from trafilatura.settings import Document


class PeerCrawlSpider(CrawlSpider):
    name = "peer-crawl"
    rules = (Rule(LinkExtractor(), callback="parse_item", follow=True),)

    def __init__(self, url: str, **kwargs: Any) -> None:
        self.start_urls = [url]
        self.allowed_domains = [urlsplit(url).hostname or ""]
        self.home = url
        super().__init__(**kwargs)

    async def start(self) -> Any:
        yield Request(self.home.rstrip("/") + "/robots.txt", callback=self.parse_robots)
        yield Request(self.home)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield Request(url, callback=self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = gzip.decompress(response.body) if response.url.endswith(".gz") else response.body
        sitemap = Sitemap(body)
        for entry in sitemap:
            callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse_item
            yield response.follow(entry["loc"], callback=callback)

    def parse_item(self, response: Response) -> Iterator[dict[str, Any]]:
        doc = trafilatura.bare_extraction(response.body, url=response.url, with_metadata=True)
        if isinstance(doc, Document) and doc.text:
            yield {
                "url": response.url,
                "title": doc.title,
                "author": doc.author,
                "date": doc.date,
                "text": doc.text,
            }
