"""One crawl of one site: a ``python -m scrapy crawl site`` subprocess and its log file.

A subprocess, not a crawler in the scheduler's own reactor: a site that crashes or leaks
cannot take the scheduler down, and each crawl's memory goes back to the system when it
ends. Each crawl runs in its own session (process group), so a Ctrl-C in the terminal
reaches only the scheduler, which then sends the crawls exactly one SIGINT (Scrapy's
graceful stop; a second SIGINT would make Scrapy stop at once, without finishing its files).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newscrawler.archive.paths import safe_site_name

CRAWL_ID_SETTING = "NEWSCRAWLER_CRAWL_ID"
# Crawl logs kept per site in STATE_DIR/logs/<site>/; older ones are deleted.
KEEP_LOGS_PER_SITE = 20


def crawl_command(site: str, sites_file: Path, crawl_id: str, settings: Sequence[str]) -> list[str]:
    """The command line of one crawl: the user's ``-s NAME=VALUE`` overrides, then the id.

    >>> command = crawl_command("demo", Path("/s.yaml"), "c1", ["LOG_LEVEL=INFO", "NEWSCRAWLER_CRAWL_ID=x"])
    >>> " ".join(command[3:])
    'crawl site -a site=demo -a sites_file=/s.yaml -s LOG_LEVEL=INFO -s NEWSCRAWLER_CRAWL_ID=c1'
    """
    command = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"site={site}"]
    command += ["-a", f"sites_file={sites_file}"]
    for setting in settings:
        # Every run needs its own id, to find its stats file; a fixed one would be reused.
        if setting.split("=", 1)[0].strip() != CRAWL_ID_SETTING:
            command += ["-s", setting]
    return [*command, "-s", f"{CRAWL_ID_SETTING}={crawl_id}"]


@dataclass
class CrawlProcess:
    """A started crawl. ``started_at`` is wall-clock epoch seconds, for the history."""

    site: str
    crawl_id: str
    log_path: Path
    started_at: float
    popen: subprocess.Popen[bytes]
    interrupted: bool = False
    _started_monotonic: float = field(default_factory=time.monotonic)

    @classmethod
    def start(
        cls, site: str, crawl_id: str, command: list[str], logs_dir: Path, started_at: float
    ) -> CrawlProcess:
        log_path = logs_dir / safe_site_name(site) / f"{crawl_id}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("wb") as log:
            popen = subprocess.Popen(  # noqa: S603 (our own command line, no shell)
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=os.getcwd(),
            )
        prune_logs(log_path.parent, KEEP_LOGS_PER_SITE)
        return cls(site, crawl_id, log_path, started_at, popen)

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def duration(self) -> float:
        return time.monotonic() - self._started_monotonic

    def poll(self) -> int | None:
        """The exit code once the crawl has ended (negative: killed by that signal), else None."""
        return self.popen.poll()

    def interrupt(self) -> None:
        """Ask Scrapy to stop gracefully: it finishes in-flight requests and closes its files."""
        self.interrupted = True
        self._send(signal.SIGINT)

    def kill(self) -> None:
        self.interrupted = True
        self._send(signal.SIGKILL)

    def _send(self, number: signal.Signals) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.kill(self.popen.pid, number)


def prune_logs(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest ``*.log`` files (crawl ids sort by start time)."""
    for old in sorted(folder.glob("*.log"))[:-keep]:
        old.unlink(missing_ok=True)
