"""``scrapy schedule`` end to end: real ``scrapy crawl`` subprocesses against local servers."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from demo.content import ARTICLES
from tests.support.crawl import ROOT, read_archive

DEMO_ARTICLES = len(ARTICLES)
# Both sites of the long-running test get these: a refused connection then fails without
# retries. AutoThrottle stays on: without it a crawl opens more connections than the demo
# server's listen backlog (5, socketserver's default) holds, and stalls on SYN retransmits.
FAST_FAILURE = ("-s", "RETRY_ENABLED=False")


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"  # nothing listens there once the socket is closed


def _sites_file(tmp_path: Path, sites: dict[str, tuple[str, str]]) -> Path:
    path = tmp_path / "sites.yaml"
    entries = "".join(
        f"  - name: {name}\n    start_url: {url}\n    interval: {interval}\n"
        for name, (url, interval) in sites.items()
    )
    path.write_text(f"sites:\n{entries}", encoding="utf-8")
    return path


def _schedule_command(sites: Path, tmp_path: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "schedule", "--sites-file", str(sites),
        "--state-dir", str(tmp_path / "state"), "-s", f"ARCHIVE_DIR={tmp_path / 'archive'}", *extra,
    ]  # fmt: skip


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _schedule_state(tmp_path: Path) -> dict[str, Any]:
    try:
        sites: dict[str, Any] = json.loads((tmp_path / "state" / "schedule.json").read_text())["sites"]
    except (FileNotFoundError, ValueError):
        return {}
    return sites


def _wait_for(condition: Callable[[], bool], timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}\n{log.read_text()[-4000:]}"
        time.sleep(0.1)


def test_once_crawls_the_due_sites_then_a_rerun_finds_nothing_due(demo_url: str, tmp_path: Path) -> None:
    sites = _sites_file(tmp_path, {"demo": (demo_url, "1h")})
    command = _schedule_command(sites, tmp_path, "--once")
    first = subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr[-4000:]
    assert "crawl finished: site=demo" in first.stderr
    assert f"archived={DEMO_ARTICLES}" in first.stderr
    records = read_archive(tmp_path / "archive")
    assert len(records) == DEMO_ARTICLES
    assert {r["site"] for r in records} == {"demo"}
    state = _schedule_state(tmp_path)
    assert state["demo"]["last_outcome"] == "ok"
    assert state["demo"]["last_archived"] == DEMO_ARTICLES
    assert {r["crawl_id"] for r in records} == {state["demo"]["last_crawl_id"]}
    assert (tmp_path / "state" / "logs" / "demo" / f"{state['demo']['last_crawl_id']}.log").is_file()

    # A restart within the interval crawls nothing: the state file remembers the last run.
    again = subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-4000:]
    assert "due now: no site (next: demo at " in again.stderr
    assert _schedule_state(tmp_path) == state


def test_a_second_scheduler_on_the_same_state_is_refused(demo_url: str, tmp_path: Path) -> None:
    sites = _sites_file(tmp_path, {"demo": (demo_url, "1h")})
    (tmp_path / "state").mkdir()
    with (tmp_path / "state" / "schedule.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a running scheduler holds it
        done = subprocess.run(
            _schedule_command(sites, tmp_path, "--once"), cwd=ROOT, env=_env(), capture_output=True, text=True
        )
    assert done.returncode == 1
    assert "another scheduler is running" in done.stderr
    assert not (tmp_path / "archive").exists()


def test_long_running_survives_a_broken_site_and_stops_cleanly_on_sigterm(
    demo_url: str, tmp_path: Path
) -> None:
    sites = _sites_file(tmp_path, {"demo": (demo_url, "2s"), "broken": (_closed_port_url(), "2s")})
    log = tmp_path / "scheduler.log"
    command = _schedule_command(
        sites, tmp_path, "--max-crawls", "2", "--shutdown-timeout", "20", *FAST_FAILURE
    )
    with log.open("wb") as output:
        scheduler = subprocess.Popen(command, cwd=ROOT, env=_env(), stdout=output, stderr=subprocess.STDOUT)
    archive = tmp_path / "archive"
    try:
        _wait_for(lambda: "crawl started" in log.read_text(), 30, "a first crawl started", log)
        # A broken edit of the sites file while crawls run: logged, the old sites stay.
        sites.write_text("sites:\n  - name: demo\n    start_url: not-a-url\n", encoding="utf-8")

        def demo_archived_broken_failed_and_demo_runs_again() -> bool:
            state = _schedule_state(tmp_path)
            demo, broken = state.get("demo", {}), state.get("broken", {})
            # None until the first crawl ends, which may write every article before it does.
            finished = demo.get("last_finished")
            return (
                broken.get("last_outcome") == "failed"
                # The first run archived the site; later runs find nothing new (crawl state).
                and _archived_lines(archive) == DEMO_ARTICLES
                and finished is not None
                and demo.get("last_started", "") > finished  # a later crawl is running now
                # ...past its start-up, so the stop tests Scrapy's graceful close.
                and "Spider opened" in _crawl_log(tmp_path, demo.get("last_crawl_id", ""))
                and "sites file not reloaded" in log.read_text()
            )

        _wait_for(demo_archived_broken_failed_and_demo_runs_again, 60, "demo crawled, broken failed", log)
        interrupted_crawl = _schedule_state(tmp_path)["demo"]["last_crawl_id"]
        assert scheduler.poll() is None, "a failing site must not stop the scheduler"
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=30) == 0
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
            scheduler.wait()
    text = log.read_text()
    assert "problem='no response from the site'" in text
    assert "SIGTERM received: stopping" in text
    assert "scheduler stopped" in text
    assert "killing crawl" not in text  # the interrupted crawl finished within the timeout
    state = _schedule_state(tmp_path)
    assert state["broken"]["consecutive_failures"] >= 1
    demo = state["demo"]
    assert (demo["last_crawl_id"], demo["last_outcome"]) == (interrupted_crawl, "interrupted")
    # Scrapy's graceful stop exits 0; a SIGINT that lands while Scrapy is already closing
    # (it has given the signal back to Python) ends it as -SIGINT. Never our SIGKILL.
    assert demo["last_exit_code"] in (0, -signal.SIGINT)
    assert demo["last_finished"] > demo["last_started"]
    # read_archive fails on a .part file: the SIGINT'ed crawl closed its archive properly.
    records = read_archive(archive)
    assert {r["site"] for r in records} == {"demo"}
    # Every demo article once: later runs found them archived and unchanged (crawl state).
    assert len(records) == DEMO_ARTICLES
    assert not list(archive.rglob("*.part"))


def _archived_lines(archive: Path) -> int:
    return sum(path.read_bytes().count(b"\n") for path in archive.glob("demo/*/*.jsonl*"))


def _crawl_log(tmp_path: Path, crawl_id: str) -> str:
    logs = list((tmp_path / "state" / "logs" / "demo").glob(f"{crawl_id}.log")) if crawl_id else []
    return logs[0].read_text(errors="replace") if logs else ""
