"""Pure scoring functions for the extraction benchmark.

Each function takes plain values (strings, lists, dicts as the corpora store them) and
returns numbers; nothing here reads files or calls an extractor, so every metric is unit
tested on hand-made inputs (tests/bench/test_metrics.py). The definitions follow
shared/corpora/README.md and shared/corpora/labels/README.md; where those leave a case
open, the docstring says what was decided.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

# ---------------------------------------------------------------------------------------
# aeb: shingle matching, as scrapinghub/article-extraction-benchmark's evaluate.py does it
# ---------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class Shares:
    """One page's tp, fp, fn shingle counts, each divided by tp + fp + fn.

    Dividing keeps long articles from weighing more than short ones; all three are 0.0
    when both texts have no token at all.
    """

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1; F1 is 0.0 when precision and recall are both 0."""

    precision: float
    recall: float
    f1: float


def f1_of(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf_from_counts(tp: int, fp: int, fn: int) -> PRF:
    """Micro precision/recall/F1 from counts; an empty denominator gives 0.0."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PRF(precision, recall, f1_of(precision, recall))


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles of `text` (tokens are `\\w+`, case kept).

    As in evaluate.py, a text shorter than `size` tokens yields one shorter shingle, and
    an empty text yields none.
    """
    tokens = _WORD_RE.findall(text)
    windows = (tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))
    return Counter(w for w in windows if w)


def shingle_shares(gold: str, extracted: str) -> Shares:
    """Per-page shingle tp/fp/fn of `extracted` against `gold`, normalized to sum to 1."""
    gold_sh, pred_sh = shingles(gold), shingles(extracted)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    if not total:
        return Shares(0.0, 0.0, 0.0)
    return Shares(tp / total, fp / total, fn / total)


def shingle_precision(s: Shares) -> float:
    """evaluate.py's precision_score: 1.0 for a perfect page, 0.0 when nothing matched."""
    if s.fp == s.fn == 0:
        return 1.0
    return s.tp / (s.tp + s.fp) if s.tp + s.fp else 0.0


def shingle_recall(s: Shares) -> float:
    """evaluate.py's recall_score: 1.0 for a perfect page, 0.0 when nothing matched."""
    if s.fp == s.fn == 0:
        return 1.0
    return s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0


