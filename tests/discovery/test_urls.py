from __future__ import annotations

import pytest

from newscrawler.discovery.urls import canonicalize, is_asset, looks_like_listing_url, looks_like_trap


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/a?utm_source=x&utm_campaign=y", "https://ex.com/a"),
        ("https://ex.com/a?gclid=1&fbclid=2&id=7", "https://ex.com/a?id=7"),
        ("https://ex.com/a#comments", "https://ex.com/a"),
        ("https://ex.com/a?PHPSESSID=abc", "https://ex.com/a"),
        ("https://EX.com/a?b=2&a=1", "https://ex.com/a?a=1&b=2"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://ex.com/calendar/2026-12/", "calendar"),
        ("https://ex.com/events/2031/", "calendar"),
        ("https://ex.com/list?a=1&b=2&c=3&d=4", "too_many_parameters"),
        ("https://ex.com/news?sort=date", "trap_parameter"),
        ("https://ex.com/a/b/a/b/c", "repeating_path"),
        ("https://ex.com/news/page/400/", "deep_pagination"),
        ("https://ex.com/" + "x/" * 12, "path_too_deep"),
        ("https://ex.com/2026/11/25/story/", None),
        ("https://ex.com/news/page/3/", None),
    ],
)
def test_traps(url: str, reason: str | None) -> None:
    assert looks_like_trap(url) == reason


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://ex.com/", True),
        ("https://ex.com/category/world/", True),
        ("https://ex.com/world/page/2/", True),
        ("https://ex.com/search?q=x", True),
        ("https://ex.com/world/2026/11/rivers-rise", False),
    ],
)
def test_listing_urls(url: str, listing: bool) -> None:
    assert looks_like_listing_url(url) is listing


def test_assets() -> None:
    assert is_asset("https://ex.com/files/report.PDF")
    assert not is_asset("https://ex.com/story.html")
