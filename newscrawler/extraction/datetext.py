"""Dates written for readers ("17. Februar 2022", "March 3, 2021", "03.02.2021").

htmldate reads such text too, but scores every date on the page; the date a reader sees
beside the headline is the one newsrooms mean by "published", so this module looks for the
first byline-like date written in the text that follows the headline (or, failing that,
in the kicker line just above it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

import lxml.html
from lxml import etree

from newscrawler.extraction.document import text_of
from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.vocabulary import (
    DATE_RANGE_JOINERS,
    MONTH_NUMBERS,
    OTHER_DATE_LABELS,
    PUBLISHED_LABELS,
)

_MONTHS = alternation(MONTH_NUMBERS)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})\.?\s*(?:de\s+)?({_MONTHS})\.?,?\s*(?:de\s+)?(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
# German typography spaces the dotted parts ("4.&thinsp;2.&thinsp;2022").
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})(?:\.\s?|/)(\d{1,2})(?:\.\s?|/)(\d{4})\b")
_NUMERIC_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
# "04.05.20": dotted only; a slashed "12/10/20" is as often month-first as day-first.
_NUMERIC_DMY_SHORT_YEAR = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b(?![.,]?\d)")
_PATTERNS = (
    (_DAY_MONTH_YEAR, "dmy"),
    (_MONTH_DAY_YEAR, "mdy"),
    (_NUMERIC_DMY, "dmy"),
    (_NUMERIC_YMD, "ymd"),
    (_NUMERIC_DMY_SHORT_YEAR, "dmy"),
)
# The end of a range ("23.-26.8.2017", "4. und 5. März"): an event's dates, not a byline's.
# A time ("10:30 - 17.02.2022") or a longer number is no first day.
_RANGE_START = re.compile(
    r"(?<![\d:.])\d{1,2}\.?\s*(?:[-–—]|" + "|".join(DATE_RANGE_JOINERS) + r")\s*$", re.IGNORECASE
)
# Text that never holds the article's date: code, and a photo's caption (it dates the photo).
_SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "figcaption"))
_HEADINGS = ("h1", "h2", "h3")
_ARTICLE_TAGS = frozenset(("article", "main"))
# How far after the headline a byline date may sit, in characters of page text; a kicker
# or dateline above the headline sits closer.
_WINDOW_CHARS = 600
_ABOVE_WINDOW_CHARS = 120
# A date with more words than this on both sides in its line is inside a sentence of the
# story ("… wurde am 18. Oktober 2021 am Erzberg eröffnet"), the date of what happened.
_PROSE_WORDS = 4
# A line this long is a paragraph; a dateline opens it with at most a place and an agency.
_PARAGRAPH_CHARS = 150
_DATELINE_WORDS = 2
_PUBLISHED_LABEL = re.compile(r"\b(?:" + "|".join(PUBLISHED_LABELS) + r")\b", re.IGNORECASE)
# A labelled date starts within a few characters of its label ("Published: 10:00am, 20 Jan").
_LABEL_GAP_CHARS = 25
_LABEL_REACH_CHARS = 60
_WORD = re.compile(r"\w+")
# Words of letters: the time after a byline's date ("at 10:00 am") is no prose.
LETTER_WORD = re.compile(r"[^\W\d_]+")
DIGIT = re.compile(r"\d")


def parse_date_text(text: str) -> date | None:
    """The first date written in ``text``, day-first for numeric dates (as most of the world writes).

    >>> parse_date_text("Von Anna Muster | 17. Februar 2022, 10:00")
    datetime.date(2022, 2, 17)
    >>> parse_date_text("Published March 3, 2021")
    datetime.date(2021, 3, 3)
    >>> parse_date_text("03.02.2021")
    datetime.date(2021, 2, 3)
    >>> parse_date_text("Kotimaa 19.2.20 klo 14.00")
    datetime.date(2020, 2, 19)
    """
    found = dates_in(text)
    return found[0][2] if found else None


def dates_in(text: str) -> list[tuple[int, int, date]]:
    """Every date written in ``text`` as (start, end, date), in reading order; range ends left out."""
    found: list[tuple[int, int, date]] = []
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(text):
            parsed = _to_date(match.groups(), order)
            if parsed and not _RANGE_START.search(text[max(0, match.start() - 12) : match.start()]):
                found.append((match.start(), match.end(), parsed))
    found.sort(key=lambda item: (item[0], -item[1]))
    return found


def _to_date(parts: tuple[str, ...], order: str) -> date | None:
    values = dict(zip(order, parts, strict=True))
    month = values["m"]
    month_number = int(month) if month.isdigit() else MONTH_NUMBERS.get(month.lower().rstrip("."), 0)
    year = int(values["y"])
    if len(values["y"]) == 2:  # the POSIX pivot: 69-99 are the 1900s
        year += 1900 if year >= 69 else 2000
    try:
        return date(year, month_number, int(values["d"]))
    except ValueError:
        return None


def date_near_headline(tree: lxml.html.HtmlElement, declared_titles: Iterable[str] = ()) -> date | None:
    """The first byline-like date after the headline, else the first one just above it.

    The headline is the heading that agrees with one of ``declared_titles`` (og:title,
    JSON-LD headline, ``<title>``), else the first h1 with text.
    """
    headline = find_headline(tree, declared_titles)
    if headline is None:
        return None
    after = _byline_dates(_window(_text_after(headline), _WINDOW_CHARS))
    if after:
        return after[0]
    # Above, the kicker line reads in order too: "Published 10 May · updated 12 May".
    above = _byline_dates(reversed(_window(_text_before(headline), _ABOVE_WINDOW_CHARS)))
    return above[0] if above else None


def labelled_date(tree: lxml.html.HtmlElement) -> date | None:
    """The first date on the page labelled as the publication's ("Veröffentlicht am", "Posted on").

    Some themes print the byline date far from the headline, under the story or in a box
    beside it; the label says what the date is wherever it stands.
    """
    lines = list(visible_lines(tree))
    for index, line in enumerate(lines):
        label = _PUBLISHED_LABEL.search(line)
        if label is None:
            continue
        # The date follows the label, in its line or in the next element ("<dt>Published</dt><dd>…").
        following = f"{line[label.end() :]} {lines[index + 1] if index + 1 < len(lines) else ''}"
        found = dates_in(following[:_LABEL_REACH_CHARS])
        if found and found[0][0] <= _LABEL_GAP_CHARS:
            return found[0][2]
    return None


def visible_lines(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """The page body's visible text nodes, spaces collapsed, empty ones left out; lazy."""
    body = tree.find("body")
    for text in _visible_text(tree if body is None else body):
        line = " ".join(text.split())
        if line:
            yield line