def aeb_scores(pages: Sequence[Shares]) -> PRF:
    """Mean precision and mean recall over pages, F1 from those two means.

    Like evaluate.py, precision is averaged only over pages with some extracted shingle
    (tp + fp > 0) and recall only over pages with some gold shingle (tp + fn > 0): an
    empty extraction lowers recall, not precision. No eligible page gives 0.0.
    """
    precisions = [shingle_precision(s) for s in pages if s.tp + s.fp > 0]
    recalls = [shingle_recall(s) for s in pages if s.tp + s.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return PRF(precision, recall, f1_of(precision, recall))


# ---------------------------------------------------------------------------------------
# traf: snippet containment and metadata exact match, as trafilatura's evaluation does it
# ---------------------------------------------------------------------------------------


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


@dataclass(frozen=True)
class SnippetCounts:
    """Snippet confusion counts for one or more pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.tn + other.tn,
        )


def snippet_counts(text: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Count `with_` snippets found (tp) or missed (fn) and `without` snippets found (fp)
    or absent (tn) in `text`, both sides whitespace-normalized (plain substring test)."""
    haystack = normalize_space(text)
    found_with = [normalize_space(s) in haystack for s in with_]
    found_without = [normalize_space(s) in haystack for s in without]
    return SnippetCounts(
        tp=sum(found_with),
        fp=sum(found_without),
        fn=len(found_with) - sum(found_with),
        tn=len(found_without) - sum(found_without),
    )


def snippet_scores(counts: SnippetCounts) -> PRF:
    """Precision, recall and F1 over all snippets of all pages (micro)."""
    return prf_from_counts(counts.tp, counts.fp, counts.fn)


def gold_text(value: object) -> str | None:
    """A gold title or author as one comparable string, or None when there is none.

    evaldata.json stores a string, a list of strings (several authors: joined with
    "; "), null, or "" — null, "" and whitespace-only all mean "no gold value", so such
    pages are left out of the share.
    """
    if isinstance(value, list):
        value = "; ".join(normalize_space(str(v)) for v in value if str(v).strip())
    if not isinstance(value, str):
        return None
    return normalize_space(value) or None


def gold_date(value: object) -> str | None:
    """The YYYY-MM-DD part of a gold date, or None when missing or empty."""
    return value.strip()[:10] or None if isinstance(value, str) else None


def text_matches(gold: str, extracted: str | None) -> bool:
    """Exact match after whitespace normalization (case kept)."""
    return extracted is not None and normalize_space(extracted) == gold


def date_matches(gold: str, extracted: str | None) -> bool:
    """Compare only the calendar day: "2020-01-05T10:00:00+01:00" matches "2020-01-05"."""
    return extracted is not None and extracted.strip()[:10] == gold


def share(hits: Sequence[bool]) -> float | None:
    """Share of True among `hits`; None when there is nothing to count (shown as "—",
    not as a misleading 0)."""
    return sum(hits) / len(hits) if hits else None


# ---------------------------------------------------------------------------------------
# fundus: author sets and publication days (shared/corpora/README.md, fundus-dev)
# ---------------------------------------------------------------------------------------


def author_set(names: Iterable[str]) -> frozenset[str]:
    """Names compared case-insensitively with white space collapsed; blanks dropped."""
    return frozenset(n for n in (normalize_space(name).casefold() for name in names) if n)


def authors_match(gold: Iterable[str], extracted: Iterable[str]) -> bool:
    """Equal sets of names: an extra or a missing author is a miss."""
    return author_set(gold) == author_set(extracted)


def _parse_datetime(value: str) -> datetime | date | None:
    """An ISO date or date-time ("2024-05-01", "2024-05-01 10:00:00+02:00", "…T…Z")."""
    text = value.strip()
    try:
        return (
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            if len(text) > 10
            else date.fromisoformat(text)
        )
    except ValueError:
        return None


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def same_day(gold: str, extracted: str | None) -> bool:
    """The extracted publication date falls on gold's day, read in gold's own offset or
    in UTC: "2024-05-01T23:30:00-04:00" matches gold "2024-05-02 03:30:00+00:00".

    Decided here: when either side has no offset (a bare date, a naive time), its day as
    written is compared with gold's local day and gold's UTC day; an unparsable extracted
    value is a miss.
    """
    gold_moment = _parse_datetime(gold)
    found = _parse_datetime(extracted) if extracted else None
    if gold_moment is None or found is None:
        return False
    gold_aware = isinstance(gold_moment, datetime) and gold_moment.tzinfo is not None
    if gold_aware and isinstance(found, datetime) and found.tzinfo is not None:
        assert isinstance(gold_moment, datetime)
        return any(
            found.astimezone(zone).date() == gold_moment.astimezone(zone).date()
            for zone in (gold_moment.tzinfo, UTC)
        )
    gold_days = {_day(gold_moment)}
    if gold_aware:
        assert isinstance(gold_moment, datetime)
        gold_days.add(gold_moment.astimezone(UTC).date())
    return _day(found) in gold_days


# ---------------------------------------------------------------------------------------
# labels: author bio and related-news blocks (shared/corpora/labels/README.md)
# ---------------------------------------------------------------------------------------

RELATED_MATCH_THRESHOLD = 0.8


def bag_of_words(text: str | None) -> Counter[str]:
    """Lower-cased `\\w+` tokens of `text` as a multiset."""
    return Counter(_WORD_RE.findall((text or "").lower()))


def token_f1(gold: str | None, extracted: str | None) -> float:
    """Multiset token F1 (lower-cased `\\w+`); two empty texts score 1.0, one empty 0.0."""
    gold_bag, pred_bag = bag_of_words(gold), bag_of_words(extracted)
    if not gold_bag and not pred_bag:
        return 1.0
    overlap = sum((gold_bag & pred_bag).values())
    if not overlap:
        return 0.0
    return f1_of(overlap / sum(pred_bag.values()), overlap / sum(gold_bag.values()))


def normalize_url(url: str) -> str:
    """Comparable form of an item URL: scheme dropped (http = https), host lower-cased
    without "www.", fragment dropped, trailing slash of the path dropped; query kept."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


@dataclass(frozen=True)
class RelatedItem:
    """One teaser: title, absolute URL, optional summary."""

    title: str | None
    url: str
    summary: str | None


@dataclass(frozen=True)
class RelatedPageScore:
    """Related-block matching on one page.

    `titles_ok` has one entry per matched item; `summaries_ok` one per matched item whose
    gold summary is not null (a teaser without a summary in the label is not counted).
    """

    tp: int
    fp: int
    fn: int
    titles_ok: tuple[bool, ...]
    summaries_ok: tuple[bool, ...]


def _by_url(items: Iterable[RelatedItem]) -> dict[str, RelatedItem]:
    """Items keyed by normalized URL; the first item wins when a URL repeats (the same
    article in "Latest" and "Most read" counts once)."""
    keyed: dict[str, RelatedItem] = {}
    for item in items:
        keyed.setdefault(normalize_url(item.url), item)
    return keyed


def _text_ok(gold: str | None, extracted: str | None) -> bool:
    """A title or summary matches when both are empty or their token F1 is >= 0.8."""
    return token_f1(gold, extracted) >= RELATED_MATCH_THRESHOLD


def related_page_score(gold: Iterable[RelatedItem], extracted: Iterable[RelatedItem]) -> RelatedPageScore:
    """Match items of all blocks of a page by normalized URL (block boundaries and
    headings are not scored). A relative extracted URL never matches: the record's
    contract is an absolute URL."""
    gold_items, pred_items = _by_url(gold), _by_url(extracted)
    matched = [key for key in gold_items if key in pred_items]
    return RelatedPageScore(
        tp=len(matched),
        fp=len(pred_items) - len(matched),
        fn=len(gold_items) - len(matched),
        titles_ok=tuple(_text_ok(gold_items[k].title, pred_items[k].title) for k in matched),
        summaries_ok=tuple(
            _text_ok(gold_items[k].summary, pred_items[k].summary)
            for k in matched
            if gold_items[k].summary is not None
        ),
    )


@dataclass(frozen=True)
class RelatedScores:
    """Micro P/R/F1 of items over pages, and the title and summary match shares."""

    prf: PRF
    titles_share: float | None
    summaries_share: float | None


def related_scores(pages: Sequence[RelatedPageScore]) -> RelatedScores:
    """Aggregate page scores: counts summed over pages; shares over all matched items."""
    prf = prf_from_counts(sum(p.tp for p in pages), sum(p.fp for p in pages), sum(p.fn for p in pages))
    titles = [ok for p in pages for ok in p.titles_ok]
    summaries = [ok for p in pages for ok in p.summaries_ok]
    return RelatedScores(prf, share(titles), share(summaries))


def has_bio(bio: str | None) -> bool:
    """A bio counts as present when it has any non-space character."""
    return bool(bio and bio.strip())


def bio_detection(pairs: Sequence[tuple[str | None, str | None]]) -> PRF:
    """Page-level detection P/R/F1 over (gold bio, extracted bio) pairs."""
    tp = sum(has_bio(g) and has_bio(e) for g, e in pairs)
    fp = sum(not has_bio(g) and has_bio(e) for g, e in pairs)
    fn = sum(has_bio(g) and not has_bio(e) for g, e in pairs)
    return prf_from_counts(tp, fp, fn)


def bio_text_f1(pairs: Sequence[tuple[str | None, str | None]]) -> float | None:
    """Mean token F1 of the extracted bio over pages with a gold bio (a missed bio scores
    0.0); None when no page has a gold bio."""
    scores = [token_f1(g, e) for g, e in pairs if has_bio(g)]
    return statistics.fmean(scores) if scores else None
