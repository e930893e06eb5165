"""How long a site waits between runs, longer while its runs keep failing.

A failing site is retried at its next interval, then at doubling delays, so a site that is
down for a day costs a handful of crawls instead of one per interval. The delay is capped at
a day (or the interval itself, when that is longer): a site that comes back is archived
again within a day.
"""

from __future__ import annotations

MAX_BACKOFF_SECONDS = 86400.0


def retry_delay(interval: float, failures: int, max_backoff: float = MAX_BACKOFF_SECONDS) -> float:
    """Seconds from a run's start to the next run's start, after ``failures`` failed runs in a row.

    >>> retry_delay(60, 0), retry_delay(60, 1)
    (60, 60)
    >>> [retry_delay(60, n) for n in (2, 3, 4)]
    [120.0, 240.0, 480.0]
    >>> retry_delay(3600, 10)
    86400.0
    >>> retry_delay(2 * 86400, 5)  # never shorter than the interval
    172800
    """
    if failures <= 1:
        return interval
    # The exponent is bounded so that a site failing for months cannot overflow the float.
    grown = interval * 2.0 ** min(failures - 1, 40)
    return max(interval, min(grown, max_backoff))
