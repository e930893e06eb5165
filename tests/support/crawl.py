"""Run real ``python -m scrapy crawl`` subprocesses and read what they archived."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawler.archive.recovery import recover_part_files
from newscrawler.schema import record_validator, schema_errors
from newscrawler.state import RevisitPolicy
from newscrawler.state.crawlstate import CrawlState
from newscrawler.state.redis import RedisStateStore
from newscrawler.state.sync import sync_state_from_archive

ROOT = Path(__file__).resolve().parents[2]
CRAWL_TIMEOUT = 240


@dataclass
class CrawlResult:
    returncode: int
    log: str
    archive_dir: Path

    def records(self) -> list[dict[str, Any]]:
        return read_archive(self.archive_dir)

    def stat(self, name: str) -> Any:
        """A value of the closing stats dump, parsed from the log."""
        for line in self.log.splitlines():
            stripped = line.strip().rstrip(",")
            if stripped.startswith(f"'{name}':"):
                return eval(stripped.split(":", 1)[1].strip(), {"datetime": None})  # noqa: S307
        return None


def run_crawl(
    spider: str,
    archive_dir: Path,
    *args: str,
    settings: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
) -> CrawlResult:
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", f"ARCHIVE_DIR={archive_dir}"]
    # Each test's crawl state lives beside its archive unless the test shares one on purpose.
    if not any(name == "STATE_DIR" for name in (settings or {})):
        command += ["-s", f"STATE_DIR={archive_dir.parent / (archive_dir.name + '-state')}"]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    command += list(args)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=CRAWL_TIMEOUT, check=False
    )
    return CrawlResult(done.returncode, done.stdout + done.stderr, archive_dir)


def start_worker(
    url: str, redis_url: str, archive_dir: Path, settings: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start one Redis worker of ``scrapy crawl site``; its log is kept beside its archive."""
    command = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={url}",
               "-s", f"REDIS_URL={redis_url}", "-s", f"ARCHIVE_DIR={archive_dir}",
               "-s", f"STATE_DIR={archive_dir}-state"]  # fmt: skip
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(f"{archive_dir}.log", "wb") as log:
        return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log)


def finish_killed_worker(archive_dir: Path, redis_url: str) -> None:
    """What a killed worker's next start does: close its ``.part`` files and reconcile
    them with the crawl state in Redis."""
    state = CrawlState(RedisStateStore.from_url(redis_url), RevisitPolicy(window=1, min_interval=1))
    for recovered in recover_part_files(archive_dir):
        sync_state_from_archive(state, recovered.path)
    state.store.close()


def archive_files(archive_dir: Path) -> list[Path]:
    return sorted(p for p in archive_dir.rglob("*") if p.is_file() and ".jsonl" in p.name)


def read_archive(archive_dir: Path) -> list[dict[str, Any]]:
    """Every record of every finished archive file, each checked against the JSON Schema."""
    validator = record_validator()
    records = []
    for path in archive_files(archive_dir):
        assert not path.name.endswith(".part"), f"unfinished archive file left: {path}"
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                errors = schema_errors(validator, record)
                assert not errors, f"{path}: {errors}"
                records.append(record)
    return records


def part_file_lines(archive_dir: Path) -> int:
    """Lines written so far to the unfinished ``.part`` files of a running crawl."""
    return sum(path.read_bytes().count(b"\n") for path in archive_dir.rglob("*.jsonl.part"))
