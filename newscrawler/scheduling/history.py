"""``STATE_DIR/schedule.json``: when each site last ran and how it went.

The scheduler reads it at start, so a restart resumes each site's cadence instead of
crawling every site at once, and writes it whole (temporary file, then ``os.replace``) at
every crawl's start and end, so a killed scheduler leaves the previous or the next version,
never a torn one. Times are stored as ISO 8601 UTC for people reading the file and held as
epoch seconds in memory for arithmetic. The file looks like::

    {"version": 1,
     "sites": {"demo": {"last_started": "2026-11-26T01:05:20.123456Z", "last_finished": "…",
                        "last_outcome": "ok", "last_exit_code": 0, "consecutive_failures": 0,
                        "last_crawl_id": "20261126T010520Z-1a2b3c", "last_archived": 12,
                        "last_problem": null}}}
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscrawler.scheduling.outcome import RunOutcome

logger = logging.getLogger(__name__)

SCHEDULE_FILE = "schedule.json"
VERSION = 1
_TIMES = ("last_started", "last_finished")


@dataclass(frozen=True)
class SiteHistory:
    """What the scheduler knows of one site's runs; times in epoch seconds."""

    last_started: float | None = None
    last_finished: float | None = None
    last_outcome: str | None = None
    last_exit_code: int | None = None
    consecutive_failures: int = 0
    last_crawl_id: str | None = None
    last_archived: int | None = None
    last_problem: str | None = None


def started(history: SiteHistory | None, now: float, crawl_id: str) -> SiteHistory:
    """The history once a crawl of the site has started at ``now``."""
    return replace(history or SiteHistory(), last_started=now, last_crawl_id=crawl_id)


def finished(history: SiteHistory, now: float, outcome: RunOutcome) -> SiteHistory:
    """The history once the started crawl has ended with ``outcome``.

    Failures count up (and lengthen the wait, see :mod:`backoff`); a success resets them;
    a crawl the scheduler interrupted at shutdown neither fails nor succeeds.
    """
    failures = history.consecutive_failures
    if outcome.status == "failed":
        failures += 1
    elif outcome.status == "ok":
        failures = 0
    return replace(
        history,
        last_finished=now,
        last_outcome=outcome.status,
        last_exit_code=outcome.returncode,
        consecutive_failures=failures,
        last_archived=outcome.archived,
        last_problem=outcome.problem,
    )


def schedule_path(state_dir: Path) -> Path:
    return state_dir / SCHEDULE_FILE


def load_histories(path: Path) -> dict[str, SiteHistory]:
    """The histories of ``path``; empty when the file is absent.

    An unreadable file is logged and treated as empty: every site then runs once more,
    which is better than a scheduler that refuses to start.
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {name: _from_json(entry) for name, entry in document["sites"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.error("%s: unreadable schedule state (%s); every site is due again", path, error)
        return {}


def save_histories(path: Path, histories: dict[str, SiteHistory]) -> None:
    """Write ``path`` whole: a temporary file beside it, then an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": VERSION, "sites": {name: _to_json(h) for name, h in sorted(histories.items())}}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def iso_time(epoch: float) -> str:
    """ISO 8601 UTC with microseconds, as stored in the file.

    >>> iso_time(0.5)
    '1970-01-01T00:00:00.500000Z'
    """
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _to_json(history: SiteHistory) -> dict[str, Any]:
    entry = asdict(history)
    for key in _TIMES:
        if entry[key] is not None:
            entry[key] = iso_time(entry[key])
    return entry


def _from_json(entry: dict[str, Any]) -> SiteHistory:
    known = {key: value for key, value in entry.items() if key in SiteHistory.__dataclass_fields__}
    for key in _TIMES:
        if known.get(key) is not None:
            known[key] = datetime.fromisoformat(known[key]).timestamp()
    return SiteHistory(**known)
