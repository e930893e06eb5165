"""URL canonicalization, scope and classification for discovery."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from newscrawler.discovery.rules import (
    ASSET_EXTENSIONS,
    LISTING_SEGMENTS,
    MAX_PAGINATION_PAGE,
    MAX_PATH_SEGMENTS,
    MAX_QUERY_PARAMS,
    MAX_URL_LENGTH,
    SESSION_PARAMS,
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    TRAP_PARAMS,
    UTILITY_SEGMENTS,
)

_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_CALENDAR = re.compile(
    r"/(?:calendar|calendrier|kalender|agenda|events?)/\d{4}(?:[-/]\d{1,2})?", re.IGNORECASE
)
_PAGE_NUMBER = re.compile(r"/page/(\d+)/?$|[?&](?:page|p|paged|pg)=(\d+)", re.IGNORECASE)


def canonicalize(url: str, *, strip: frozenset[str] = frozenset(), keep: frozenset[str] = frozenset()) -> str:
    """One spelling per page: no fragment, tracking or session parameters; sorted query.
    ``strip`` adds a site's own tracking parameters, ``keep`` spares ones it uses for content.

    >>> canonicalize("HTTPS://Example.com/a/?utm_source=x&b=2&a=1&fbclid=9#top")
    'https://example.com/a/?a=1&b=2'
    >>> canonicalize("http://example.com/a;jsessionid=ABC?x=1")
    'http://example.com/a?x=1'
    >>> canonicalize("https://news.example/a.html?ref=most-read&ns_campaign=x&at_medium=rss")
    'https://news.example/a.html'
    >>> canonicalize("https://example.com/search?source=archive", keep=frozenset({"source"}))
    'https://example.com/search?source=archive'
    """
    parts = urlsplit(url.strip())
    path = _PATH_SESSION.sub("", parts.path)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() in keep or not (_is_noise_param(key) or key.lower() in strip)
    ]
    cleaned = urlunsplit((parts.scheme, parts.netloc, path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def _is_noise_param(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMS or lowered in SESSION_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _segments(url: str) -> list[str]:
    return [s.lower() for s in urlsplit(url).path.split("/") if s]


def extension_of(url: str) -> str:
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1].lower() if "." in last else ""


def is_asset(url: str) -> bool:
    """Images, documents, media: never fetched as pages."""
    return extension_of(url) in ASSET_EXTENSIONS


def is_utility_page(url: str) -> bool:
    """Login, contact, legal pages…: neither articles nor ways to articles."""
    return any(segment in UTILITY_SEGMENTS for segment in _segments(url))


def looks_like_listing_url(url: str) -> bool:
    """Home, section, tag, author, search and pagination pages.

    >>> looks_like_listing_url("https://ex.com/tag/climate/")
    True
    >>> looks_like_listing_url("https://ex.com/2026/11/rivers-rise/")
    False
    """
    parts = urlsplit(url)
    segments = _segments(url)
    if not segments:
        return True
    if any(segment in LISTING_SEGMENTS for segment in segments):
        return True
    return bool(_PAGE_NUMBER.search(parts.path + ("?" + parts.query if parts.query else "")))


_SECTION_WORD = re.compile(r"^[^\W\d_]{2,20}(?:-[^\W\d_]{2,20})?$")


def looks_like_section_url(url: str) -> bool:
    """A site section by its shape: one or two path levels, each a word or two, no query
    ("/politik/", "/news/world/"). An article's path has a slug of several words, an id or
    a date. Used to fetch sections (and the feeds they announce) before articles; such a
    page is still archived when it turns out to be an article.

    >>> looks_like_section_url("https://ex.com/politik/"), looks_like_section_url("https://ex.com/news/world-cup/")
    (True, True)
    >>> looks_like_section_url("https://ex.com/rivers-rise-after-the-storm/")
    False
    >>> looks_like_section_url("https://ex.com/news/12345.html")
    False
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.query or not 1 <= len(segments) <= 2:
        return False
    return all(_SECTION_WORD.match(segment) for segment in segments)


def looks_like_pagination(url: str) -> bool:
    """Page N of a listing (``/page/3/``, ``?page=3``).

    >>> looks_like_pagination("https://ex.com/world/page/3/"), looks_like_pagination("https://ex.com/a")
    (True, False)
    """
    parts = urlsplit(url)
    return bool(_PAGE_NUMBER.search(parts.path + ("?" + parts.query if parts.query else "")))


def looks_like_trap(url: str) -> str | None:
    """Why ``url`` is probably an endless URL space (calendar, facets…), or None.

    >>> looks_like_trap("https://ex.com/calendar/2031-04/")
    'calendar'
    >>> looks_like_trap("https://ex.com/news/?sort=asc&filter=a")
    'trap_parameter'
    >>> looks_like_trap("https://ex.com/2026/11/rivers/") is None
    True
    """
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    segments = _segments(url)
    if len(url) > MAX_URL_LENGTH:
        return "url_too_long"
    if len(segments) > MAX_PATH_SEGMENTS:
        return "path_too_deep"
    if _CALENDAR.search(parts.path):
        return "calendar"
    if len(params) > MAX_QUERY_PARAMS:
        return "too_many_parameters"
    if any(key.lower() in TRAP_PARAMS for key, _ in params):
        return "trap_parameter"
    if _has_repeating_segments(segments):
        return "repeating_path"
    page = _PAGE_NUMBER.search(parts.path + ("?" + parts.query if parts.query else ""))
    if page and int(page.group(1) or page.group(2)) > MAX_PAGINATION_PAGE:
        return "deep_pagination"
    return None


def _has_repeating_segments(segments: list[str]) -> bool:
    """``/a/b/a/b/…`` or the same segment three times: relative-link loops."""
    if any(segments.count(s) >= 3 for s in set(segments)):
        return True
    for size in (1, 2, 3):
        for start in range(len(segments) - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size] and size > 1:
                return True
    return False
