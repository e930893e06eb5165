"""Task functions for extraction workers that misbehave on purpose, selected by URL.

They run inside spawned worker processes, so they live in an importable module.
"""

from __future__ import annotations

import os
import signal
import time

from newscrawler.extraction import ArticleExtractor
from newscrawler.workers.task import ExtractionTask, Fields, run_task


def misbehaving(extractor: ArticleExtractor, task: ExtractionTask) -> Fields | None:
    """Crashes on a URL containing "crash", hangs on "hang", is slow on "slow"; else extracts."""
    if "crash" in task.url:
        os._exit(3)  # like a segfault in a C extension: no exception, no reply
    if "hang" in task.url:
        # Stuck where SIGALRM cannot interrupt, like a C loop: only a kill ends it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if "slow" in task.url:
        time.sleep(3600)  # interruptible: the worker's own deadline ends it
    return run_task(extractor, task)
