"""Fixtures for the demo-site tests: one server on a free port for the whole session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Make `import demo` work however pytest is started (plain `pytest` does not put the
# repository root on sys.path; `python -m pytest` does).
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from demo.server import serve  # after the sys.path fix above


@pytest.fixture(scope="session")
def demo_url() -> Iterator[str]:
    """Root URL of a running demo site, e.g. "http://127.0.0.1:40123/"."""
    server = serve(port=0)
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
