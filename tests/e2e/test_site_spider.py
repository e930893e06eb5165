"""``scrapy crawl site`` end to end on a generated site: every article once, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.content import ARTICLES as DEMO_ARTICLES
from demo.generated import GeneratedSiteServer, build_site, synthetic_article
from tests.support.crawl import CrawlResult, run_crawl

ARTICLES = 40


@pytest.fixture(scope="module")
def served() -> Iterator[GeneratedSiteServer]:
    server = GeneratedSiteServer(build_site([synthetic_article(i) for i in range(ARTICLES)])).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def crawl(served: GeneratedSiteServer, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    out = tmp_path_factory.mktemp("site") / "out"
    queue = out.parent / "queue"
    return run_crawl("site", out, "-a", f"url={served.url}", settings={"NEWSCRAWLER_QUEUE_DIR": str(queue)})


def test_every_article_archived_exactly_once_and_nothing_else(
    crawl: CrawlResult, served: GeneratedSiteServer
) -> None:
    assert crawl.returncode == 0, crawl.log[-3000:]
    urls = [record["url"] for record in crawl.records()]
    expected = [served.url.rstrip("/") + path for path in served.site.article_paths]
    assert sorted(urls) == sorted(expected)


def test_pending_requests_wait_on_disk_and_the_queue_is_removed_at_the_end(crawl: CrawlResult) -> None:
    enqueued = crawl.stat("scheduler/enqueued")
    assert enqueued > ARTICLES
    assert crawl.stat("scheduler/enqueued/disk") == enqueued
    assert crawl.stat("scheduler/enqueued/memory") is None
    queue = crawl.archive_dir.parent / "queue"
    assert queue.is_dir()
    assert not list(queue.iterdir())


def test_robots_txt_first_and_nothing_disallowed_fetched(
    crawl: CrawlResult, served: GeneratedSiteServer
) -> None:
    assert served.requested[0] == "/robots.txt"
    assert not [p for p in served.requested if p.startswith("/private/")]


def test_traps_assets_and_tracking_duplicates_are_not_fetched(
    crawl: CrawlResult, served: GeneratedSiteServer
) -> None:
    requested = served.requested
    assert not [p for p in requested if p.startswith("/calendar/")]
    assert not [p for p in requested if p.endswith((".pdf", ".jpg"))]
    assert not [p for p in requested if "utm_" in p or "fbclid" in p]
    assert len(requested) == len(set(requested)) + requested.count("/robots.txt") - 1
    assert crawl.stat("newscrawler/links_rejected/trap/calendar") == 1


def _sites_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sites.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sites_file_one_site_and_all_sites(
    served: GeneratedSiteServer, demo_url: str, tmp_path: Path
) -> None:
    sites = _sites_file(
        tmp_path,
        f"sites:\n  - name: gazette\n    start_url: {served.url}\n    max_pages: 500\n"
        f"  - name: demo\n    start_url: {demo_url}\n",
    )
    one = run_crawl("site", tmp_path / "one", "-a", "site=demo", "-a", f"sites_file={sites}")
    assert one.returncode == 0, one.log[-3000:]
    assert {r["site"] for r in one.records()} == {"demo"}
    assert len(one.records()) == len(DEMO_ARTICLES)
    everything = run_crawl("site", tmp_path / "all", "-a", "site=all", "-a", f"sites_file={sites}")
    assert everything.returncode == 0, everything.log[-3000:]
    records = everything.records()
    assert sorted({r["site"] for r in records}) == ["demo", "gazette"]
    assert len(records) == len(DEMO_ARTICLES) + ARTICLES
    assert sorted(p.parent.parent.name for p in (tmp_path / "all").rglob("*.jsonl")) == ["demo", "gazette"]


def test_bad_sites_file_is_a_clear_error(tmp_path: Path) -> None:
    sites = _sites_file(
        tmp_path, "sites:\n  - name: x\n    start_url: http://127.0.0.1:1/\n    max_pages: many\n"
    )
    result = run_crawl("site", tmp_path / "out", "-a", "site=x", "-a", f"sites_file={sites}")
    assert result.returncode != 0
    assert f"{sites}:4: sites[0].max_pages: expected a positive integer, got 'many'" in result.log
