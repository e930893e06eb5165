"""What the browser does not fetch while rendering an article page.

Images, fonts and media carry no article text and are most of a page's bytes; blocking
them keeps rendering fast and its memory low. Link-local addresses (cloud metadata
endpoints) are refused too: a page's scripts must not reach them through the browser,
which Scrapy's target guard does not see.
"""

from __future__ import annotations

import ipaddress
from typing import Protocol
from urllib.parse import urlsplit

BLOCKED_RESOURCE_TYPES = frozenset({"image", "font", "media"})
_FETCHED_SCHEMES = frozenset({"http", "https"})


class BrowserRequest(Protocol):
    """What this module reads of a Playwright request."""

    @property
    def url(self) -> str: ...

    @property
    def resource_type(self) -> str: ...


def should_abort(request: BrowserRequest) -> bool:
    """``PLAYWRIGHT_ABORT_REQUEST``: True for requests the browser must not make."""
    if request.resource_type in BLOCKED_RESOURCE_TYPES:
        return True
    parts = urlsplit(request.url)
    if parts.scheme not in _FETCHED_SCHEMES:
        return False  # data:, blob: and the like never leave the browser
    return is_link_local(parts.hostname or "")


def is_link_local(host: str) -> bool:
    """
    >>> is_link_local("169.254.169.254"), is_link_local("127.0.0.1"), is_link_local("example.org")
    (True, False, False)
    """
    try:
        return ipaddress.ip_address(host.strip("[]")).is_link_local
    except ValueError:
        return False
