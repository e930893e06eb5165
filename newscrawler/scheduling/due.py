"""Which sites to start now: pure functions of the intervals, the histories and a clock.

A site is due one interval (longer after failures, see :mod:`backoff`) after its last run
*started*, so its cadence does not drift by the crawl's duration; a site never runs twice at
once, so a crawl that outlasts its interval is followed by the next one as soon as it ends.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from newscrawler.scheduling.backoff import retry_delay
from newscrawler.scheduling.history import SiteHistory


def next_run_at(interval: float, history: SiteHistory | None, now: float) -> float:
    """Epoch seconds at which the site is next due (``now`` or earlier: due now).

    >>> next_run_at(60, None, now=1000.0)  # never run: due at once
    1000.0
    >>> next_run_at(60, SiteHistory(last_started=950.0), now=1000.0)
    1010.0
    >>> next_run_at(60, SiteHistory(last_started=950.0, consecutive_failures=3), now=1000.0)
    1190.0
    """
    if history is None or history.last_started is None:
        return now
    if history.last_started > now:
        # The clock went back (or the state file came from another machine): waiting for the
        # old time to come round again could skip crawls for days, so run now.
        return now
    return history.last_started + retry_delay(interval, history.consecutive_failures)


def due_sites(
    intervals: Mapping[str, float],
    histories: Mapping[str, SiteHistory],
    running: Collection[str],
    now: float,
) -> list[str]:
    """Names of the sites due at ``now`` and not running, the longest overdue first.

    >>> histories = {"a": SiteHistory(last_started=990.0), "b": SiteHistory(last_started=900.0),
    ...              "d": SiteHistory(last_started=999.0)}
    >>> due_sites({"a": 5, "b": 5, "c": 5, "d": 3600, "e": 5}, histories, running={"c"}, now=1000.0)
    ['b', 'a', 'e']
    """
    due = [
        (next_run_at(interval, histories.get(name), now), name)
        for name, interval in intervals.items()
        if name not in running
    ]
    return [name for when, name in sorted(due) if when <= now]


def seconds_until_next(
    intervals: Mapping[str, float],
    histories: Mapping[str, SiteHistory],
    running: Collection[str],
    now: float,
) -> float | None:
    """Seconds until the next site not running becomes due (0 if one is due); None if none can.

    >>> seconds_until_next({"a": 60}, {"a": SiteHistory(last_started=990.0)}, running=(), now=1000.0)
    50.0
    >>> seconds_until_next({"a": 60}, {}, running={"a"}, now=1000.0) is None
    True
    """
    waits = [
        next_run_at(interval, histories.get(name), now) - now
        for name, interval in intervals.items()
        if name not in running
    ]
    return max(0.0, min(waits)) if waits else None
