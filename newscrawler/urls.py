"""URL checks shared by spiders."""

from __future__ import annotations

from urllib.parse import urlsplit


class InvalidStartUrl(ValueError):
    """A start URL given by the user is not an absolute http(s) URL."""


def checked_start_url(url: str) -> str:
    """The URL stripped, or :class:`InvalidStartUrl` naming what is wrong.

    >>> checked_start_url(" https://example.com/a ")
    'https://example.com/a'
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidStartUrl(f"not an absolute http(s) URL: {url!r}")
    return url
