"""Author bios on saved CMS pages (``cms_pages/``).

Each bio is found, attached to the right author and kept out of the body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newscrawler.extraction import extract_article, parse_document
from newscrawler.extraction.bios import find_author_boxes

PAGES = Path(__file__).parent / "cms_pages"
CASES = sorted(PAGES.glob("*.expected.json"), key=lambda p: p.name)


def _load(expected_path: Path) -> tuple[dict[str, Any], bytes]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    html = expected_path.with_name(expected_path.name.replace(".expected.json", ".html")).read_bytes()
    return expected, html


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_bios_attached_to_their_authors(expected_path: Path) -> None:
    expected, html = _load(expected_path)
    record = extract_article(html, expected["url"])
    assert {a["name"]: a["bio"] for a in record["authors"] if a["bio"]} == expected["bios"]


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_bios_stay_out_of_body_and_names(expected_path: Path) -> None:
    expected, html = _load(expected_path)
    record = extract_article(html, expected["url"])
    for bio in expected["bios"].values():
        assert bio[:50] not in record["body"]
        assert all(bio[:30] not in author["name"] for author in record["authors"])


def test_a_byline_is_not_a_bio() -> None:
    html = (
        "<html><body><article><h1>Council approves the new bridge</h1>"
        '<p class="byline">By Jane Doe, Staff Writer | March 3, 2025</p>'
        "<p>The city council voted on Tuesday to fund the bridge over the river"
        " after two years of debate.</p>"
        "</article></body></html>"
    )
    assert find_author_boxes(parse_document(html, "https://news.example/bridge")) == []


def test_a_bio_sentence_about_someone_else_is_not_a_bio() -> None:
    html = (
        "<html><body><article><h1>Harbour chief steps down</h1>"
        '<p class="byline">By Jane Doe</p>'
        "<p>Mark Stone is the director of the harbour authority and has led it for twelve years.</p>"
        "</article></body></html>"
    )
    record = extract_article(html, "https://news.example/harbour")
    assert all(author["bio"] is None for author in record["authors"])


def test_two_boxes_go_to_two_authors() -> None:
    html = (
        "<html><body><article><h1>Storm season starts early</h1>"
        '<p class="byline">By <a rel="author" href="/a/ana-ruiz">Ana Ruiz</a> and '
        '<a rel="author" href="/a/tom-berg">Tom Berg</a></p>'
        "<p>Forecasters expect a busy season this year.</p>"
        '<div class="author-bio"><h4><a href="/a/tom-berg">Tom Berg</a></h4>'
        "<p>Tom Berg is a climate reporter based in Oslo who writes about extreme weather.</p></div>"
        '<div class="author-bio"><h4><a href="/a/ana-ruiz">Ana Ruiz</a></h4>'
        "<p>Ana Ruiz covers science and the environment for the paper since 2019.</p></div>"
        "</article></body></html>"
    )
    record = extract_article(html, "https://news.example/storm")
    bios = {a["name"]: a["bio"] for a in record["authors"]}
    assert bios == {
        "Ana Ruiz": "Ana Ruiz covers science and the environment for the paper since 2019.",
        "Tom Berg": "Tom Berg is a climate reporter based in Oslo who writes about extreme weather.",
    }
