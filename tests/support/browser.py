"""Headless Chromium for tests that check what a page renders."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newscrawler.render.setup import CHROMIUM_ARGS

# The crawl's own Chromium flags (headless, no sandbox as root, no background traffic).
CHROMIUM_FLAGS = ("--headless", *CHROMIUM_ARGS)


def chromium_or_skip() -> str:
    """The chromium binary; skips the test when absent, except in CI (CI must install it
    via scripts/system-deps.sh, so there a missing browser is a failure)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; scripts/system-deps.sh installs it")
    pytest.skip("chromium is not installed (install it with scripts/system-deps.sh)")


def chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    """Run Chromium on a local page with ``action`` (``--dump-dom``, ``--screenshot=…``)."""
    command = [chromium_or_skip(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
