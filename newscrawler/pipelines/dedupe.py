"""Archive each article once per crawl, however many URLs lead to it."""

from __future__ import annotations

from typing import Any

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import DuplicateArticle
from newscrawler.records import article_key


class DropDuplicateArticlePipeline:
    """One record per article per crawl: by article key (the canonical URL on the page's own
    host), and by content, for the URL variants a key cannot merge: the same story under
    ``…html`` and ``…html?ref=most-read`` whose declared canonical sits on another host."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.seen_content: set[tuple[str, str]] = set()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            key = article_key(item.url, item.canonical_url)
            if key in self.seen:
                raise DuplicateArticle(f"{item.url}: already archived in this crawl as {key}")
            # Within one site only: two sites may carry the same agency story word for word,
            # and each archive should hold it.
            content = (item.site, item.content_hash)
            if item.content_hash and content in self.seen_content:
                raise DuplicateArticle(
                    f"{item.url}: the same title and body as an article archived in this crawl"
                )
            self.seen.add(key)
            self.seen_content.add(content)
        return item