def find_headline(
    tree: lxml.html.HtmlElement, declared_titles: Iterable[str] = ()
) -> lxml.html.HtmlElement | None:
    """The page's headline element.

    The first h1 is often the site's logo or an empty accessibility heading; the heading
    whose words are the declared title is the story's, and some themes make it an h2.
    When a sticky site header repeats the title, the one inside ``<article>`` or
    ``<main>`` is the story's own.
    """
    titles = [words for words in map(_words, declared_titles) if words]
    for tag in _HEADINGS if titles else ():
        agreeing = [
            heading
            for heading in tree.iter(tag)
            if any(_is_title(_words(text_of(heading)), title) for title in titles)
        ]
        if agreeing:
            return next((h for h in agreeing if _in_article(h)), agreeing[0])
    return next((h for h in tree.iter("h1") if _words(text_of(h))), None)


def _in_article(element: lxml.html.HtmlElement) -> bool:
    return any(ancestor.tag in _ARTICLE_TAGS for ancestor in element.iterancestors())


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _is_title(heading: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """The heading is the title, or the title with a site name before or after it."""
    if heading == title:
        return True
    return len(heading) >= 3 and (title[: len(heading)] == heading or title[-len(heading) :] == heading)


def _window(texts: Iterator[str], size: int) -> list[str]:
    """Lines of visible text from ``texts`` until ``size`` characters a reader sees."""
    lines: list[str] = []
    length = 0
    for raw in texts:
        # Counted as shown: templates indent with kilobytes of blanks.
        line = " ".join(raw.split())
        if not line:
            continue
        lines.append(line)
        length += len(line)
        if length >= size:
            break
    return lines


def _byline_dates(lines: Iterable[str]) -> list[date]:
    """The dates of ``lines`` that a byline, dateline or kicker would carry, in order."""
    found: list[date] = []
    previous = ""
    for line in lines:
        if DIGIT.search(line):  # most lines hold none; five patterns cost more
            for start, end, day in dates_in(line):
                label = f"{previous} {line[:start]}"
                if not _inside_prose(line, start, end) and not _labels_another_date(label):
                    found.append(day)
        previous = line
    return found


def _inside_prose(line: str, start: int, end: int) -> bool:
    """The date is part of a sentence of the story, the date of what happened.

    In a paragraph only a dateline opens with it ("Karlsruhe, (12.11.2021). Traditionell
    …"); in a shorter line words run on both sides ("… wurde am 18. Oktober 2021 am
    Erzberg eröffnet") where a byline has a label before it and a time after.
    """
    before, after = LETTER_WORD.findall(line[:start]), LETTER_WORD.findall(line[end:])
    if len(line) > _PARAGRAPH_CHARS:
        return len(before) > _DATELINE_WORDS
    return len(before) > _PROSE_WORDS and len(after) > _PROSE_WORDS


def _labels_another_date(text_before: str) -> bool:
    """The date is labelled as a member's registration, a birthday and the like."""
    label = text_before.casefold().rstrip(" :")
    return label.endswith(OTHER_DATE_LABELS)


def _text_after(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The page's text in document order after ``element``, however deep the headline sits.

    Themes nest the h1 in five or more wrappers, the byline in a sibling of one of them.
    """
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _visible_text(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def _text_before(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The page's text before ``element``, nearest first (each line in reading order)."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail
            yield from reversed(list(_visible_text(sibling)))
        parent = node.getparent()
        if parent is not None and parent.text:
            yield parent.text
        node = parent


def _visible_text(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The text nodes under ``element`` in reading order, without scripts, styles and
    captions. Lazy, so a window of text stops the walk early in a long article."""
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in _SKIPPED_TAGS:
                walker.skip_subtree()
            elif node.text:
                yield node.text
        elif node is not element and node.tail:
            yield node.tail
