"""What is due when: the pure functions, driven by a clock that is only a number."""

from __future__ import annotations

import pytest

from newscrawler.scheduling.backoff import MAX_BACKOFF_SECONDS, retry_delay
from newscrawler.scheduling.due import due_sites, next_run_at, seconds_until_next
from newscrawler.scheduling.history import SiteHistory, finished, started
from newscrawler.scheduling.outcome import RunOutcome

HOUR = 3600.0
OK = RunOutcome(returncode=0, archived=3, responses=10)
UNREACHABLE = RunOutcome(returncode=0, archived=0, responses=0)
CRASHED = RunOutcome(returncode=1)


def _run(history: SiteHistory | None, start: float, end: float, outcome: RunOutcome) -> SiteHistory:
    return finished(started(history, start, f"crawl-{start}"), end, outcome)


def test_a_site_never_run_is_due_at_once() -> None:
    assert due_sites({"a": HOUR}, {}, running=(), now=5.0) == ["a"]


def test_cadence_counts_from_the_start_of_the_last_run_not_its_end() -> None:
    history = _run(None, start=1000.0, end=1000.0 + 1800, outcome=OK)
    assert next_run_at(HOUR, history, now=2900.0) == 1000.0 + HOUR
    assert due_sites({"a": HOUR}, {"a": history}, running=(), now=1000.0 + HOUR - 1) == []
    assert due_sites({"a": HOUR}, {"a": history}, running=(), now=1000.0 + HOUR) == ["a"]


def test_a_running_site_is_never_started_twice_even_when_overdue() -> None:
    history = started(None, 0.0, "c1")
    assert due_sites({"a": 10.0}, {"a": history}, running={"a"}, now=1e6) == []
    assert seconds_until_next({"a": 10.0}, {"a": history}, running={"a"}, now=1e6) is None


def test_most_overdue_first_then_by_name() -> None:
    histories = {"late": started(None, 0.0, "c"), "later": started(None, -50.0, "c")}
    intervals = {"late": 10.0, "later": 10.0, "b-new": 10.0, "a-new": 10.0}
    assert due_sites(intervals, histories, running=(), now=100.0) == ["later", "late", "a-new", "b-new"]


def test_failures_double_the_wait_and_a_success_resets_it() -> None:
    clock, history = 0.0, None
    waits = []
    for _ in range(4):
        history = _run(history, start=clock, end=clock + 5, outcome=UNREACHABLE)
        due_at = next_run_at(60.0, history, now=clock + 5)
        waits.append(due_at - clock)
        clock = due_at
    assert waits == [60.0, 120.0, 240.0, 480.0]
    assert history is not None
    assert history.consecutive_failures == 4
    history = _run(history, start=clock, end=clock + 5, outcome=OK)
    assert history.consecutive_failures == 0
    assert next_run_at(60.0, history, now=clock + 5) == clock + 60.0


def test_backoff_is_capped_at_a_day_but_never_below_the_interval() -> None:
    assert retry_delay(HOUR, 30) == MAX_BACKOFF_SECONDS
    assert retry_delay(3 * 86400.0, 30) == 3 * 86400.0
    assert retry_delay(60.0, 10_000) == MAX_BACKOFF_SECONDS


def test_an_interrupted_run_neither_fails_nor_resets_failures() -> None:
    failing = _run(None, 0.0, 1.0, CRASHED)
    interrupted = _run(failing, 100.0, 101.0, RunOutcome(returncode=0, responses=0, interrupted=True))
    assert interrupted.last_outcome == "interrupted"
    assert interrupted.consecutive_failures == 1


@pytest.mark.parametrize(
    ("outcome", "status", "problem"),
    [
        (OK, "ok", None),
        (UNREACHABLE, "failed", "no response from the site"),
        (CRASHED, "failed", "exit code 1"),
        (RunOutcome(returncode=-9), "failed", "killed by SIGKILL"),
        (RunOutcome(returncode=0), "ok", None),  # no stats to read (LOG_LEVEL above INFO)
    ],
)
def test_outcome_status(outcome: RunOutcome, status: str, problem: str | None) -> None:
    assert (outcome.status, outcome.problem) == (status, problem)


def test_clock_set_back_makes_the_site_due_instead_of_waiting_for_the_old_time() -> None:
    history = started(None, 10_000.0, "c")
    assert due_sites({"a": HOUR}, {"a": history}, running=(), now=5_000.0) == ["a"]


def test_seconds_until_next_is_the_nearest_due_time() -> None:
    histories = {"a": started(None, 0.0, "c"), "b": started(None, 0.0, "c")}
    assert seconds_until_next({"a": 100.0, "b": 30.0}, histories, running=(), now=10.0) == 20.0
    assert seconds_until_next({"a": 100.0, "b": 30.0}, histories, running=(), now=50.0) == 0.0
