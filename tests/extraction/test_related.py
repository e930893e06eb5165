"""Related-news blocks on saved CMS pages (``cms_pages/``): blocks, items, headings, summaries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newscrawler.extraction import extract_article

PAGES = Path(__file__).parent / "cms_pages"
CASES = sorted(PAGES.glob("*.expected.json"), key=lambda p: p.name)


def _load(expected_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    html = expected_path.with_name(expected_path.name.replace(".expected.json", ".html")).read_bytes()
    return expected, extract_article(html, expected["url"])


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_related_blocks(expected_path: Path) -> None:
    expected, record = _load(expected_path)
    assert record["related"] == expected["related"]


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_teasers_stay_out_of_the_body(expected_path: Path) -> None:
    _, record = _load(expected_path)
    for block in record["related"]:
        for item in block["items"]:
            assert item["title"] not in record["body"]
            assert not item["summary"] or item["summary"] not in record["body"]
