"""The demo site crawled end to end: every article archived, the seed page's parts exact."""

from __future__ import annotations

from typing import Any

import pytest

from demo.expected import article_urls, expected_records
from tests.support.crawl import CrawlResult, run_crawl

SEED_PATH = "/2026/11/travail-invisible-ia/"


@pytest.fixture(scope="module")
def demo_crawl(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    workdir = tmp_path_factory.mktemp("demo-crawl")
    urls = workdir / "urls.txt"
    urls.write_text("\n".join(article_urls(demo_url)) + "\n", encoding="utf-8")
    return run_crawl("article", workdir / "out", "-a", f"urls_file={urls}")


def _by_url(result: CrawlResult) -> dict[str, dict[str, Any]]:
    return {record["url"]: record for record in result.records()}


def test_every_demo_article_is_archived_once(demo_crawl: CrawlResult, demo_url: str) -> None:
    assert demo_crawl.returncode == 0, demo_crawl.log[-3000:]
    records = demo_crawl.records()
    assert sorted(r["url"] for r in records) == sorted(article_urls(demo_url))
    assert {r["site"] for r in records} == {"127.0.0.1"}


def test_seed_article_structure_comes_out_exactly(demo_crawl: CrawlResult, demo_url: str) -> None:
    url = demo_url.rstrip("/") + SEED_PATH
    record, expected = _by_url(demo_crawl)[url], expected_records(demo_url)[url]
    assert record["title"] == expected["title"]
    assert record["body"].split("\n\n") == expected["body"]
    assert record["authors"] == expected["authors"]
    assert record["related"][0] == expected["related"][0]  # the "Latest News" block
    assert record["language"] == "fr"
    assert record["image"] == expected["image"]


@pytest.mark.parametrize(
    "field", ["title", "language", "image", "published_at", "modified_at", "body_source"]
)
def test_simple_fields_match_on_every_markup(demo_crawl: CrawlResult, demo_url: str, field: str) -> None:
    expected = expected_records(demo_url)
    got = {url: record[field] for url, record in _by_url(demo_crawl).items()}
    assert got == {url: record[field] for url, record in expected.items()}


def test_app_state_page_is_archived_whole(demo_crawl: CrawlResult, demo_url: str) -> None:
    """The Next.js page's text is only in its __NEXT_DATA__: read there, every paragraph."""
    expected = expected_records(demo_url)
    app_pages = [url for url, record in expected.items() if record["body_source"] == "app_state"]
    assert app_pages
    records = _by_url(demo_crawl)
    for url in app_pages:
        record = records[url]
        assert record["body"].split("\n\n") == expected[url]["body"]
        assert (record["title"], record["description"]) == (
            expected[url]["title"],
            expected[url]["description"],
        )
        assert [a["name"] for a in record["authors"]] == [a["name"] for a in expected[url]["authors"]]
        assert [a["url"] for a in record["authors"]] == [a["url"] for a in expected[url]["authors"]]
