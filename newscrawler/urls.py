"""URL checks shared by spiders, pipelines and the extraction core."""

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


# Second-level labels under which registries sell names ("bbc.co.uk", "abc.net.au").
_REGISTRY_LABELS = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go"})


def site_of(url: str) -> str:
    """The registrable part of a URL's host, with or without a scheme.

    >>> site_of("https://edition.cnn.com/2024/story"), site_of("www.abc.net.au/news/1")
    ('cnn.com', 'abc.net.au')
    """
    rest = url.split("://", 1)[1] if "://" in url else url
    host = (
        rest.partition("/")[0].partition("?")[0].rpartition("@")[2].split(":")[0].lower().removeprefix("www.")
    )
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _REGISTRY_LABELS else 2
    return ".".join(labels[-keep:])
