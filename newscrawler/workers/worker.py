"""The worker process's side: build one extractor, then answer tasks until the pipe closes.

Replies are tuples, cheap to pickle: ``("ok", fields | None)``, ``("unparsable", message)``,
``("timeout", message)`` or ``("failed", message, traceback)``. Any other way out (a crash,
a kill on a hard timeout) the parent sees as the pipe's end.
"""

from __future__ import annotations

import signal
import traceback
from multiprocessing.connection import Connection
from typing import Any

from newscrawler.extraction import ArticleExtractor, UnparsableDocument
from newscrawler.safety.deadline import DeadlineExceeded, deadline
from newscrawler.workers.task import ExtractionTask, TaskFunction

READY = ("ready",)


def serve(connection: Connection, function: TaskFunction, timeout: float) -> None:
    # Ctrl-C reaches the whole process group: the crawl decides when workers stop (it
    # closes the pipe), so a worker does not die mid-task with a KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extractor = ArticleExtractor()
    connection.send(READY)
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        connection.send(answer(extractor, function, task, timeout))


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
