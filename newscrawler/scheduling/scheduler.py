"""The scheduler's loop: start due crawls, record how they end, reload sites, stop cleanly.

Everything decided here comes from :mod:`due` and :mod:`history`; this module only does
the waiting, the starting and the bookkeeping, with the clock passed in.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newscrawler.archive.paths import new_crawl_id
from newscrawler.scheduling.due import due_sites, next_run_at, seconds_until_next
from newscrawler.scheduling.history import (
    SiteHistory,
    finished,
    iso_time,
    load_histories,
    save_histories,
    schedule_path,
    started,
)
from newscrawler.scheduling.outcome import read_outcome
from newscrawler.scheduling.process import CrawlProcess, crawl_command
from newscrawler.scheduling.signals import StopSignals
from newscrawler.scheduling.sitesfile import SitesFileWatcher

logger = logging.getLogger(__name__)

# The copy of the sites file that crawls read (see sitesfile), in STATE_DIR.
SITES_SNAPSHOT = "sites.snapshot.yaml"
# The loop wakes at least this often to look at the sites file.
RELOAD_CHECK_SECONDS = 2.0
# While stopping, how often to look whether the interrupted crawls have ended.
STOP_POLL_SECONDS = 0.2


class SchedulerBusy(RuntimeError):
    """Another scheduler holds the lock of the same state folder."""


@dataclass(frozen=True)
class SchedulerOptions:
    sites_file: Path
    state_dir: Path
    archive_dir: Path
    settings: tuple[str, ...] = ()
    """The user's ``-s NAME=VALUE`` overrides, passed on to every crawl."""
    max_crawls: int = 1
    shutdown_timeout: float = 60.0


