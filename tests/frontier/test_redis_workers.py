"""Scale-out on a real Redis: several worker processes share one frontier and lose nothing."""

from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.generated import GeneratedSiteServer, build_site, synthetic_article
from tests.support.crawl import finish_killed_worker, part_file_lines, read_archive, run_crawl, start_worker

ARTICLES = 60
WORKER_TIMEOUT = 180
# Short timeouts keep the tests quick: idle workers stop after 3 s, dead ones are noticed after 3 s.
FAST = {"NEWSCRAWLER_IDLE_TIMEOUT": "3", "NEWSCRAWLER_WORKER_HEARTBEAT_TIMEOUT": "3"}


@pytest.fixture
def served() -> Iterator[GeneratedSiteServer]:
    server = GeneratedSiteServer(build_site([synthetic_article(i) for i in range(ARTICLES)])).start()
    server.delay_seconds = 0.1  # slow enough that two workers share the work
    yield server
    server.stop()


def _start_worker(url: str, redis_url: str, archive: Path) -> subprocess.Popen[bytes]:
    return start_worker(url, redis_url, archive, {"CONCURRENT_REQUESTS": "2", **FAST})


def _expected(served: GeneratedSiteServer) -> set[str]:
    return {served.url.rstrip("/") + path for path in served.site.article_paths}


def test_two_workers_archive_every_article_exactly_once(
    served: GeneratedSiteServer, redis_url: str, tmp_path: Path
) -> None:
    workers = [_start_worker(served.url, redis_url, tmp_path / f"worker{n}") for n in (1, 2)]
    for worker in workers:
        assert worker.wait(timeout=WORKER_TIMEOUT) == 0
    per_worker = [read_archive(tmp_path / f"worker{n}") for n in (1, 2)]
    urls = Counter(str(r["url"]) for records in per_worker for r in records)
    assert set(urls) == _expected(served)
    assert set(urls.values()) == {1}
    assert all(per_worker), "one worker did no work"


def test_a_killed_worker_loses_nothing(served: GeneratedSiteServer, redis_url: str, tmp_path: Path) -> None:
    victim_dir, survivor_dir = tmp_path / "victim", tmp_path / "survivor"
    victim = _start_worker(served.url, redis_url, victim_dir)
    survivor = _start_worker(served.url, redis_url, survivor_dir)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and part_file_lines(victim_dir) < 3:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert survivor.wait(timeout=WORKER_TIMEOUT) == 0
    finish_killed_worker(victim_dir, redis_url)
    urls = Counter(str(r["url"]) for d in (victim_dir, survivor_dir) for r in read_archive(d))
    assert set(urls) == _expected(served)
    assert set(urls.values()) == {1}


def test_unchanged_articles_give_no_record_with_redis_state(
    served: GeneratedSiteServer, redis_url: str, tmp_path: Path
) -> None:
    settings = {"REDIS_URL": redis_url, "NEWSCRAWLER_REVISIT_MIN_INTERVAL": "0", **FAST}
    first = run_crawl("site", tmp_path / "first", "-a", f"url={served.url}", settings=settings)
    assert first.returncode == 0, first.log[-3000:]
    assert len(first.records()) == ARTICLES
    # A fresh frontier for the second run (the first one's dedup set would skip everything);
    # the crawl state in Redis is what must recognise the articles.
    second = run_crawl(
        "site", tmp_path / "second", "-a", f"url={served.url}",
        settings={**settings, "NEWSCRAWLER_FRONTIER": "second-run"},
    )  # fmt: skip
    assert second.returncode == 0, second.log[-3000:]
    assert second.records() == []
    assert second.stat("item_dropped_reasons_count/Unchanged") == ARTICLES
