"""The ready-made cron lines and systemd units call commands and options that exist."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.support.crawl import ROOT

DEPLOY = ROOT / "deploy"


def _command_lines() -> list[tuple[Path, list[str]]]:
    """Each scrapy or curl command line of the deploy files, split like a shell would."""
    found = []
    for path in sorted(DEPLOY.rglob("*")):
        if path.suffix not in (".cron", ".service"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            words = shlex.split(line.removeprefix("ExecStart="))
            for start, word in enumerate(words):
                if word.endswith("/scrapy") or word == "curl":
                    found.append((path, words[start:]))
    return found


def test_every_scrapy_schedule_option_in_deploy_files_exists() -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "scrapy", "schedule", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    schedule_lines = [(p, w) for p, w in _command_lines() if w[1:2] == ["schedule"]]
    assert {p.name for p, _ in schedule_lines} == {"newscrawler.cron", "newscrawler-schedule.service"}
    for path, words in schedule_lines:
        for option in (w for w in words if w.startswith("--")):
            assert re.search(rf"\s{re.escape(option)}\b", help_text), f"{path.name}: unknown option {option}"


def test_crawl_units_and_scrapyd_lines_name_a_site_and_the_sites_file() -> None:
    crawls = [(p, w) for p, w in _command_lines() if w[1:3] == ["crawl", "site"] or w[0] == "curl"]
    assert {p.name for p, _ in crawls} == {"newscrawler-crawl@.service", "scrapyd.cron"}
    for path, words in crawls:
        line = " ".join(words)
        assert re.search(r"site=(%i|[a-z-]+)\b", line), path.name
        assert "sites_file=/etc/newscrawler/sites.yaml" in line or "SITES_FILE=/etc/newscrawler/" in line
        assert "ARCHIVE_DIR=/var/lib/newscrawler/archive" in line
        if words[0] == "curl":
            assert {"project=newscrawler", "spider=site"} <= set(words), path.name
