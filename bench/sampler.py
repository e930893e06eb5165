"""Samples a crawl process and its children (the extraction workers) while it runs: summed
RSS, per-core CPU use and how many article pages the site has served so far."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

INTERVAL = 0.5
MARK_EVERY = 1000


@dataclass
class Sample:
    served: int
    rss: int
    """Bytes: the crawl process plus its workers, summed."""
    cpu: list[float]
    """Percent busy per core since the previous sample (the whole machine)."""


@dataclass
class Samples:
    samples: list[Sample] = field(default_factory=list)
    marks: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Every MARK_EVERY pages: (summed RSS, summed PSS) in bytes. PSS shares the pages that
    processes share (libraries) among them, so it does not count them twice."""

    @property
    def peak_rss(self) -> int:
        return max((s.rss for s in self.samples), default=0)

    def cpu_while_crawling(self) -> list[float]:
        """Mean busy percent per core over the samples in which pages were still arriving."""
        busy = [b.cpu for a, b in zip(self.samples, self.samples[1:], strict=False) if b.served > a.served]
        if not busy:
            return []
        return [sum(core) / len(busy) for core in zip(*busy, strict=True)]


class Sampler(threading.Thread):
    def __init__(self, pid: int, served: Callable[[], int]) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.served = served
        self.result = Samples()
        self._stop_event = threading.Event()

    def run(self) -> None:
        psutil.cpu_percent(percpu=True)
        next_mark = MARK_EVERY
        while not self._stop_event.wait(INTERVAL):
            processes = self._processes()
            served = self.served()
            rss = sum(_memory(p, full=False) for p in processes)
            self.result.samples.append(Sample(served, rss, psutil.cpu_percent(percpu=True)))
            if served >= next_mark:
                self.result.marks[next_mark] = (rss, sum(_memory(p, full=True) for p in processes))
                next_mark = (served // MARK_EVERY + 1) * MARK_EVERY

    def stop(self) -> Samples:
        self._stop_event.set()
        self.join()
        return self.result

    def _processes(self) -> list[psutil.Process]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []


def _memory(process: psutil.Process, full: bool) -> int:
    try:
        return int(process.memory_full_info().pss) if full else int(process.memory_info().rss)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0
