"""A pool of extraction worker processes, each page under a deadline.

Not ``concurrent.futures.ProcessPoolExecutor``: it cannot stop a running task, and one
crashed worker breaks the whole executor, failing every page in flight. Here each worker
has a thread in the crawl process that feeds it one page at a time over a pipe and waits
for the reply with a timeout, so a crash or a hang costs exactly one page and one worker,
which is replaced. The threads mostly wait on pipes; the extraction itself runs in the
worker processes, off the reactor thread and its GIL.

Workers are fresh interpreters running ``python -m newscrawler.workers`` (see its
``__main__``), not forks: forking a process that runs the Twisted reactor (and its threads)
copies state that is not fork-safe. Not multiprocessing's ``spawn`` either: it re-imports
the parent's main module in each worker (the ``scrapy`` script, Scrapyd's runner: all of
Scrapy and Twisted, ~50 MB a worker, for nothing) and starts a resource-tracker process.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import subprocess
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from newscrawler.extraction import UnparsableDocument
from newscrawler.workers.task import ExtractionTask, Fields, TaskFunction, run_task
from newscrawler.workers.worker import READY, WorkerConfig

logger = logging.getLogger(__name__)

# Importing the extraction code and loading the language model takes a few seconds on a
# busy machine; a worker that is not ready by then is treated as crashed.
STARTUP_TIMEOUT = 120.0
# The worker's own SIGALRM deadline ends slow Python code at ``timeout``; the parent kills
# the worker only when that did not work (code stuck in C), this much later.
KILL_GRACE = 2.0


class WorkerCrashed(Exception):
    """The worker process died while extracting the page (or could not start)."""


class TaskTimedOut(Exception):
    """The page's extraction ran past the deadline."""


class TaskFailed(Exception):
    """The extractor raised in the worker; ``details`` is the worker's traceback."""

    def __init__(self, message: str, details: str) -> None:
        super().__init__(message)
        self.details = details


@dataclass
class _Job:
    task: ExtractionTask
    future: Future[Fields | None]


class ExtractionPool:
    """``workers`` processes, each running ``function`` on one page at a time.

    ``start()`` before ``submit()``; ``close()`` lets queued pages finish, then stops the
    workers. ``timeout <= 0`` means no deadline.
    """

    def __init__(
        self,
        workers: int,
        timeout: float,
        function: TaskFunction = run_task,
        worker_memory_limit: int = 0,
    ) -> None:
        """``worker_memory_limit``: RSS in bytes past which a worker is retired after its
        page and a fresh one started (0: never); see ``workers.memory``."""
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.timeout = timeout
        self.function = function
        self.worker_memory_limit = worker_memory_limit
        self.replaced = 0
        self.retired = 0
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._slots = [_Slot(self, number) for number in range(workers)]

    def start(self) -> None:
        for slot in self._slots:
            slot.start()

    def submit(self, task: ExtractionTask) -> Future[Fields | None]:
        future: Future[Fields | None] = Future()
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        future.add_done_callback(self._done)
        self._jobs.put(_Job(task, future))
        return future

    def close(self) -> None:
        for _ in self._slots:
            self._jobs.put(None)
        for slot in self._slots:
            if slot.is_alive():
                slot.join()

    def _done(self, future: Future[Fields | None]) -> None:
        with self._lock:
            self._in_flight -= 1

    def _count_replacement(self) -> None:
        with self._lock:
            self.replaced += 1

    def _count_retirement(self) -> None:
        with self._lock:
            self.retired += 1


class _Slot(threading.Thread):
    """One worker process and the thread that talks to it."""

    def __init__(self, pool: ExtractionPool, number: int) -> None:
        super().__init__(name=f"extraction-slot-{number}", daemon=True)
        self.pool = pool
        self.process: subprocess.Popen[bytes] | None = None
        self.connection: Connection | None = None

    def run(self) -> None:
        try:
            # Start at once, so the first pages do not wait for the language model to load.
            self._start()
        except WorkerCrashed as error:
            logger.error("%s; starting it again on the first page", error)
        try:
            while (job := self.pool._jobs.get()) is not None:
                if not job.future.set_running_or_notify_cancel():
                    continue
                try:
                    job.future.set_result(self._extract(job.task))
                except Exception as error:  # noqa: BLE001 - handed to the awaiting pipeline
                    job.future.set_exception(error)
        finally:
            self._stop()

    def _extract(self, task: ExtractionTask) -> Fields | None:
        connection = self.connection or self._start()
        try:
            connection.send(task)
        except OSError:
            # The worker died while idle (OOM killer…): not this page's fault. One retry.
            self._discard(kill=True)
            connection = self._start()
            connection.send(task)
        limit = self.pool.timeout + KILL_GRACE if self.pool.timeout > 0 else None
        if not connection.poll(limit):
            self._discard(kill=True)
            raise TaskTimedOut(f"took longer than {self.pool.timeout:g} s; worker killed and replaced")
        try:
            reply, retiring = connection.recv()
        except (EOFError, OSError):
            code = self._discard(kill=False)
            raise WorkerCrashed(f"extraction worker died (exit code {code}); replaced") from None
        if retiring:
            # It exits by itself; the next page starts a fresh one.
            self._stop()
            self.pool._count_retirement()
        return _result(reply)

    def _start(self) -> Connection:
        ours, theirs = socket.socketpair()
        try:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "newscrawler.workers", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                env=_worker_environment(),
            )
        except OSError as error:
            ours.close()
            raise WorkerCrashed(f"extraction worker did not start: {error}") from None
        finally:
            theirs.close()
        connection = Connection(ours.detach())
        self.process, self.connection = process, connection
        try:
            pool = self.pool
            connection.send(WorkerConfig(pool.function, pool.timeout, pool.worker_memory_limit))
            ready = connection.poll(STARTUP_TIMEOUT) and connection.recv() == READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self._discard(kill=True)
            raise WorkerCrashed("extraction worker did not start")
        return connection

    def _discard(self, kill: bool) -> int | None:
        """Forget the current worker (killing it first when asked); returns its exit code."""
        connection, process = self.connection, self.process
        self.connection = self.process = None
        if connection is not None:
            connection.close()
        if process is None:
            return None
        if kill:
            process.kill()
        code = _wait(process)
        self.pool._count_replacement()
        logger.warning("extraction worker %s stopped (exit code %s)", process.pid, code)
        return code

    def _stop(self) -> None:
        """Close the pipe: an idle worker reads EOF and exits."""
        connection, process = self.connection, self.process
        self.connection = self.process = None
        if connection is not None:
            connection.close()
        if process is not None:
            _wait(process)


def _wait(process: subprocess.Popen[bytes], timeout: float = 10.0) -> int:
    """The worker's exit code; one that does not exit in ``timeout`` seconds is killed."""
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def _worker_environment() -> dict[str, str]:
    """The crawl's environment, with its import path: the project may be importable only
    through a path added at run time (Scrapyd's eggs, pytest's rootdir)."""
    path = [entry or os.getcwd() for entry in sys.path]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


def _result(reply: tuple[Any, ...]) -> Fields | None:
    status = reply[0]
    if status == "ok":
        fields: Fields | None = reply[1]
        return fields
    if status == "timeout":
        raise TaskTimedOut(reply[1])
    if status == "unparsable":
        raise UnparsableDocument(reply[1])
    raise TaskFailed(reply[1], reply[2])
