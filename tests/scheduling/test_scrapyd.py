"""Deploying to a real Scrapyd with scrapyd-client and scheduling crawls through its API.

Scrapyd is started from the test on a free port, with every folder in a temporary
directory, and deployed to the way users do it (``scrapyd-deploy`` in the project folder).
The project is deployed from a temporary copy, because building the egg writes ``build/``
and ``*.egg-info`` beside ``setup.py``. Scrapyd runs the crawl from the egg, not from this
checkout: its environment has no PYTHONPATH to the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from demo.content import ARTICLES
from tests.support.crawl import ROOT, read_archive
from tests.support.processes import free_port, stop

DEMO_ARTICLES = len(ARTICLES)
PROJECT = "newscrawler"
START_TIMEOUT = 30
JOB_TIMEOUT = 90


@dataclass
class Scrapyd:
    url: str
    home: Path

    def get(self, endpoint: str, **params: str) -> dict[str, Any]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}{endpoint}{query}", timeout=10) as response:
            result: dict[str, Any] = json.load(response)
        return result

    def post(self, endpoint: str, fields: list[tuple[str, str]]) -> dict[str, Any]:
        body = urllib.parse.urlencode(fields).encode()
        with urllib.request.urlopen(f"{self.url}{endpoint}", data=body, timeout=10) as response:
            result: dict[str, Any] = json.load(response)
        assert result["status"] == "ok", result
        return result

    def wait_finished(self, job: str) -> None:
        deadline = time.monotonic() + JOB_TIMEOUT
        while job not in {j["id"] for j in self.get("listjobs.json", project=PROJECT)["finished"]}:
            assert time.monotonic() < deadline, f"job {job} not finished in {JOB_TIMEOUT} s"
            time.sleep(0.2)

    def job_log(self, job: str) -> str:
        return (self.home / "logs" / PROJECT / "site" / f"{job}.log").read_text(encoding="utf-8")


def _environment() -> dict[str, str]:
    """This environment without a way to import the checkout: the crawl must use the egg."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    home = tmp_path_factory.mktemp("scrapyd")
    # So whatever a job imports of newscrawler (and the schema file it reads) is the egg's.
    outside = subprocess.run([sys.executable, "-c", "import newscrawler"], cwd=home, env=_environment())
    assert outside.returncode != 0, "newscrawler is importable without the egg"
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        # Scrapyd then sets FEEDS to a file per job: our archive must not depend on FEEDS.
        f"items_dir = {home / 'items'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
        "poll_interval = 0.2\n"
        "max_proc = 1\n",
        encoding="utf-8",
    )
    output = (home / "scrapyd.out").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapyd"],
        cwd=home,
        env=_environment(),
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    server = Scrapyd(f"http://127.0.0.1:{port}/", home)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, (home / "scrapyd.out").read_text()
            try:
                if server.get("daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "scrapyd did not start"
            time.sleep(0.1)
        yield server
    finally:
        stop(process)
        output.close()


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd, tmp_path_factory: pytest.TempPathFactory) -> Scrapyd:
    project = tmp_path_factory.mktemp("project")
    shutil.copy2(ROOT / "setup.py", project)
    shutil.copytree(
        ROOT / "newscrawler", project / "newscrawler", ignore=shutil.ignore_patterns("__pycache__")
    )
    config = (ROOT / "scrapy.cfg").read_text(encoding="utf-8")
    assert "url = http://127.0.0.1:6800/" in config
    (project / "scrapy.cfg").write_text(config.replace("127.0.0.1:6800", scrapyd.url.split("/")[2]), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapyd_client.deploy", "default", "--version", "r1"],
        cwd=project,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"status": "ok"' in done.stdout, done.stdout + done.stderr
    assert scrapyd.get("listspiders.json", project=PROJECT)["spiders"] == ["article", "site"]
    return scrapyd


def test_a_scheduled_crawl_writes_our_archive_from_the_egg(
    deployed: Scrapyd, demo_url: str, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    fields = [
        ("project", PROJECT),
        ("spider", "site"),
        ("url", demo_url),
        ("setting", f"ARCHIVE_DIR={archive}"),
        ("setting", f"STATE_DIR={archive}-state"),
    ]
    job = deployed.post("schedule.json", fields)["jobid"]
    deployed.wait_finished(job)
    log = deployed.job_log(job)
    assert "Traceback" not in log, log[-4000:]
    records = read_archive(archive)  # each line checked against record-v1.json
    assert len(records) == DEMO_ARTICLES
    assert len({r["url"] for r in records}) == DEMO_ARTICLES
    # Scrapyd's FEEDS file is written too, beside and independent of our archive.
    items = (deployed.home / "items" / PROJECT / "site" / f"{job}.jl").read_text(encoding="utf-8")
    assert sorted(json.loads(line)["url"] for line in items.splitlines()) == sorted(r["url"] for r in records)
    assert not list(archive.rglob("*.jl"))


def test_a_site_of_the_sites_file_as_cron_schedules_it(
    deployed: Scrapyd, demo_url: str, tmp_path: Path
) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"sites:\n  - name: demo\n    start_url: {demo_url}\n", encoding="utf-8")
    archive = tmp_path / "archive"
    # What deploy/cron/scrapyd.cron sends with curl.
    fields = [
        ("project", PROJECT),
        ("spider", "site"),
        ("site", "demo"),
        ("setting", f"NEWSCRAWLER_SITES_FILE={sites}"),
        ("setting", f"ARCHIVE_DIR={archive}"),
        ("setting", f"STATE_DIR={archive}-state"),
    ]
    job = deployed.post("schedule.json", fields)["jobid"]
    deployed.wait_finished(job)
    records = read_archive(archive)
    assert len(records) == DEMO_ARTICLES, deployed.job_log(job)[-4000:]
    assert {r["site"] for r in records} == {"demo"}
