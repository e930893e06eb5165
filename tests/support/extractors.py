"""Task functions for extraction workers that misbehave on purpose, selected by URL.

They run inside spawned worker processes, so they live in an importable module.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from newscrawler.extraction import ArticleExtractor
from newscrawler.workers.task import ExtractionTask, Fields, run_task

# What a "bloat" page leaves behind in its worker, like a cache that never shrinks.
_HELD: list[bytearray] = []
BLOAT_BYTES = 300 * 1024 * 1024


def misbehaving(extractor: ArticleExtractor, task: ExtractionTask) -> Fields | None:
    """Crashes on a URL containing "crash", hangs on "hang", is slow on "slow", keeps
    BLOAT_BYTES on "bloat"; else extracts."""
    if "bloat" in task.url:
        _HELD.append(bytearray(BLOAT_BYTES))  # zero-filled pages, all resident
    if "crash" in task.url:
        os._exit(3)  # like a segfault in a C extension: no exception, no reply
    if "hang" in task.url:
        # Stuck where SIGALRM cannot interrupt, like a C loop: only a kill ends it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if "slow" in task.url:
        time.sleep(3600)  # interruptible: the worker's own deadline ends it
    return run_task(extractor, task)


def loaded_modules(extractor: ArticleExtractor, task: ExtractionTask) -> Fields | None:
    """The top-level packages imported in the worker, as a field (for the isolation test)."""
    return {"modules": sorted({name.split(".")[0] for name in sys.modules})}
