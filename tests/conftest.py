"""Shared fixtures: the demo site, one server on a free port for the whole session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from demo.server import serve


@pytest.fixture(scope="session")
def demo_url() -> Iterator[str]:
    """Root URL of a running demo site, e.g. "http://127.0.0.1:40123/"."""
    server = serve(port=0)
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
