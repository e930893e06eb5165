"""Publication dates: which of the page's dates wins (hand-written pages)."""

from __future__ import annotations

from datetime import UTC, datetime

from newscrawler.extraction.dates import extract_published_at
from newscrawler.extraction.document import parse_document

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def published(head: str, body: str, url: str = "https://example.com/news/story") -> str | None:
    doc = parse_document(f"<html><head>{head}</head><body>{body}</body></html>", url)
    return extract_published_at(doc, NOW)


def test_a_shown_date_days_off_a_declaration_never_modified_is_another_date() -> None:
    head = (
        '<meta property="article:published_time" content="2020-02-04T13:15:10+00:00">'
        '<meta property="article:modified_time" content="2020-02-04T13:15:10+00:00">'
    )
    body = "<h1>Speeding police</h1><p>Hearing of 24.01.2020 in the district court.</p>"
    assert published(head, body) == "2020-02-04T13:15:10+00:00"


def test_a_shown_date_one_day_off_a_declaration_wins() -> None:
    # One day apart is a time zone: the day readers saw is the newsroom's own.
    head = (
        '<meta property="article:published_time" content="2019-12-31T23:30:00+00:00">'
        '<meta property="article:modified_time" content="2019-12-31T23:30:00+00:00">'
    )
    body = "<h1>New year</h1><p>1. Januar 2020</p>"
    assert published(head, body) == "2020-01-01"


def test_a_shown_date_wins_over_a_declaration_that_was_modified() -> None:
    head = (
        '<meta property="article:published_time" content="2019-06-17T10:00:00+00:00">'
        '<meta property="article:modified_time" content="2020-06-04T10:00:00+00:00">'
    )
    body = "<h1>Docker packaging</h1><p>Last updated 04.06.2020</p>"
    assert published(head, body) == "2020-06-04"


def test_a_utc_stamp_one_day_off_the_url_day_takes_the_url_day() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">'
    url = "https://example.com/2023/11/08/mayor-elected/"
    assert published(head, "<p>Text</p>", url) == "2023-11-08"
    # A stamp in the newsroom's own offset keeps its day.
    head = '<meta property="article:published_time" content="2022-05-07T13:43:46-05:00">'
    url = "https://example.com/2022/05/06/match/"
    assert published(head, "<p>Text</p>", url) == "2022-05-07T13:43:46-05:00"
