"""The worker process's side: build one extractor, then answer tasks until the pipe closes.

Each reply is ``(answer, retiring)``. The answer is a tuple, cheap to pickle:
``("ok", fields | None)``, ``("unparsable", message)``, ``("timeout", message)`` or
``("failed", message, traceback)``; ``retiring`` says the worker outgrew its memory limit
and exits after this reply, for the parent to start a fresh one. Any other way out (a
crash, a kill on a hard timeout) the parent sees as the pipe's end.
"""

from __future__ import annotations

import signal
import traceback
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from newscrawler.extraction import UnparsableDocument
from newscrawler.safety.deadline import DeadlineExceeded, deadline
from newscrawler.workers.memory import MemoryKeeper
from newscrawler.workers.task import ExtractionTask, TaskFunction

if TYPE_CHECKING:
    from newscrawler.extraction import ArticleExtractor

READY = ("ready",)


class WorkerConfig(NamedTuple):
    """The first message a worker receives. ``function`` travels pickled, by reference:
    the worker imports its module (tests pass misbehaving ones)."""

    function: TaskFunction
    timeout: float
    retire_above: int
    """RSS in bytes past which the worker retires (0: never)."""


def run(fd: int) -> None:
    """A worker's life: the pool's end of a socket pair is ``fd``."""
    connection = Connection(fd)
    try:
        config: WorkerConfig = connection.recv()
    except EOFError:
        return
    serve(connection, config.function, config.timeout, config.retire_above)


def serve(connection: Connection, function: TaskFunction, timeout: float, retire_above: int = 0) -> None:
    # Ctrl-C reaches the whole process group: the crawl decides when workers stop (it
    # closes the pipe), so a worker does not die mid-task with a KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Imported here, not with the module: the crawl process imports the module too (for
    # READY and WorkerConfig) and must not load the extraction code.
    from newscrawler.extraction import ArticleExtractor

    extractor = ArticleExtractor()
    memory = MemoryKeeper(retire_above)
    connection.send(READY)
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        reply = answer(extractor, function, task, timeout)
        # The page's text (megabytes, for some) must not count against the limit, nor
        # stay in the heap that the memory check is about to trim.
        del task
        retiring = memory.should_retire()
        connection.send((reply, retiring))
        if retiring:
            return


def answer(extractor: ArticleExtractor, function: TaskFunction, task: ExtractionTask, timeout: float) -> Any:
    try:
        # The worker's main thread: SIGALRM interrupts slow Python code here. Code stuck in
        # C past the deadline is killed by the parent instead.
        with deadline(timeout):
            return ("ok", function(extractor, task))
    except DeadlineExceeded as error:
        return ("timeout", str(error))
    except UnparsableDocument as error:
        return ("unparsable", str(error))
    except Exception as error:  # noqa: BLE001 - one bad page must not end the worker
        return ("failed", f"{type(error).__name__}: {error}", traceback.format_exc())
