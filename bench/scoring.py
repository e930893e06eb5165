"""Score one system's records against one corpus's gold annotations.

This is the glue between `bench.metrics` (pure metric functions) and the records the
systems return: it reads the needed fields out of a record, applies the metrics, and
returns the corpus figures plus one score row per page (worst first) for error analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bench import metrics
from bench.corpora import AEB, FUNDUS, LABELS, LABELS_ALL, TRAF, Page
from bench.systems import Record

Figures = dict[str, float]


def _known(figures: dict[str, float | None]) -> Figures:
    """Drop figures with nothing to measure on the chosen pages (e.g. --limit 5 reaches
    no page with a gold title): the table then shows "—" for them."""
    return {key: value for key, value in figures.items() if value is not None}


PageRows = list[dict[str, Any]]
Lookup = Callable[[Page], Record]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _author_dicts(record: Record) -> list[dict[str, Any]]:
    authors = record.get("authors")
    return [a for a in authors if isinstance(a, dict)] if isinstance(authors, list) else []


def authors_text(record: Record) -> str | None:
    """Author names joined with "; " (the gold format), or None when there is none."""
    names = [metrics.normalize_space(n) for a in _author_dicts(record) if (n := _text(a.get("name")))]
    return "; ".join(n for n in names if n) or None


def bio_text(record: Record) -> str | None:
    """All authors' bios joined by a space (a page's gold holds them as one text)."""
    bios = [b for a in _author_dicts(record) if (b := _text(a.get("bio"))) and b.strip()]
    return " ".join(bios) or None


def related_items(blocks: object) -> list[metrics.RelatedItem]:
    """Items of all related blocks, in record/label shape alike; items without a URL
    string are skipped (they cannot match)."""
    items: list[metrics.RelatedItem] = []
    for block in blocks if isinstance(blocks, list) else []:
        for item in block.get("items") or [] if isinstance(block, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                items.append(
                    metrics.RelatedItem(
                        _text(item.get("title")),
                        item["url"],
                        _text(item.get("summary")),
                    )
                )
    return items


def _body_shingle_rows(
    pages: Sequence[Page], gold_body: Callable[[Page], str], lookup: Lookup
) -> tuple[metrics.PRF, PageRows]:
    """Shingle P/R/F1 of the body over pages, and one row per page (worst first)."""
    shares = [metrics.shingle_shares(gold_body(p), _text(lookup(p).get("body")) or "") for p in pages]
    rows: PageRows = []
    for page, s in zip(pages, shares, strict=True):
        precision, recall = metrics.shingle_precision(s), metrics.shingle_recall(s)
        rows.append(
            {
                "id": page.page_id,
                "url": page.url,
                "f1": metrics.f1_of(precision, recall),
                "precision": precision,
                "recall": recall,
            }
        )
    rows.sort(key=lambda r: r["f1"])
    return metrics.aeb_scores(shares), rows


# A field compared with gold: its name, gold's value (None: no gold value), the record's
# value and the comparison.
FieldCheck = tuple[str, Any, Any, Callable[[Any, Any], bool]]


def _check_fields(row: dict[str, Any], hits: dict[str, list[bool]], checks: Iterable[FieldCheck]) -> None:
    """Each field with a gold value counts in its share; a miss is noted on the page's row."""
    for field, expected, got, matches in checks:
        if expected is None:  # no gold value: the page is not in this share
            continue
        ok = matches(expected, got)
        hits[field].append(ok)
        if not ok:
            row[field] = {"gold": expected, "got": got}


def score_aeb(pages: Sequence[Page], lookup: Lookup) -> tuple[Figures, PageRows]:
    """Shingle P/R/F1 of the body on aeb-dev."""
    prf, rows = _body_shingle_rows(pages, lambda p: str(p.gold), lookup)
    return {
        "aeb_precision": prf.precision,
        "aeb_recall": prf.recall,
        "aeb_f1": prf.f1,
    }, rows


def score_fundus(pages: Sequence[Page], lookup: Lookup) -> tuple[Figures, PageRows]:
    """Shingle P/R/F1 of the body, and title / author set / publication day shares, on
    fundus-dev (each share over the pages with a gold value)."""
    prf, rows = _body_shingle_rows(pages, lambda p: str(p.gold.get("body") or ""), lookup)
    by_id = {row["id"]: row for row in rows}
    hits: dict[str, list[bool]] = {"title": [], "authors": [], "date": []}
    for page in pages:
        record, gold, row = lookup(page), page.gold, by_id[page.page_id]
        gold_title, gold_date = metrics.gold_text(gold.get("title")), _text(gold.get("published_at"))
        gold_names = [str(n) for n in gold.get("authors") or []]
        title, date = _text(record.get("title")), _text(record.get("published_at"))
        names = [n for a in _author_dicts(record) if (n := _text(a.get("name")))]
        checks: list[FieldCheck] = [
            ("title", gold_title, title, metrics.text_matches),
            ("authors", gold_names or None, names, metrics.authors_match),
            ("date", gold_date or None, date, metrics.same_day),
        ]
        _check_fields(row, hits, checks)
    figures: dict[str, float | None] = {
        "fundus_precision": prf.precision,
        "fundus_recall": prf.recall,
        "fundus_f1": prf.f1,
    }
    figures.update({f"fundus_{field}": metrics.share(ok) for field, ok in hits.items()})
    return _known(figures), rows


