"""Cases as data, and the checks every case makes against one crawl's log, stats and archive."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from tests.hostile.server import Behaviour, HostileSite
from tests.support.crawl import CrawlResult

ARCHIVED = "archived"
_SKIPPED = re.compile(r"skipped \(([^)]+)\): (?:[\w/]+: )?(http\S+?):? ")
_DROPPED = re.compile(r"Dropped: (\S+?): ")
_REASON_OF_DROP = re.compile(r"'item_dropped_reasons_count/(\w+)'")


class CaseReport(Protocol):
    def __call__(self, case: str, outcome: str, counter: str) -> None: ...


@dataclass(frozen=True)
class Case:
    """One hostile page: what the server does at ``path`` and what the crawl must make of it.

    ``expect`` is ``archived`` (then ``title`` and ``body_has`` are checked exactly), a skip
    reason (``newscrawler/skipped/<expect>``) or a drop reason (a ``DropItem`` class name).
    """

    name: str
    path: str
    behaviour: Behaviour
    expect: str
    title: str | None = None
    body_has: str | None = None
    stats: dict[str, int] = field(default_factory=dict)
    """Further counters that must be at least this high."""

    def __str__(self) -> str:
        return self.name


def skip_reasons(result: CrawlResult) -> dict[str, list[str]]:
    """The reasons logged by ``count_skip``, by URL."""
    found: dict[str, list[str]] = {}
    for reason, url in _SKIPPED.findall(result.log):
        found.setdefault(url, []).append(reason)
    return found


def dropped_urls(result: CrawlResult) -> set[str]:
    return set(_DROPPED.findall(result.log))


def check_case(result: CrawlResult, site: HostileSite, case: Case) -> tuple[str, str]:
    """Assert the case's outcome; returns ``(outcome, counter)`` for the report."""
    url = site.url(case.path)
    records = {r["url"]: r for r in result.records()}  # also validates every line
    if case.expect == ARCHIVED:
        record = _record_for(records, url)
        assert record["title"] == case.title, record["title"]
        if case.body_has:
            assert case.body_has in record["body"], record["body"][:300]
        counter = f"newscrawler/archived={result.stat('newscrawler/archived')}"
    elif case.expect[0].isupper():
        assert url not in records
        assert url in dropped_urls(result), f"no drop logged for {url}"
        key = f"item_dropped_reasons_count/{case.expect}"
        assert (result.stat(key) or 0) >= 1, key
        counter = f"{key}={result.stat(key)}"
    else:
        assert url not in records
        assert case.expect in skip_reasons(result).get(url, []), skip_reasons(result).get(url)
        key = f"newscrawler/skipped/{case.expect}"
        assert (result.stat(key) or 0) >= 1, key
        counter = f"{key}={result.stat(key)}"
    for key, least in case.stats.items():
        assert (result.stat(key) or 0) >= least, (key, result.stat(key))
        counter += f", {key}={result.stat(key)}"
    outcome = ARCHIVED if case.expect == ARCHIVED else f"skipped: {case.expect}"
    return outcome, counter


def _record_for(records: dict[str, Any], url: str) -> Any:
    assert url in records, f"{url} not archived; archived: {sorted(records)}"
    return records[url]


def assert_crawl_healthy(result: CrawlResult) -> None:
    """The crawl went on to its end: exit 0, finished, no traceback, no unhandled error."""
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "finished", result.stat("finish_reason")
    assert "Traceback" not in result.log, result.log[result.log.index("Traceback") - 2000 :][:5000]
    assert result.stat("spider_exceptions/count") is None
