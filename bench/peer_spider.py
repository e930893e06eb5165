"""The peer: what most Scrapy users run today. A ``SitemapSpider`` that calls trafilatura
(``bare_extraction`` with metadata) in its callback, on the reactor thread, and yields
the result to a JSON Lines feed. Run with ``scrapy runspider`` outside the project, so
none of newscrawler's settings apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import trafilatura
from scrapy.http import Response
from scrapy.spiders import SitemapSpider
from trafilatura.settings import Document


class PeerSpider(SitemapSpider):
    name = "peer"

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [url.rstrip("/") + "/robots.txt"]

    def parse(self, response: Response) -> Iterator[dict[str, Any]]:
        doc = trafilatura.bare_extraction(response.body, url=response.url, with_metadata=True)
        if isinstance(doc, Document):
            yield doc.as_dict()