def score_traf(pages: Sequence[Page], lookup: Lookup) -> tuple[Figures, PageRows]:
    """Snippet P/R/F1 of the body, and title/author/date exact-match shares, on traf-dev."""
    total = metrics.SnippetCounts()
    hits: dict[str, list[bool]] = {"title": [], "author": [], "date": []}
    rows: PageRows = []
    for page in pages:
        record, gold = lookup(page), page.gold
        counts = metrics.snippet_counts(_text(record.get("body")) or "", gold["with"], gold["without"])
        total += counts
        row: dict[str, Any] = {
            "id": page.page_id,
            "url": page.url,
            "f1": metrics.snippet_scores(counts).f1 if counts.tp + counts.fp + counts.fn else 1.0,
            "fn": counts.fn,
            "fp": counts.fp,
        }
        checks: tuple[FieldCheck, ...] = (
            (
                "title",
                metrics.gold_text(gold.get("title")),
                _text(record.get("title")),
                metrics.text_matches,
            ),
            (
                "author",
                metrics.gold_text(gold.get("author")),
                authors_text(record),
                metrics.text_matches,
            ),
            (
                "date",
                metrics.gold_date(gold.get("date")),
                _text(record.get("published_at")),
                metrics.date_matches,
            ),
        )
        _check_fields(row, hits, checks)
        rows.append(row)
    prf = metrics.snippet_scores(total)
    rows.sort(key=lambda r: (-(r["fn"] + r["fp"]), -sum(f in r for f in hits)))
    figures: dict[str, float | None] = {
        "traf_precision": prf.precision,
        "traf_recall": prf.recall,
        "traf_f1": prf.f1,
    }
    figures.update({f"traf_{field}": metrics.share(ok) for field, ok in hits.items()})
    return _known(figures), rows


def score_labels(pages: Sequence[Page], lookup: Lookup, prefix: str = "") -> tuple[Figures, PageRows]:
    """Bio detection and text, related items P/R/F1 and title/summary shares.

    A page whose label says its bio is shown only inside scripts (``bio_ambiguous``) is
    left out of the bio figures, as the labels' README decides.
    """
    bios: list[tuple[str | None, str | None]] = []
    related: list[metrics.RelatedPageScore] = []
    rows: PageRows = []
    for page in pages:
        record = lookup(page)
        pair = (_text(page.gold.get("author_bio")), bio_text(record))
        score = metrics.related_page_score(
            related_items(page.gold.get("related")),
            related_items(record.get("related")),
        )
        if not page.gold.get("bio_ambiguous"):
            bios.append(pair)
        related.append(score)
        bio_f1 = metrics.token_f1(*pair) if metrics.has_bio(pair[0]) or metrics.has_bio(pair[1]) else 1.0
        rows.append(
            {
                "id": page.page_id,
                "url": page.url,
                "bio_f1": bio_f1,
                "bio": {"gold": pair[0], "got": pair[1]},
                "related": {"tp": score.tp, "fp": score.fp, "fn": score.fn},
                "group": label_groups(page),
            }
        )
    rows.sort(key=lambda r: (-(r["related"]["fp"] + r["related"]["fn"]), r["bio_f1"]))
    detection = metrics.bio_detection(bios)
    # No bio shown and none found: nothing to measure (a group of pages shows "—", not 0).
    any_bio = any(metrics.has_bio(gold) or metrics.has_bio(found) for gold, found in bios)
    rel = metrics.related_scores(related)
    any_item = any(score.tp + score.fp + score.fn for score in related)
    figures: dict[str, float | None] = {
        "bio_detection_precision": detection.precision if any_bio else None,
        "bio_detection_recall": detection.recall if any_bio else None,
        "bio_detection_f1": detection.f1 if any_bio else None,
        "bio_text_f1": metrics.bio_text_f1(bios),
        "related_precision": rel.prf.precision if any_item else None,
        "related_recall": rel.prf.recall if any_item else None,
        "related_f1": rel.prf.f1 if any_item else None,
        "related_titles": rel.titles_share,
        "related_summaries": rel.summaries_share,
    }
    return {f"{prefix}{key}": value for key, value in _known(figures).items()}, rows


def label_groups(page: Page) -> dict[str, str]:
    """The corpus a labelled page comes from and its language, for the per-group table."""
    page_id = page.page_id
    corpus = page_id.split(":", 1)[0] if ":" in page_id else "?"
    return {"corpus": corpus, "language": str(page.gold.get("language") or "?")}


def score_all_labels(pages: Sequence[Page], lookup: Lookup) -> tuple[Figures, PageRows]:
    return score_labels(pages, lookup, prefix="all_")


def score_label_groups(pages: Sequence[Page], lookup: Lookup, key: str) -> dict[str, tuple[int, Figures]]:
    """The label figures of each group of pages (by "corpus" or "language"): page count, figures."""
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(label_groups(page)[key], []).append(page)
    return {
        name: (len(members), score_labels(members, lookup)[0]) for name, members in sorted(groups.items())
    }


SCORERS = {
    AEB: score_aeb,
    TRAF: score_traf,
    FUNDUS: score_fundus,
    LABELS: score_labels,
    LABELS_ALL: score_all_labels,
}
