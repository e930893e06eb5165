"""Archive each article once per crawl, however many URLs lead to it."""

from __future__ import annotations

from typing import Any

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import DuplicateArticle
from newscrawler.records import article_key


class DropDuplicateArticlePipeline:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            key = article_key(item.url, item.canonical_url)
            if key in self.seen:
                raise DuplicateArticle(f"{item.url}: already archived in this crawl as {key}")
            self.seen.add(key)
        return item