class Scheduler:
    """Runs crawls of the sites of ``options.sites_file``; see :meth:`run`."""

    def __init__(self, options: SchedulerOptions, clock: Callable[[], float] = time.time) -> None:
        self.options = options
        self.clock = clock
        self.sites: SitesFileWatcher  # loaded in run(), under the state folder's lock
        self.histories: dict[str, SiteHistory] = {}
        self.running: dict[str, CrawlProcess] = {}
        self.failed_runs = 0

    def run(self, once: bool = False) -> int:
        """Schedule until SIGTERM/SIGINT (or, with ``once``, until every due site ran once).

        Returns the exit code: 0, or 1 when ``once`` and a crawl failed. Raises
        :class:`SitesFileError` when the sites file is invalid at start, and
        :class:`SchedulerBusy` when another scheduler uses the same state folder.
        """
        with _state_lock(self.options.state_dir), StopSignals() as signals:
            # Only once the lock is held: the snapshot is what the running crawls read.
            self.sites = SitesFileWatcher(self.options.sites_file, self.options.state_dir / SITES_SNAPSHOT)
            self.histories = load_histories(schedule_path(self.options.state_dir))
            queue = self._due() if once else []
            if once:
                logger.info("due now: %s", ", ".join(queue) or f"no site (next: {self._next_due()})")
            next_reload_check = 0.0
            while not signals.stop_requested:
                self._reap()
                if once:
                    if not queue and not self.running:
                        break
                    queue = self._start(queue)
                else:
                    if time.monotonic() >= next_reload_check:
                        self.sites.refresh()
                        next_reload_check = time.monotonic() + RELOAD_CHECK_SECONDS
                    self._start(self._due())
                signals.wait(self._sleep_seconds())
            if signals.stop_requested:
                logger.info("%s received: stopping; no new crawls", signals.signal_name)
                self._stop(signals)
        return 1 if once and self.failed_runs else 0

    # --- starting -----------------------------------------------------------------------

    def _due(self) -> list[str]:
        intervals = {name: site.interval_seconds for name, site in self.sites.sites.items()}
        return due_sites(intervals, self.histories, self.running.keys(), self.clock())

    def _start(self, queue: list[str]) -> list[str]:
        """Start sites of ``queue`` while there is room; return those not started."""
        queue = list(queue)
        while queue and len(self.running) < self.options.max_crawls:
            name = queue.pop(0)
            if name in self.sites.sites and name not in self.running:
                self._start_one(name)
        return queue

    def _start_one(self, name: str) -> None:
        now = self.clock()
        crawl_id = new_crawl_id()
        command = crawl_command(name, self.sites.snapshot.absolute(), crawl_id, self.options.settings)
        crawl = CrawlProcess.start(name, crawl_id, command, self.options.state_dir / "logs", now)
        self.running[name] = crawl
        self.histories[name] = started(self.histories.get(name), now, crawl_id)
        self._save()
        logger.info(
            "crawl started: site=%s crawl_id=%s pid=%d log=%s", name, crawl_id, crawl.pid, crawl.log_path
        )

    # --- ending -------------------------------------------------------------------------

    def _reap(self) -> None:
        for name, crawl in list(self.running.items()):
            returncode = crawl.poll()
            if returncode is not None:
                del self.running[name]
                self._record_end(crawl, returncode)

    def _record_end(self, crawl: CrawlProcess, returncode: int) -> None:
        outcome = read_outcome(
            returncode,
            crawl.log_path,
            self.options.archive_dir,
            crawl.site,
            crawl.crawl_id,
            interrupted=crawl.interrupted,
        )
        history = finished(self.histories[crawl.site], self.clock(), outcome)
        self.histories[crawl.site] = history
        self._save()
        archived = "unknown" if outcome.archived is None else str(outcome.archived)
        facts = (
            f"site={crawl.site} crawl_id={crawl.crawl_id} exit_code={returncode} "
            f"duration={crawl.duration:.1f}s archived={archived}"
        )
        if outcome.status == "failed":
            self.failed_runs += 1
            logger.error(
                "crawl failed: %s problem=%r failures_in_a_row=%d next_run=%s log=%s",
                facts,
                outcome.problem,
                history.consecutive_failures,
                self._next_run(crawl.site),
                crawl.log_path,
            )
        else:
            verb = "finished" if outcome.status == "ok" else outcome.status
            logger.info("crawl %s: %s next_run=%s", verb, facts, self._next_run(crawl.site))

    def _next_run(self, name: str) -> str:
        site = self.sites.sites.get(name)
        if site is None:
            return "never (no longer in the sites file)"
        now = self.clock()
        return iso_time(next_run_at(site.interval_seconds, self.histories.get(name), now))

    def _next_due(self) -> str:
        now = self.clock()
        times = {
            name: next_run_at(site.interval_seconds, self.histories.get(name), now)
            for name, site in self.sites.sites.items()
        }
        if not times:
            return "none, the sites file has no site"
        name = min(times, key=lambda n: (times[n], n))
        return f"{name} at {iso_time(times[name])}"

    # --- waiting and stopping -----------------------------------------------------------

    def _sleep_seconds(self) -> float:
        intervals = {name: site.interval_seconds for name, site in self.sites.sites.items()}
        wait = seconds_until_next(intervals, self.histories, self.running.keys(), self.clock())
        if wait is None or len(self.running) >= self.options.max_crawls:
            wait = RELOAD_CHECK_SECONDS  # a crawl's end (SIGCHLD) wakes the loop earlier
        return min(wait, RELOAD_CHECK_SECONDS)

    def _stop(self, signals: StopSignals) -> None:
        """Interrupt the running crawls, wait for them up to the timeout, then kill them."""
        for crawl in self.running.values():
            logger.info("asking crawl %s of site %s to stop (SIGINT)", crawl.crawl_id, crawl.site)
            crawl.interrupt()
        deadline = time.monotonic() + self.options.shutdown_timeout
        killed = False
        while self.running:
            self._reap()
            overdue = time.monotonic() >= deadline or signals.stop_requests > 1
            if self.running and overdue and not killed:
                for crawl in self.running.values():
                    logger.warning("killing crawl %s of site %s (SIGKILL)", crawl.crawl_id, crawl.site)
                    crawl.kill()
                killed = True
            if self.running:
                signals.wait(STOP_POLL_SECONDS)
        logger.info("scheduler stopped")

    def _save(self) -> None:
        save_histories(schedule_path(self.options.state_dir), self.histories)


@contextmanager
def _state_lock(state_dir: Path) -> Iterator[None]:
    """Hold ``STATE_DIR/schedule.lock``: two schedulers on one state would crawl twice."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with (state_dir / "schedule.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SchedulerBusy(f"another scheduler is running with the state folder {state_dir}") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
