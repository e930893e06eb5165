"""The glue around the metrics: reading records, scoring a corpus, the table. Pages are
built by hand; no corpus file is read and no extractor runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import report, scoring
from bench.corpora import AEB, LABELS, TRAF, Page, traf_url
from bench.systems import empty_record


def _record(**fields: Any) -> dict[str, Any]:
    return {**empty_record(), **fields}


def test_authors_and_bios_are_read_from_the_record() -> None:
    record = _record(
        authors=[
            {"name": " Ann  Lee ", "bio": "Ann covers courts.", "url": None},
            {"name": "Bo Ma", "bio": None, "url": None},
        ]
    )
    assert scoring.authors_text(record) == "Ann Lee; Bo Ma"
    assert scoring.bio_text(record) == "Ann covers courts."
    assert scoring.authors_text(_record()) is None


def test_related_items_skip_items_without_url() -> None:
    blocks = [
        {
            "heading": "Read more",
            "items": [
                {"title": "A", "url": None},
                {"title": "B", "url": "https://b.com"},
            ],
        }
    ]
    assert [i.title for i in scoring.related_items(blocks)] == ["B"]
    assert scoring.related_items(None) == []


def test_traf_url_strips_prefix_and_drops_file_names() -> None:
    assert traf_url("hard::https://a.com/x") == "https://a.com/x"
    assert traf_url("hard::blog.python.org.html") == ""


def test_score_traf_leaves_pages_without_gold_out_of_the_shares() -> None:
    gold_with = {
        "with": ["main text"],
        "without": ["footer"],
        "title": "T",
        "author": ["A", "B"],
        "date": "2020-01-05",
    }
    gold_none = {
        "with": ["other"],
        "without": ["x"],
        "title": None,
        "author": "",
        "date": "",
    }
    pages = [
        Page(TRAF, "1", "https://a.com/1", Path("1"), gold_with),
        Page(TRAF, "2", "", Path("2"), gold_none),
    ]
    records = {
        "1": _record(
            body="The main  text.",
            title="T",
            authors=[{"name": "A"}, {"name": "B"}],
            published_at="2020-01-05T08:00:00Z",
        ),
        "2": _record(body="other x", title="Anything"),
    }
    figures, rows = scoring.score_traf(pages, lambda p: records[p.page_id])
    # snippets: tp 2, fp 1 (x), fn 0 -> P 2/3, R 1
    assert figures["traf_recall"] == 1.0
    assert abs(figures["traf_precision"] - 2 / 3) < 1e-9
    assert (figures["traf_title"], figures["traf_author"], figures["traf_date"]) == (
        1.0,
        1.0,
        1.0,
    )
    assert rows[0]["id"] == "2"  # the page with a snippet error comes first


def test_score_aeb_and_labels_on_empty_records() -> None:
    aeb = [Page(AEB, "p", "https://a.com", Path("p"), "one two three four five")]
    figures, _ = scoring.score_aeb(aeb, lambda p: _record())
    assert figures["aeb_f1"] == 0.0
    label = {
        "author_bio": "Jo writes.",
        "related": [
            {
                "heading": None,
                "items": [{"title": "t", "url": "https://a.com/t", "summary": None}],
            }
        ],
    }
    figures, rows = scoring.score_labels(
        [Page(LABELS, "l", "https://a.com", Path("l"), label)], lambda p: _record()
    )
    assert figures["bio_detection_f1"] == 0.0 and figures["bio_text_f1"] == 0.0
    assert figures["related_recall"] == 0.0 and "related_titles" not in figures
    assert rows[0]["related"] == {"tp": 0, "fp": 0, "fn": 1}


def test_table_marks_targets_and_the_speed_target_is_the_peer() -> None:
    figures = {
        "newscrawler": {"aeb_f1": 0.98, "pages_per_second": 10.0, "errors": 2.0},
        "trafilatura": {"aeb_f1": 0.955, "pages_per_second": 12.0, "errors": 0.0},
    }
    table = report.markdown_table(figures, [AEB])
    assert "| aeb-dev body F1 | ≥ 0.97 | 0.980 met | 0.955 |" in table
    assert "| pages per second | ≥ trafilatura | 10.0 missed | 12.0 |" in table
    assert "| aeb-dev body precision |  | — | — |" in table
    assert "| errors (pages) |  | 2 | 0 |" in table
    assert "traf-dev" not in table  # a corpus not run has no rows
