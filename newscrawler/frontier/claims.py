"""Content claims: which page a crawl archives a given content under, when URLs differ.

A claim lives as long as the crawl's request dedup: in memory for a crawl in one process;
for Redis workers, in one hash beside the shared frontier's ``seen`` set, under the same
namespace (``<namespace>:claims``), never expiring and reused or dropped with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from scrapy import signals
from scrapy.crawler import Crawler

if TYPE_CHECKING:
    import redis


class ClaimStore(Protocol):
    def claim(self, name: str, claimant: str) -> str:
        """Claim ``name`` for ``claimant`` unless another holds it; return the holder."""


class MemoryClaims:
    """Claims of a crawl in one process.

    >>> claims = MemoryClaims()
    >>> claims.claim("h1", "https://ex.com/a"), claims.claim("h1", "https://ex.com/b")
    ('https://ex.com/a', 'https://ex.com/a')
    """

    def __init__(self) -> None:
        self.holders: dict[str, str] = {}

    def claim(self, name: str, claimant: str) -> str:
        return self.holders.setdefault(name, claimant)


class RedisClaims:
    def __init__(self, client: redis.Redis, namespace: str) -> None:
        self.client = client
        self.key = f"{namespace}:claims"

    def claim(self, name: str, claimant: str) -> str:
        # HSETNX and HGET in one MULTI/EXEC: two workers claiming at once see one holder.
        with self.client.pipeline(transaction=True) as transaction:
            transaction.hsetnx(self.key, name, claimant)
            transaction.hget(self.key, name)
            _, holder = transaction.execute()
        return holder.decode() if isinstance(holder, bytes) else str(holder)


def claims_of(crawler: Crawler) -> ClaimStore:
    """Claims shared with every worker of the crawl's Redis frontier, or this process's own."""
    settings = crawler.settings
    if not settings.get("REDIS_URL"):
        return MemoryClaims()
    # Imported only here: a crawl without Redis does not load the client.
    import redis

    from newscrawler.frontier.redis import frontier_namespace

    assert crawler.spider is not None
    namespace = frontier_namespace(
        settings.get("NEWSCRAWLER_REDIS_PREFIX"), crawler.spider, settings.get("NEWSCRAWLER_FRONTIER")
    )
    client = redis.Redis.from_url(settings.get("REDIS_URL"))
    crawler.signals.connect(client.close, signal=signals.engine_stopped, weak=False)
    return RedisClaims(client, namespace)
