"""Whole-page extraction on small saved pages: ``pages/<topic>.html`` + ``.expected.json``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawler.extraction import extract_article

PAGES = Path(__file__).parent / "pages"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _cases() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))


@pytest.mark.parametrize("topic", _cases())
def test_page(topic: str) -> None:
    expected = json.loads((PAGES / f"{topic}.expected.json").read_text(encoding="utf-8"))
    html = (PAGES / f"{topic}.html").read_bytes()
    record = extract_article(html, expected["url"], now=NOW)
    for field in ("title", "published_at", "modified_at", "language"):
        if field in expected:
            assert record[field] == expected[field], field
    assert [a["name"] for a in record["authors"]] == expected["authors"]
    for snippet in expected["body_contains"]:
        assert snippet in record["body"]
    for snippet in expected["body_excludes"]:
        assert snippet not in record["body"]
