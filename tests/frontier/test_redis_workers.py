"""Scale-out on a real Redis: several worker processes share one frontier and lose nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.generated import GeneratedSiteServer, build_site, synthetic_article
from newscrawler.archive.recovery import recover_part_files
from newscrawler.state import RevisitPolicy
from newscrawler.state.crawlstate import CrawlState
from newscrawler.state.redis import RedisStateStore
from newscrawler.state.sync import sync_state_from_archive
from tests.support.crawl import ROOT, part_file_lines, read_archive, run_crawl

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
    command = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={url}",
               "-s", f"REDIS_URL={redis_url}", "-s", f"ARCHIVE_DIR={archive}",
               "-s", f"STATE_DIR={archive}-state", "-s", "CONCURRENT_REQUESTS=2"]  # fmt: skip
    for name, value in FAST.items():
        command += ["-s", f"{name}={value}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # The worker's log, kept beside its archive for whoever debugs a failure.
    with open(f"{archive}.log", "wb") as log:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)


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
    # What the victim's next start does: finish its file and reconcile it with the state.
    state = CrawlState(RedisStateStore.from_url(redis_url), RevisitPolicy(window=1, min_interval=1))
    for recovered in recover_part_files(victim_dir):
        sync_state_from_archive(state, recovered.path)
    state.store.close()
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
