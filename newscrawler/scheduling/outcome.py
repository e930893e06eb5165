"""What a finished crawl did: exit code, records archived, whether the site answered.

``scrapy crawl`` exits 0 even when the site never answered (every request failed, the
spider counted the failures and closed normally), so the exit code alone would call an
unreachable site healthy. The closing stats dump in the crawl's log says how many responses
came back; the archive stage's ``<crawl_id>.stats.json`` says how many records were written
(it exists only when some were).
"""

from __future__ import annotations

import json
import re
import signal
from dataclasses import dataclass
from pathlib import Path

from newscrawler.archive.crawlstats import STATS_SUFFIX
from newscrawler.archive.paths import safe_site_name

STATS_DUMP_MARK = "Dumping Scrapy stats:"
# The dump is the last thing a crawl logs; a long log's head is not worth reading.
_LOG_TAIL_BYTES = 512 * 1024
# One line of Scrapy's pprint'ed stats dict: " 'name': 12," (first line starts with "{").
_STAT_LINE = re.compile(r"^\{?\s*'(?P<name>[^']+)':\s*(?P<value>-?\d+|'[^']*')[,}]?\s*$")


@dataclass(frozen=True)
class RunOutcome:
    """How one crawl ended. ``archived``/``responses`` are None when they could not be read."""

    returncode: int
    archived: int | None = None
    responses: int | None = None
    interrupted: bool = False

    @property
    def problem(self) -> str | None:
        """Why the run counts as failed, or None."""
        if self.returncode < 0:
            return f"killed by {_signal_name(-self.returncode)}"
        if self.returncode > 0:
            return f"exit code {self.returncode}"
        if self.responses == 0 and not self.interrupted:
            return "no response from the site"
        return None

    @property
    def status(self) -> str:
        """``ok``, ``failed`` or ``interrupted`` (stopped by the scheduler's shutdown)."""
        if self.interrupted:
            return "interrupted"
        return "failed" if self.problem else "ok"


def read_outcome(
    returncode: int, log_path: Path, archive_dir: Path, site: str, crawl_id: str, interrupted: bool = False
) -> RunOutcome:
    """The outcome of a crawl, from its exit code, its log and its stats file."""
    stats = stats_from_log(_tail(log_path))
    responses = stats.get("downloader/response_count")
    if responses is None and "finish_reason" in stats:
        responses = 0  # Scrapy leaves out counters that never moved.
    archived = archived_from_stats_file(archive_dir, site, crawl_id)
    if archived is None:
        logged = stats.get("newscrawler/archived")
        archived = logged if isinstance(logged, int) else (0 if "finish_reason" in stats else None)
    return RunOutcome(
        returncode=returncode,
        archived=archived,
        responses=responses if isinstance(responses, int) else None,
        interrupted=interrupted,
    )


def stats_from_log(text: str) -> dict[str, int | str]:
    """The integer and string values of the last stats dump in a Scrapy log.

    >>> log = '''x [scrapy.statscollectors] INFO: Dumping Scrapy stats:
    ... {'downloader/response_count': 50,
    ...  'finish_reason': 'finished',
    ...  'finish_time': datetime.datetime(2026, 11, 26, 1, 5, 8),
    ...  'newscrawler/archived': 12}
    ... x [scrapy.core.engine] INFO: Spider closed (finished)'''
    >>> stats_from_log(log)
    {'downloader/response_count': 50, 'finish_reason': 'finished', 'newscrawler/archived': 12}
    >>> stats_from_log("no dump: the crawl was killed")
    {}
    """
    start = text.rfind(STATS_DUMP_MARK)
    if start < 0:
        return {}
    stats: dict[str, int | str] = {}
    for line in text[start + len(STATS_DUMP_MARK) :].splitlines()[1:]:
        match = _STAT_LINE.match(line.strip())
        if match:
            value = match["value"]
            stats[match["name"]] = value.strip("'") if value.startswith("'") else int(value)
        if line.rstrip().endswith("}"):
            break
    return stats


def archived_from_stats_file(archive_dir: Path, site: str, crawl_id: str) -> int | None:
    """Records archived by the crawl per its ``<crawl_id>.stats.json``, or None if there is none.

    Only the site's own folder is searched (one folder per day), not the whole archive.
    """
    for path in sorted((archive_dir / safe_site_name(site)).glob(f"*/{crawl_id}{STATS_SUFFIX}")):
        try:
            value = json.loads(path.read_text(encoding="utf-8")).get("archived")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(value, int):
            return value
    return None


def _tail(path: Path) -> str:
    try:
        with path.open("rb") as log:
            log.seek(0, 2)
            log.seek(max(0, log.tell() - _LOG_TAIL_BYTES))
            return log.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
