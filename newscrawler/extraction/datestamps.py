"""Dates that stand alone: a date stamp line in the page's text, a date in the URL's path.

The last resort, when the page neither declares a date nor shows one by its headline
and htmldate's quick search finds none. htmldate's extensive search would go on with
dateparser, whose locales cost every worker process ~30 MB. Of the 12 traf-dev pages
with a gold date that reached it, it dated 7 right; these two rules date 5 right (one
that it dated wrong), which keeps the date share above its target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import lxml.html

from newscrawler.extraction.datetext import DIGIT, LETTER_WORD, dates_in, visible_lines
from newscrawler.extraction.vocabulary import OTHER_DATE_LABELS

# A stamp line holds its date, perhaps a time, and at most a place or a label ("Hamburg,
# den 2. Dezember 2022", "Stand: 01.02.2022"); more words make it a sentence or a
# citation ("Vol. 371, pp. 260, 15. Januar 2021, DOI …"), whose date is another's.
_STAMP_WORDS = 2
# Day-first with dashes ("/meldungen/29-10-2021"): htmldate reads year-first URL dates only.
_URL_DAY_FIRST = re.compile(r"(?<![\d])(\d{1,2})[-_.](\d{1,2})[-_.]((?:19|20)\d\d)(?!\d)")


def date_stamps(tree: lxml.html.HtmlElement) -> Iterator[date]:
    """The dates that stand alone in a line of the page's visible text, in reading order.

    The first one is the likeliest publication date: the page's own stamp comes before
    the lists of older stories and comments below it (on the traf-dev pages the first
    stamp was the published date on 87 % of pages, the oldest on 71 %).
    """
    for line in visible_lines(tree):
        if not DIGIT.search(line):
            continue
        found = dates_in(line)
        if len(found) != 1:  # two dates in a line are a range or a list, no stamp
            continue
        start, end, day = found[0]
        before, after = line[:start], line[end:]
        if len(LETTER_WORD.findall(f"{before} {after}")) > _STAMP_WORDS:
            continue
        if before.casefold().rstrip(" :").endswith(OTHER_DATE_LABELS):  # "Registriert: 18.09.2008"
            continue
        yield day


def date_in_url(url: str) -> date | None:
    """A whole day-first date written in the URL's path ("…/meldungen/29-10-2021").

    >>> date_in_url("https://example.org/news/29-10-2021")
    datetime.date(2021, 10, 29)
    >>> date_in_url("https://example.org/item/12-34-2021") is None
    True
    """
    match = _URL_DAY_FIRST.search(urlsplit(url).path)
    if match is None:
        return None
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
