"""Numbers revisions: unchanged articles produce no record, changed ones revision n+1.

Content-hash comparison catches servers that ignore conditional requests.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import Unchanged
from newscrawler.records import article_key
from newscrawler.state.crawlstate import CrawlState, state_of


class AssignRevisionPipeline:
    def __init__(self, state: CrawlState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(state_of(crawler))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleRecord):
            return item
        key = article_key(item.url, item.canonical_url)
        previous = self.state.store.article(key)
        if previous is None:
            return replace(item, revision=1, previous_hash=None)
        if previous.content_hash == item.content_hash:
            self.state.unchanged(item, key)
            raise Unchanged(f"{item.url}: same content as revision {previous.revision}")
        return replace(item, revision=previous.revision + 1, previous_hash=previous.content_hash)
