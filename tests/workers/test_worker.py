"""The worker's loop: what it holds while it measures its memory."""

from __future__ import annotations

import os
import signal
import socket
import weakref
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

import pytest

from newscrawler.extraction import ArticleExtractor
from newscrawler.workers import worker
from newscrawler.workers.task import ExtractionTask


@pytest.fixture
def sigint_restored() -> Iterator[None]:
    # serve() ignores Ctrl-C for the whole process, as a worker should; not for pytest's.
    handler = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, handler)


def test_the_page_is_released_before_the_memory_check(
    monkeypatch: pytest.MonkeyPatch, sigint_restored: None
) -> None:
    # A page's text held during the check would count against the retire limit and keep
    # malloc_trim from giving its memory back.
    tasks: list[weakref.ref[ExtractionTask]] = []
    held_at_check: list[bool] = []

    def remember(extractor: ArticleExtractor, task: ExtractionTask) -> None:
        tasks.append(weakref.ref(task))

    class Keeper:
        def __init__(self, retire_above: int) -> None:
            pass

        def should_retire(self) -> bool:
            held_at_check.append(any(ref() is not None for ref in tasks))
            return False

    monkeypatch.setattr(worker, "MemoryKeeper", Keeper)
    ours, theirs = socket.socketpair()
    pool_end, worker_end = Connection(os.dup(ours.fileno())), Connection(theirs.detach())
    for number in range(2):
        pool_end.send(_task(f"https://news.example/{number}"))
    ours.shutdown(socket.SHUT_WR)  # the worker reads both pages, then the pipe's end
    ours.close()
    worker.serve(worker_end, remember, timeout=0)
    replies: list[Any] = [pool_end.recv() for _ in range(3)]
    pool_end.close()
    worker_end.close()
    assert replies == [worker.READY, (("ok", None), False), (("ok", None), False)]
    assert held_at_check == [False, False]


def _task(url: str) -> ExtractionTask:
    return ExtractionTask(
        text="<html><body><p>A paragraph.</p></body></html>",
        url=url,
        content_type="text/html",
        fetched_at="2026-11-26T10:00:00+00:00",
    )
