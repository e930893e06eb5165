"""A wall-clock budget for a block of pure-Python work, with ``SIGALRM``.

Used around extraction: a pathological page (a 100,000-cell table, div soup ten thousand
levels deep) must not hold the crawl for minutes. Signals are delivered only to the main
thread: that of an extraction worker process (newscrawler.workers), or of the crawl, where
Scrapy runs item pipelines, when extraction runs in-process. Elsewhere the block runs
unbounded. Code stuck in C is not interrupted by a signal: the worker pool kills the
worker instead.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

logger = logging.getLogger(__name__)


class DeadlineExceeded(BaseException):
    """The block ran past its budget.

    A ``BaseException`` on purpose: library code full of ``except Exception`` must not
    swallow it and carry on.
    """


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`DeadlineExceeded` inside the block once ``seconds`` have passed.

    ``seconds <= 0`` means no limit. Not reentrant: the block must not set its own alarm.
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        logger.debug("no deadline off the main thread; running without one")
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DeadlineExceeded(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
