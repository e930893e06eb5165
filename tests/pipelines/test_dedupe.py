"""One record per article per crawl, whatever the URL variant."""

from __future__ import annotations

import pytest

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.dedupe import DropDuplicateArticlePipeline
from newscrawler.pipelines.drops import DuplicateArticle


def _record(
    url: str, *, site: str = "news.example", canonical: str | None = None, digest: str = "h1"
) -> ArticleRecord:
    return ArticleRecord(
        url=url, canonical_url=canonical, site=site, title="Ferry fares rise", body="Text of the story.",
        description=None, image=None, authors=[], published_at=None, modified_at=None, language="en",
        related=[], fetched_at="2026-12-02T00:00:00Z", status=200, content_hash=digest, revision=1,
        previous_hash=None, crawl_id="c1",
    )  # fmt: skip


def test_a_url_variant_whose_canonical_is_on_another_host_gives_no_second_record() -> None:
    dedupe = DropDuplicateArticlePipeline()
    syndicated = "https://wire.example/ferry-fares"
    dedupe.process_item(_record("https://news.example/a.html", canonical=syndicated))
    with pytest.raises(DuplicateArticle, match="same title and body"):
        dedupe.process_item(_record("https://news.example/a.html?from=most-read", canonical=syndicated))


def test_the_same_story_on_another_site_or_another_story_is_kept() -> None:
    dedupe = DropDuplicateArticlePipeline()
    dedupe.process_item(_record("https://news.example/a.html"))
    dedupe.process_item(_record("https://other.example/a.html", site="other.example"))
    dedupe.process_item(_record("https://news.example/b.html", digest="h2"))


def test_the_same_canonical_article_twice_is_dropped() -> None:
    dedupe = DropDuplicateArticlePipeline()
    dedupe.process_item(_record("https://news.example/a.html", digest="h1"))
    with pytest.raises(DuplicateArticle, match="already archived"):
        dedupe.process_item(_record("https://news.example/a.html#top", digest="h9"))
