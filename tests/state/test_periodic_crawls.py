"""Periodic crawls end to end: only new or changed articles produce records."""

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
from tests.support.crawl import ROOT, CrawlResult, archive_files, part_file_lines, read_archive, run_crawl

ARTICLES = 24
ALWAYS_DUE = {"NEWSCRAWLER_REVISIT_MIN_INTERVAL": "0"}


@pytest.fixture
def served() -> Iterator[GeneratedSiteServer]:
    server = GeneratedSiteServer(build_site([synthetic_article(i) for i in range(ARTICLES)])).start()
    yield server
    server.stop()


def _crawl(server: GeneratedSiteServer, tmp_path: Path, **settings: str) -> CrawlResult:
    result = run_crawl(
        "site", tmp_path / "out", "-a", f"url={server.url}", settings={"STATE_DIR": str(tmp_path / "state"), **settings}
    )
    assert result.returncode == 0, result.log[-3000:]
    return result


def _new_records(result: CrawlResult, crawl_number: int) -> list[dict[str, object]]:
    return [r for r in result.records() if r["crawl_id"] == _crawl_ids(result)[crawl_number]]


def _crawl_ids(result: CrawlResult) -> list[str]:
    return sorted({str(r["crawl_id"]) for r in result.records()})


def test_second_run_archives_nothing_and_fetches_no_article_before_it_is_due(
    served: GeneratedSiteServer, tmp_path: Path
) -> None:
    first = _crawl(served, tmp_path)
    assert len(first.records()) == ARTICLES
    fetched_before = len(served.requested)
    second = _crawl(served, tmp_path)
    assert len(second.records()) == ARTICLES  # the first crawl's lines, nothing new
    assert second.stat("newscrawler/skipped/state/not_due") == ARTICLES
    article_fetches = [p for p in served.requested[fetched_before:] if p.startswith("/news/")]
    assert article_fetches == []


def test_changed_article_gets_exactly_one_new_revision(served: GeneratedSiteServer, tmp_path: Path) -> None:
    _crawl(served, tmp_path, **ALWAYS_DUE)
    unchanged = _crawl(served, tmp_path, **ALWAYS_DUE)
    assert len(unchanged.records()) == ARTICLES
    assert unchanged.stat("item_dropped_reasons_count/Unchanged") == ARTICLES
    edited = served.site.article_paths[5]
    status, kind, body = served.site.pages[edited]
    served.site.pages[edited] = (status, kind, body.replace(b"Paragraph 2 of story", b"Corrected paragraph 2 of story"))
    third = _crawl(served, tmp_path, **ALWAYS_DUE)
    records = third.records()
    assert len(records) == ARTICLES + 1
    (revised,) = [r for r in records if r["revision"] == 2]
    (original,) = [r for r in records if r["url"] == revised["url"] and r["revision"] == 1]
    assert revised["url"].endswith(edited)
    assert revised["previous_hash"] == original["content_hash"]
    assert revised["content_hash"] != original["content_hash"]
    assert "Corrected paragraph 2" in str(revised["body"])


def test_not_modified_answers_produce_no_record(served: GeneratedSiteServer, tmp_path: Path) -> None:
    served.honour_conditionals = True
    _crawl(served, tmp_path, **ALWAYS_DUE)
    second = _crawl(served, tmp_path, **ALWAYS_DUE)
    assert len(second.records()) == ARTICLES
    assert served.not_modified >= ARTICLES
    assert second.stat("newscrawler/skipped/state/not_modified") == ARTICLES


def test_kill_mid_crawl_then_rerun_archives_every_article_exactly_once(
    served: GeneratedSiteServer, tmp_path: Path
) -> None:
    served.delay_seconds = 0.15
    out, state = tmp_path / "out", tmp_path / "state"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={served.url}",
        "-s", f"ARCHIVE_DIR={out}", "-s", f"STATE_DIR={state}", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    crawl = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and part_file_lines(out) < 5:
            time.sleep(0.05)
        assert part_file_lines(out) >= 5, "the crawl archived nothing to interrupt"
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=30)
    assert list(out.rglob("*.jsonl.part")), "the kill left no unfinished file to recover"
    served.delay_seconds = 0
    rerun = _crawl(served, tmp_path)
    assert rerun.stat("newscrawler/recovered_part_files") == 1
    urls = Counter(str(r["url"]) for r in read_archive(out))
    assert set(urls) == {served.url.rstrip("/") + p for p in served.site.article_paths}
    assert set(urls.values()) == {1}
    assert len(archive_files(out)) == 2



def test_jobdir_pause_with_ctrl_c_and_resume(served: GeneratedSiteServer, tmp_path: Path) -> None:
    served.delay_seconds = 0.15
    out, state, jobdir = tmp_path / "out", tmp_path / "state", tmp_path / "job"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={served.url}", "-s", f"JOBDIR={jobdir}",
        "-s", f"ARCHIVE_DIR={out}", "-s", f"STATE_DIR={state}",
        # One request at a time: on Ctrl-C Scrapy finishes what its downloader already holds.
        "-s", "CONCURRENT_REQUESTS=1",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    crawl = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and part_file_lines(out) < 5:
        time.sleep(0.05)
    crawl.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy stops gently and keeps its queue in JOBDIR
    _, log = crawl.communicate(timeout=60)
    assert crawl.returncode == 0, log[-3000:]
    paused = read_archive(out)
    assert 0 < len(paused) < ARTICLES, "the pause came too late to leave work for the resume"
    served.delay_seconds = 0
    resumed = run_crawl(
        "site", out, "-a", f"url={served.url}", settings={"STATE_DIR": str(state), "JOBDIR": str(jobdir)}
    )
    assert resumed.returncode == 0, resumed.log[-3000:]
    urls = Counter(str(r["url"]) for r in read_archive(out))
    assert set(urls) == {served.url.rstrip("/") + p for p in served.site.article_paths}
    assert set(urls.values()) == {1}
