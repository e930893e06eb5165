"""URL checks shared by spiders, pipelines and the extraction core."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit


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


def document_base_url(tree: Any, page_url: str) -> str:
    """What a page's relative URLs resolve against: its ``<base href>`` (itself resolved
    against the page URL), else the page URL. CMSs such as TYPO3 print one on every page;
    resolving against the page URL instead leads to pages that do not exist.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><head><base href="/"></head><body></body></html>')
    >>> document_base_url(page, "https://example.com/news/a.html")
    'https://example.com/'
    """
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "data:")):
            continue
        try:
            resolved = urljoin(page_url, href) if page_url else href
        except ValueError:  # a malformed href ("http://[x") is no base at all
            continue
        if resolved.startswith(("http://", "https://")):
            return resolved
    return page_url
