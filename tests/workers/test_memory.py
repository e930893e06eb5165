"""The worker's memory keeper: trims after growth, retires above its limit."""

from __future__ import annotations

from newscrawler.workers.memory import MIB, MemoryKeeper, current_rss


class FakeRss:
    def __init__(self, value: int) -> None:
        self.value = value

    def __call__(self) -> int:
        return self.value


def test_small_growth_neither_trims_nor_retires() -> None:
    rss = FakeRss(100 * MIB)
    keeper = MemoryKeeper(retire_above=200 * MIB, trim_step=16 * MIB, rss=rss)
    trims: list[int] = []
    keeper._trim = lambda: trims.append(rss.value)
    rss.value += 10 * MIB
    assert keeper.should_retire() is False
    assert trims == []


def test_growth_past_the_step_trims_and_resets_the_baseline() -> None:
    rss = FakeRss(100 * MIB)
    keeper = MemoryKeeper(retire_above=200 * MIB, trim_step=16 * MIB, rss=rss)
    trims: list[int] = []

    def trim() -> None:
        trims.append(rss.value)
        rss.value = 120 * MIB  # the heap gave most of a large page back

    keeper._trim = trim
    rss.value = 180 * MIB
    assert keeper.should_retire() is False
    assert trims == [180 * MIB]
    rss.value = 130 * MIB  # within a step of the new baseline (120): no trim
    assert keeper.should_retire() is False
    assert len(trims) == 1


def test_by_default_a_page_that_grew_the_heap_by_megabytes_is_trimmed() -> None:
    rss = FakeRss(85 * MIB)
    keeper = MemoryKeeper(retire_above=120 * MIB, rss=rss)
    trims: list[int] = []
    keeper._trim = lambda: trims.append(rss.value)
    rss.value += 512 * 1024  # small pages' noise: no trim
    assert keeper.should_retire() is False
    rss.value += 2 * MIB
    assert keeper.should_retire() is False
    assert trims == [int(87.5 * MIB)]


def test_retires_when_still_above_the_limit_after_trimming() -> None:
    rss = FakeRss(100 * MIB)
    keeper = MemoryKeeper(retire_above=200 * MIB, trim_step=16 * MIB, rss=rss)
    keeper._trim = lambda: None  # nothing to give back: memory is held
    rss.value = 260 * MIB
    assert keeper.should_retire() is True


def test_zero_limit_never_retires() -> None:
    rss = FakeRss(100 * MIB)
    keeper = MemoryKeeper(retire_above=0, rss=rss)
    rss.value = 10_000 * MIB
    assert keeper.should_retire() is False


def test_current_rss_reads_this_process() -> None:
    assert 10 * MIB < current_rss() < 10_000 * MIB
