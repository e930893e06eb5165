"""Publication and modification dates, as ISO 8601 strings.

The date a reader sees under the headline comes first: on the traf-dev pages it matched
the gold more often than declared dates (templates and CDNs restamp those; 0.866 vs 0.858
for the best declared-first order). Declared dates (JSON-LD, meta tags, ``<time
datetime>``) keep their time and offset, and lend it to a visible date of the same day;
then a date the page labels as the publication's ("Veröffentlicht am") wherever it stands;
then htmldate's quick search; last a date in the URL's path or standing alone in a line
(``datestamps``), in place of htmldate's extensive search and the dateparser locales it
loads. A date in the future of the fetch, or before the web existed, is discarded.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from htmldate import find_date
from lxml import etree

from newscrawler.extraction.datestamps import date_in_url, date_stamps
from newscrawler.extraction.datetext import date_near_headline, labelled_date
from newscrawler.extraction.document import Document
from newscrawler.extraction.structured import first_string
from newscrawler.extraction.title import declared_titles

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
)
# <time itemprop> datetime and any itemprop content, found from the itemprop attributes up:
# libxml2 then tests those few attributes, not every element ("//*[@itemprop=…]").
_ITEMPROP_PUBLISHED = etree.XPath(
    '//@itemprop[.="datePublished"]/parent::*/@*[(name()="datetime" and parent::time) or name()="content"]'
)
_ITEMPROP_MODIFIED = etree.XPath(
    '//@itemprop[.="dateModified"]/parent::*/@*[name()="datetime" or name()="content"]'
)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_EARLIEST = date(1995, 1, 1)
_URL_DAY = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d\d)/(?P<day>\d\d)/")
# A day apart is what a time zone makes of one moment; more is a different date.
_TIME_ZONE_DAYS = 1
_FIRM_WITNESSES = 3


def extract_published_at(doc: Document, now: datetime | None = None) -> str | None:
    """When the article was first published."""
    article = doc.structured.article or {}
    # Each kind of declaration is one witness, however many values it holds.
    witnesses = [
        [first_string(article.get("datePublished")), first_string(article.get("dateCreated"))],
        [doc.meta(*_PUBLISHED_META)],
        _ITEMPROP_PUBLISHED(doc.tree),
        doc.tree.xpath("//article//time/@datetime | //time[@pubdate]/@datetime"),
    ]
    declared = [value for witness in witnesses for value in witness]
    found = _first_plausible(declared, now)
    # 1. The date shown under the headline, with a declared date's time when they agree;
    #    unless the page's declarations firmly say otherwise.
    shown = date_near_headline(doc.tree, declared_titles(doc))
    if shown is not None and _plausible(shown, now):
        same_day = (d for d in map(_normalize, declared) if d and d[:10] == shown.isoformat())
        shown_or_declared = next(same_day, shown.isoformat())
        if not (found and _declaration_outweighs(doc, shown, found, witnesses, now)):
            return shown_or_declared
    # 2. Declared dates, most specific markup first; a UTC stamp yields to the URL's day.
    if found:
        return _day_of_url(doc.url, found) or found
    # 3. A date labelled as the publication's anywhere on the page ("Veröffentlicht am").
    labelled = labelled_date(doc.tree)
    if labelled is not None and _plausible(labelled, now):
        return labelled.isoformat()
    # 4. htmldate's quick search: the URL, date elements and text patterns. Not its
    #    extensive search: that loads dateparser's every locale (~30 MB a worker process).
    guess = find_date(doc.tree, url=doc.url, original_date=True, extensive_search=False)
    found = _first_plausible([guess], now)
    if found:
        return found
    # 5. A whole date in the URL's path, then the first date standing alone in a line.
    in_url = date_in_url(doc.url)
    if in_url is not None and _plausible(in_url, now):
        return in_url.isoformat()
    stamp = next((day for day in date_stamps(doc.tree) if _plausible(day, now)), None)
    return stamp.isoformat() if stamp is not None else None


def _declaration_outweighs(
    doc: Document, shown: date, declared: str, witnesses: list[list[Any]], now: datetime | None
) -> bool:
    """A shown date days away from a published date the page declares firmly is another date.

    Firmly: the page also declares it was never modified since, or three kinds of markup
    (JSON-LD, meta tags, itemprop, ``<time>``) agree. A date shown days off is then an
    event's date or a teaser's; one day off is a time zone, and the shown day wins.
    """
    day = date.fromisoformat(declared[:10])
    if abs((shown - day).days) <= _TIME_ZONE_DAYS:
        return False
    modified = extract_modified_at(doc, now)
    if modified and modified[:10] == declared[:10]:
        return True
    agreeing = sum(
        1 for witness in witnesses if any((_normalize(v) or "")[:10] == declared[:10] for v in witness)
    )
    return agreeing >= _FIRM_WITNESSES


def _day_of_url(url: str, declared: str) -> str | None:
    """The URL's /YYYY/MM/DD/ day when ``declared`` is a UTC stamp one day off it.

    CMSs write the path in the newsroom's local time; a UTC stamp near midnight falls on
    the next or previous day.
    """
    match = _URL_DAY.search(url)
    if not match or not declared.endswith("+00:00"):
        return None
    try:
        url_day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    off = abs((url_day - date.fromisoformat(declared[:10])).days)
    return url_day.isoformat() if off == _TIME_ZONE_DAYS else None


def extract_modified_at(doc: Document, now: datetime | None = None) -> str | None:
    """When the article was last updated, if the page says so."""
    article = doc.structured.article or {}
    declared = [
        first_string(article.get("dateModified")),
        doc.meta(*_MODIFIED_META),
        *_ITEMPROP_MODIFIED(doc.tree),
    ]
    return _first_plausible(declared, now)


def _first_plausible(candidates: list[str | None], now: datetime | None) -> str | None:
    for candidate in candidates:
        parsed = _normalize(candidate)
        if parsed and _plausible(date.fromisoformat(parsed[:10]), now):
            return parsed
    return None


def _normalize(candidate: str | None) -> str | None:
    return normalize_iso_date(candidate) if candidate else None


def _plausible(day: date, now: datetime | None) -> bool:
    """Not before the web existed, not after the fetch."""
    return _EARLIEST <= day <= (now or datetime.now(UTC)).date()


def normalize_iso_date(value: str) -> str | None:
    """An ISO-like date string as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS±HH:MM``.

    >>> normalize_iso_date("2026-11-25T08:30:00+0100")
    '2026-11-25T08:30:00+01:00'
    >>> normalize_iso_date("2026-11-25 08:30")
    '2026-11-25T08:30:00'
    >>> normalize_iso_date("2026-02-30") is None
    True
    """
    match = _ISO.search(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return None
    day_part = f"{year}-{month}-{day}"
    if hour is None:
        return day_part
    if int(hour) > 23 or int(minute) > 59 or int(second or 0) > 59:
        return day_part
    time_part = f"{hour}:{minute}:{second or '00'}"
    if offset is None:
        return f"{day_part}T{time_part}"
    if offset == "Z":
        return f"{day_part}T{time_part}+00:00"
    offset = offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
    return f"{day_part}T{time_part}{offset}"
