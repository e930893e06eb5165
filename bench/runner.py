"""Run one system over a list of pages in a child process of its own.

Why a child per system: `ru_maxrss` of a fresh process is that system's peak memory
alone (imports, models, parse trees), not the sum of both systems or the parent's
scoring data. The child is started with "spawn", not "fork", so it does not inherit the
parent's memory either. Systems run one after another, never concurrently, so neither
slows the other down.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpora import read_html
from bench.systems import SYSTEMS, Record, empty_record

# A minimal page run before timing starts, so lazy imports and one-time set-up are not
# charged to the first corpus page.
_WARM_UP_HTML = b"<html><head><title>t</title></head><body><p>Warm up.</p></body></html>"


@dataclass(frozen=True)
class Job:
    """One extraction to do: a page file and the URL to pass with it."""

    key: tuple[str, str]
    path: Path
    url: str


@dataclass
class RunResult:
    """What a system produced: a record per job key (an empty record where it raised),
    the error text per failed key, extraction seconds per key, and the child's peak RSS."""

    system: str
    records: dict[tuple[str, str], Record] = field(default_factory=dict)
    errors: dict[tuple[str, str], str] = field(default_factory=dict)
    seconds: dict[tuple[str, str], float] = field(default_factory=dict)
    peak_rss_mib: float = 0.0

    @property
    def total_seconds(self) -> float:
        """Time spent inside the extractor calls only (no file reading, no scoring)."""
        return sum(self.seconds.values())


def _as_record(value: object) -> Record:
    """Fill keys a system left out, so scoring never meets a missing field."""
    if not isinstance(value, dict):
        raise TypeError(f"extractor returned {type(value).__name__}, not dict")
    return {**empty_record(), **value}


def run_system(system: str, repo_root: Path, jobs: list[Job]) -> RunResult:
    """Extract every job with `system`, in this process. Reading a page is not timed;
    an exception on a page is recorded and the page gets an empty record."""
    extract = SYSTEMS[system].build(repo_root)
    try:
        extract(_WARM_UP_HTML, "https://example.com/warm-up")
    except Exception:  # noqa: BLE001 - a failing warm-up shows up again on real pages
        pass
    result = RunResult(system)
    for job in jobs:
        html = read_html(job.path)
        start = time.perf_counter()
        try:
            output = extract(html, job.url)
        except Exception:  # noqa: BLE001 - the benchmark counts failures, it does not stop
            output = None
            result.errors[job.key] = traceback.format_exc(limit=3)
        result.seconds[job.key] = time.perf_counter() - start
        try:
            result.records[job.key] = empty_record() if output is None else _as_record(output)
        except TypeError as exc:
            result.errors[job.key] = str(exc)
            result.records[job.key] = empty_record()
    # Linux reports ru_maxrss in KiB
    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_isolated(system: str, repo_root: Path, jobs: list[Job]) -> RunResult:
    """`run_system` in a fresh spawned child; blocks until it is done."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_system, system, repo_root, jobs).result()


def progress(message: str) -> None:
    """Progress goes to stderr so stdout holds only the table."""
    print(message, file=sys.stderr, flush=True)
