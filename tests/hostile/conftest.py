"""The hostile suite's report: one row per case (case, outcome, counter), printed at the end."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.hostile.support import CaseReport

_ROWS = pytest.StashKey[list[tuple[str, str, str]]]()


@dataclass
class _Recorder:
    config: pytest.Config

    def __call__(self, case: str, outcome: str, counter: str) -> None:
        self.config.stash.setdefault(_ROWS, []).append((case, outcome, counter))


@pytest.fixture
def report(request: pytest.FixtureRequest) -> CaseReport:
    """Call ``report(case, outcome, counter)`` once a case's assertions have passed."""
    return _Recorder(request.config)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    rows = config.stash.get(_ROWS, [])
    if not rows:
        return
    width = [max(len(row[i]) for row in [("case", "outcome", "counter"), *rows]) for i in range(3)]
    terminalreporter.section(f"hostile web: {len(rows)} cases passed")
    for row in [("case", "outcome", "counter"), tuple("-" * w for w in width), *rows]:
        terminalreporter.write_line("  ".join(cell.ljust(w) for cell, w in zip(row, width, strict=True)))
