"""Redis workers on the mirror of issue 18's site: every article exactly once across the
workers' archives, with two workers and with one of them SIGKILLed and replaced.

The mirror serves the same page under URLs that no canonical merges (a short alias, a
``?variant=print`` link): when two workers fetch the two URLs, only the content claims
shared in Redis keep the second record out.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from demo.generated import GeneratedSiteServer
from tests.support.crawl import finish_killed_worker, part_file_lines, read_archive, start_worker
from tests.support.mirror_site import MirrorSite, build_mirror_site
from tests.support.processes import stop

WORKER_TIMEOUT = 180
# Idle workers stop after 3 s, dead ones are noticed after 3 s; two requests at a time each.
WORKER_SETTINGS = {
    "NEWSCRAWLER_IDLE_TIMEOUT": "3",
    "NEWSCRAWLER_WORKER_HEARTBEAT_TIMEOUT": "3",
    "CONCURRENT_REQUESTS": "2",
}


@pytest.fixture
def served() -> Iterator[GeneratedSiteServer]:
    server = GeneratedSiteServer(build_mirror_site()).start()
    server.delay_seconds = 0.1  # slow enough that the workers share the work and a kill lands mid-crawl
    yield server
    server.stop()


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[bytes]]]:
    """The worker processes a test starts, stopped at the end if the test left any running."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            stop(process)


def _mirror(served: GeneratedSiteServer) -> MirrorSite:
    assert isinstance(served.site, MirrorSite)
    return served.site


def _start(
    served: GeneratedSiteServer, redis_url: str, archive: Path, workers: list[subprocess.Popen[bytes]]
) -> None:
    workers.append(start_worker(served.url, redis_url, archive, WORKER_SETTINGS))


def test_two_workers_archive_every_mirror_article_exactly_once(
    served: GeneratedSiteServer, redis_url: str, tmp_path: Path, workers: list[subprocess.Popen[bytes]]
) -> None:
    site = _mirror(served)
    for name in ("worker1", "worker2"):
        _start(served, redis_url, tmp_path / name, workers)
    for worker in workers:
        assert worker.wait(timeout=WORKER_TIMEOUT) == 0
    per_worker = [read_archive(tmp_path / name) for name in ("worker1", "worker2")]
    assert all(per_worker), "one worker did no work"
    assert site.not_archived_once(per_worker[0] + per_worker[1]) == {}
    assert not set(served.requested) & set(site.disallowed_paths)
    assert site.unexpected_requests(served.requested) == []
    # One claim per article, in the hash beside the frontier's `seen` set.
    with redis.Redis.from_url(redis_url) as client:
        [seen] = client.keys("*:seen")
        assert client.hlen(seen.removesuffix(b":seen") + b":claims") == len(site.article_paths)


def test_a_killed_worker_and_its_replacement_archive_every_mirror_article_exactly_once(
    served: GeneratedSiteServer, redis_url: str, tmp_path: Path, workers: list[subprocess.Popen[bytes]]
) -> None:
    site = _mirror(served)
    victim_dir, survivor_dir, replacement_dir = (tmp_path / n for n in ("victim", "survivor", "replacement"))
    _start(served, redis_url, victim_dir, workers)
    _start(served, redis_url, survivor_dir, workers)
    victim = workers[0]
    deadline = time.monotonic() + 60
    archived_before_kill = 0
    while time.monotonic() < deadline and archived_before_kill < 3:
        time.sleep(0.02)
        archived_before_kill = part_file_lines(victim_dir)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    _start(served, redis_url, replacement_dir, workers)
    for worker in workers[1:]:
        assert worker.wait(timeout=WORKER_TIMEOUT) == 0
    finish_killed_worker(victim_dir, redis_url)
    records = [record for d in (victim_dir, survivor_dir, replacement_dir) for record in read_archive(d)]
    assert 3 <= archived_before_kill < len(site.article_paths), "the kill did not land mid-crawl"
    assert site.not_archived_once(records) == {}
    assert not set(served.requested) & set(site.disallowed_paths)
