"""Dates written for readers ("17. Februar 2022", "March 3, 2021", "03.02.2021").

htmldate reads such text too, but scores every date on the page; the date a reader sees
under the headline is the one newsrooms mean by "published", so this module looks for the
first date written in the few blocks that follow the h1.
"""

from __future__ import annotations

import re
from datetime import date

import lxml.html

from newscrawler.extraction.vocabulary import MONTH_NUMBERS

_MONTHS = "|".join(re.escape(m) for m in sorted(MONTH_NUMBERS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})\.?\s*(?:de\s+)?({_MONTHS})\.?,?\s*(?:de\s+)?(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_NUMERIC_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
# How far after the headline a byline date may sit, in characters of page text.
_WINDOW_CHARS = 600


def parse_date_text(text: str) -> date | None:
    """The first date written in ``text``, day-first for numeric dates (as most of the world writes).

    >>> parse_date_text("Von Anna Muster | 17. Februar 2022, 10:00")
    datetime.date(2022, 2, 17)
    >>> parse_date_text("Published March 3, 2021")
    datetime.date(2021, 3, 3)
    >>> parse_date_text("03.02.2021")
    datetime.date(2021, 2, 3)
    """
    found: list[tuple[int, date]] = []
    for pattern, order in (
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_NUMERIC_DMY, "dmy"),
        (_NUMERIC_YMD, "ymd"),
    ):
        match = pattern.search(text)
        if match:
            parsed = _to_date(match.groups(), order)
            if parsed:
                found.append((match.start(), parsed))
    return min(found)[1] if found else None


def _to_date(parts: tuple[str, ...], order: str) -> date | None:
    values = dict(zip(order, parts, strict=True))
    month = values["m"]
    month_number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month.lower().rstrip("."), 0)
    try:
        return date(int(values["y"]), month_number, int(values["d"]))
    except ValueError:
        return None


def date_after_headline(tree: lxml.html.HtmlElement) -> date | None:
    """The first date written in the text that follows the page's first h1."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return None
    pieces: list[str] = []
    length = 0
    # Text in document order after the h1: its tail, then following elements' text.
    for element in headline.itersiblings():
        text = " ".join(element.itertext()) if isinstance(element.tag, str) else ""
        pieces.append(text)
        length += len(text)
        if length >= _WINDOW_CHARS:
            break
    if length < _WINDOW_CHARS:
        parent = headline.getparent()
        for _ in range(3):
            if parent is None:
                break
            for element in parent.itersiblings():
                text = " ".join(element.itertext()) if isinstance(element.tag, str) else ""
                pieces.append(text)
                length += len(text)
                if length >= _WINDOW_CHARS:
                    break
            if length >= _WINDOW_CHARS:
                break
            parent = parent.getparent()
    return parse_date_text(" ".join(pieces)[:_WINDOW_CHARS])
