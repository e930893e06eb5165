"""The crawl state in Redis, shared by every worker of a scaled-out crawl.

One hash per page and per article under a key prefix; an article's archive commits both
hashes in one MULTI/EXEC transaction, like the SQLite store's single transaction.
"""

from __future__ import annotations

from typing import Any

import redis

from newscrawler.state.model import ArticleState, AuthorPageState, PageState

DEFAULT_PREFIX = "newscrawler"


class RedisStateStore:
    def __init__(self, client: redis.Redis, prefix: str = DEFAULT_PREFIX) -> None:
        self.client = client
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, prefix: str | None = None) -> RedisStateStore:
        return cls(redis.Redis.from_url(url, decode_responses=True), prefix or DEFAULT_PREFIX)

    def page(self, url: str) -> PageState | None:
        data: dict[str, str] = self.client.hgetall(self._page_key(url))  # type: ignore[assignment]
        if not data:
            return None
        return PageState(
            url=url,
            article_key=data["article_key"],
            first_seen=float(data["first_seen"]),
            last_checked=float(data["last_checked"]),
            next_check=float(data["next_check"]) if data.get("next_check") else None,
            etag=data.get("etag") or None,
            last_modified=data.get("last_modified") or None,
        )

    def article(self, key: str) -> ArticleState | None:
        data: dict[str, str] = self.client.hgetall(self._article_key(key))  # type: ignore[assignment]
        if not data:
            return None
        return ArticleState(
            key=key,
            content_hash=data["content_hash"],
            revision=int(data["revision"]),
            first_seen=float(data["first_seen"]),
            last_seen=float(data["last_seen"]),
            crawl_id=data.get("crawl_id", ""),
        )

    def save_checked(self, page: PageState) -> None:
        self.client.hset(self._page_key(page.url), mapping=_page_fields(page))

    def save_archived(self, page: PageState, article: ArticleState) -> None:
        with self.client.pipeline(transaction=True) as transaction:
            transaction.hset(self._page_key(page.url), mapping=_page_fields(page))
            transaction.hset(self._article_key(article.key), mapping=_article_fields(article))
            transaction.execute()

    def author_page(self, url: str) -> AuthorPageState | None:
        data: dict[str, str] = self.client.hgetall(self._author_page_key(url))  # type: ignore[assignment]
        if not data:
            return None
        return AuthorPageState(
            url=url, bio=data.get("bio") or None, fetched_at=float(data["fetched_at"]), status=int(data["status"])
        )

    def save_author_page(self, page: AuthorPageState) -> None:
        fields: dict[Any, Any] = {"bio": page.bio or "", "fetched_at": page.fetched_at, "status": page.status}
        self.client.hset(self._author_page_key(page.url), mapping=fields)

    def close(self) -> None:
        self.client.close()

    def _page_key(self, url: str) -> str:
        return f"{self.prefix}:state:page:{url}"

    def _article_key(self, key: str) -> str:
        return f"{self.prefix}:state:article:{key}"

    def _author_page_key(self, url: str) -> str:
        return f"{self.prefix}:state:author_page:{url}"


def _page_fields(page: PageState) -> dict[Any, Any]:
    # redis-py types mapping keys and values as wide unions that a precise dict cannot match.
    return {
        "article_key": page.article_key,
        "first_seen": page.first_seen,
        "last_checked": page.last_checked,
        "next_check": "" if page.next_check is None else page.next_check,
        "etag": page.etag or "",
        "last_modified": page.last_modified or "",
    }


def _article_fields(article: ArticleState) -> dict[Any, Any]:
    return {
        "content_hash": article.content_hash,
        "revision": article.revision,
        "first_seen": article.first_seen,
        "last_seen": article.last_seen,
        "crawl_id": article.crawl_id,
    }
