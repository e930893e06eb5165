"""Content claims on a real Redis: one holder per content, shared by the workers of a crawl."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar

import pytest
import redis
from scrapy import Spider
from scrapy.utils.test import get_crawler

from newscrawler.frontier.claims import MemoryClaims, RedisClaims, claims_of
from newscrawler.frontier.redis import frontier_namespace
from newscrawler.items import ArticleRecord, FetchValidators
from newscrawler.pipelines.dedupe import DropDuplicateArticlePipeline
from newscrawler.pipelines.drops import DuplicateArticle

FRONTIER = "newscrawler:frontier:site:0123456789ab"


@pytest.fixture
def client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def _record(url: str, *, requested: str | None = None, canonical: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        url=url, canonical_url=canonical, site="news.example", title="Ferry fares rise",
        body="Text of the story.", description=None, image=None, authors=[], published_at=None,
        modified_at=None, language="en", related=[], fetched_at="2026-12-02T00:00:00Z", status=200,
        content_hash="h1", revision=1, previous_hash=None, crawl_id="c1",
        fetch=FetchValidators(requested_url=requested or url, etag=None, last_modified=None),
    )  # fmt: skip


def test_the_first_claimant_holds_a_claim_and_keeps_it_when_it_claims_again(client: redis.Redis) -> None:
    claims = RedisClaims(client, FRONTIER)
    assert claims.claim("h1 news.example", "https://news.example/a.html") == "https://news.example/a.html"
    assert claims.claim("h1 news.example", "https://news.example/alias.html") == "https://news.example/a.html"
    # The same page again (a killed worker's request, requeued and fetched anew): still its own claim.
    assert claims.claim("h1 news.example", "https://news.example/a.html") == "https://news.example/a.html"
    assert (
        claims.claim("h2 news.example", "https://news.example/alias.html")
        == "https://news.example/alias.html"
    )


def test_claims_live_in_the_frontier_namespace_and_frontiers_do_not_share_them(client: redis.Redis) -> None:
    RedisClaims(client, FRONTIER).claim("h1 news.example", "https://news.example/a.html")
    assert client.hgetall(f"{FRONTIER}:claims") == {b"h1 news.example": b"https://news.example/a.html"}
    other = RedisClaims(client, "newscrawler:frontier:second-run")
    assert other.claim("h1 news.example", "https://news.example/b.html") == "https://news.example/b.html"


def test_workers_claiming_the_same_content_at_once_agree_on_one_holder(redis_url: str) -> None:
    def claim(n: int) -> str:
        with redis.Redis.from_url(redis_url) as client:
            return RedisClaims(client, FRONTIER).claim("h1 news.example", f"https://news.example/{n}.html")

    with ThreadPoolExecutor(max_workers=8) as pool:
        holders = set(pool.map(claim, range(32)))
    assert len(holders) == 1


def test_a_variant_on_another_worker_is_dropped_and_a_requeued_request_is_kept(client: redis.Redis) -> None:
    first, second, replacement, another = (
        DropDuplicateArticlePipeline(RedisClaims(client, FRONTIER)) for _ in range(4)
    )
    page = "https://news.example/a.html"
    first.process_item(_record(page))  # claimed, then this worker is killed before archiving
    with pytest.raises(DuplicateArticle, match=f"same title and body as {page}"):
        second.process_item(_record(f"{page}?ref=most-read", canonical="https://www.example-news.com/a"))
    # An alias declaring the same-host canonical has the same article key: still a duplicate.
    with pytest.raises(DuplicateArticle):
        second.process_item(_record("https://news.example/alias.html", canonical=page))
    # The dead worker's request, requeued and fetched by a replacement worker, is archived.
    assert replacement.process_item(_record(page)).url == page
    # After a redirect the record's URL is not the requested one: the request is the claimant.
    moved = "https://news.example/2026/a.html"
    assert another.process_item(_record(moved, requested=page)).url == moved


def test_claims_are_shared_in_the_crawl_frontier_namespace_with_redis_and_per_process_without(
    redis_url: str,
) -> None:
    class SiteSpider(Spider):
        name = "site"
        frontier_arguments: ClassVar[dict[str, str]] = {"url": "https://news.example/"}

    settings = {"REDIS_URL": redis_url, "NEWSCRAWLER_REDIS_PREFIX": "nc"}
    crawler = get_crawler(SiteSpider, settings_dict=settings)
    crawler.spider = crawler._create_spider()
    claims = claims_of(crawler)
    assert isinstance(claims, RedisClaims)
    assert claims.key == frontier_namespace("nc", crawler.spider, None) + ":claims"
    claims.client.close()
    assert isinstance(claims_of(get_crawler(SiteSpider)), MemoryClaims)
