"""The Markdown table: one row per metric, newscrawler beside trafilatura, with targets.

A row's target is either a fixed floor or "at least trafilatura's figure" (speed); rows
without a target (precision, recall, memory, errors) are shown for diagnosis only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bench.systems import NEWSCRAWLER, TRAFILATURA

# A target relative to the peer: newscrawler must do at least as well as trafilatura.
AT_LEAST_PEER = -1.0


@dataclass(frozen=True)
class Row:
    """How to show one figure: its key in the figures dict, label, target and format."""

    key: str
    label: str
    target: float | None = None
    fmt: str = "{:.3f}"


ROWS = (
    Row("aeb_precision", "aeb-dev body precision"),
    Row("aeb_recall", "aeb-dev body recall"),
    Row("aeb_f1", "aeb-dev body F1", 0.970),
    Row("traf_precision", "traf-dev body precision"),
    Row("traf_recall", "traf-dev body recall"),
    Row("traf_f1", "traf-dev body F1", 0.935),
    Row("traf_title", "traf-dev title", 0.75),
    Row("traf_author", "traf-dev author", 0.65),
    Row("traf_date", "traf-dev date", 0.92),
    Row("bio_detection_precision", "bio detection precision"),
    Row("bio_detection_recall", "bio detection recall"),
    Row("bio_detection_f1", "bio detection F1", 0.90),
    Row("bio_text_f1", "bio text token F1", 0.85),
    Row("related_precision", "related items precision"),
    Row("related_recall", "related items recall"),
    Row("related_f1", "related items F1", 0.85),
    Row("related_titles", "related titles share", 0.95),
    Row("related_summaries", "related summaries share", 0.90),
    Row("pages_per_second", "pages per second", AT_LEAST_PEER, "{:.1f}"),
    Row("peak_rss_mib", "peak memory (MiB)", None, "{:.0f}"),
    Row("errors", "errors (pages)", None, "{:.0f}"),
    Row("pages", "pages extracted", None, "{:.0f}"),
)


def verdict(row: Row, ours: float, peer: float | None) -> str:
    """" met" / " missed" for a row with a target, "" otherwise."""
    if row.target is None:
        return ""
    floor = peer if row.target == AT_LEAST_PEER else row.target
    if floor is None:
        return ""
    return " met" if ours >= floor else " missed"


def target_text(row: Row) -> str:
    if row.target is None:
        return ""
    return "≥ trafilatura" if row.target == AT_LEAST_PEER else f"≥ {row.target:.3f}".rstrip("0")


def markdown_table(figures: Mapping[str, Mapping[str, float]]) -> str:
    """Render the rows whose figure exists for newscrawler (skipped corpora drop out)."""
    ours, peer = figures.get(NEWSCRAWLER, {}), figures.get(TRAFILATURA, {})
    lines = [
        f"| metric | target | {NEWSCRAWLER} | {TRAFILATURA} |",
        "| --- | --- | --- | --- |",
    ]
    for row in ROWS:
        if row.key not in ours and row.key not in peer:
            continue
        mine = ours.get(row.key)
        theirs = peer.get(row.key)
        mine_text = "—" if mine is None else row.fmt.format(mine) + verdict(row, mine, theirs)
        theirs_text = "—" if theirs is None else row.fmt.format(theirs)
        lines.append(f"| {row.label} | {target_text(row)} | {mine_text} | {theirs_text} |")
    return "\n".join(lines)
