"""Stop requests and wake-ups for the scheduler's loop.

SIGTERM and SIGINT ask the scheduler to stop; a second one asks it not to wait for the
running crawls. SIGCHLD (a crawl ended) only wakes the loop, so it reacts to an ending crawl
at once instead of at its next poll. The handlers only record the signal; Python writes each
signal's number to a socket (``signal.set_wakeup_fd``), and :meth:`StopSignals.wait` sleeps
in ``select`` on that socket, so no signal is missed between a check and a sleep.
"""

from __future__ import annotations

import select
import signal
import socket
from types import FrameType, TracebackType
from typing import Any

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals:
    """A context manager installing the handlers; restores the previous ones on exit."""

    def __init__(self) -> None:
        self.stop_requests = 0
        self.signal_name = ""
        self._previous: dict[int, Any] = {}
        self._previous_wakeup_fd = -1
        self._reader, self._writer = socket.socketpair()

    @property
    def stop_requested(self) -> bool:
        return self.stop_requests > 0

    def __enter__(self) -> StopSignals:
        for sock in (self._reader, self._writer):
            sock.setblocking(False)
        self._previous_wakeup_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in STOP_SIGNALS:
            self._previous[number] = signal.signal(number, self._on_stop)
        self._previous[signal.SIGCHLD] = signal.signal(signal.SIGCHLD, self._on_child)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_wakeup_fd)
        self._reader.close()
        self._writer.close()

    def wait(self, timeout: float) -> None:
        """Sleep up to ``timeout`` seconds; return early when any handled signal arrives."""
        readable, _, _ = select.select([self._reader], [], [], max(0.0, timeout))
        if readable:
            try:
                while self._reader.recv(4096):
                    pass
            except BlockingIOError:
                pass

    def _on_stop(self, number: int, frame: FrameType | None) -> None:
        # Only record: logging here could interleave with a log line the loop is writing.
        self.stop_requests += 1
        self.signal_name = signal.Signals(number).name

    def _on_child(self, number: int, frame: FrameType | None) -> None:
        """Nothing to do: the wake-up socket already ended the wait."""
