"""Archive each article once per crawl, however many URLs lead to it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from newscrawler.discovery.urls import canonicalize
from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import DuplicateArticle


def article_key(record: ArticleRecord) -> str:
    """The declared canonical URL when it is on the page's own host, else the page URL.

    A canonical pointing to another host is often a syndication source or a mistake:
    it must not merge two different sites' articles.
    """
    canonical = record.canonical_url
    if canonical and urlsplit(canonical).hostname == urlsplit(record.url).hostname:
        return canonicalize(canonical)
    return canonicalize(record.url)


class DropDuplicateArticlePipeline:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            key = article_key(item)
            if key in self.seen:
                raise DuplicateArticle(f"{item.url}: already archived in this crawl as {key}")
            self.seen.add(key)
        return item
