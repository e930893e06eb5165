"""Archive each article once per crawl, however many URLs lead to it."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.frontier.claims import ClaimStore, MemoryClaims, claims_of
from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import DuplicateArticle
from newscrawler.records import article_key


class DropDuplicateArticlePipeline:
    """One record per article per crawl: by article key (the canonical URL on the page's own
    host), and by content, for the URL variants a key cannot merge: the same story under
    ``…html`` and ``…html?ref=most-read`` whose declared canonical sits on another host.

    Content is claimed by the requested URL, shared by every Redis worker of the crawl: the
    same request fetched again (a killed worker's, requeued) still holds its claim.
    """

    def __init__(self, claims: ClaimStore | None = None) -> None:
        self.seen: set[str] = set()
        self.claims = claims or MemoryClaims()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(claims_of(crawler))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            key = article_key(item.url, item.canonical_url)
            if key in self.seen:
                raise DuplicateArticle(f"{item.url}: already archived in this crawl as {key}")
            # Within one site only: two sites may carry the same agency story word for word,
            # and each archive should hold it.
            page = item.fetch.requested_url if item.fetch else item.url
            content = f"{item.content_hash} {item.site}"
            holder = self.claims.claim(content, page) if item.content_hash else page
            if holder != page:
                raise DuplicateArticle(f"{item.url}: the same title and body as {holder} in this crawl")
            self.seen.add(key)
        return item
