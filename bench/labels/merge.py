"""Merge the checked batches into the project's label file, and measure how the passes agree.

    python -m bench.labels.merge        # writes bench/labels/bio-related-dev-more.json

Each batch was labelled once (``batches/labels-N.json``) and checked by a second,
independent pass (``batches/checked-N.json``, each record with a ``second_pass`` note);
the checked records are the labels. A page whose bio is shown only inside scripts is
marked ``bio_ambiguous`` (its notes say so) and left out of the bio figures.
The agreement printed is the first pass's labels scored against the second's with the
benchmark's own metrics: how far two careful labellers differ.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bench import metrics
from bench.corpora import PROJECT_LABELS
from bench.scoring import related_items

BATCHES = Path(__file__).resolve().parent / "batches"
# How the labellers' notes say that a bio is shown only inside scripts.
_SCRIPT_ONLY_BIO = re.compile(
    r"BIO AMBIGUOUS|script-only|(?:exists|appears|present) only (?:in|inside)[^.]{0,40}(?:script|JSON-LD)",
    re.IGNORECASE,
)
FIELDS = ("split", "url", "page", "authors", "author_bio", "related", "language", "notes", "second_pass")


def _load(path: Path) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def merged() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(checked labels, first-pass labels) of every batch, keyed by page id."""
    checked: dict[str, dict[str, Any]] = {}
    first: dict[str, dict[str, Any]] = {}
    for path in sorted(BATCHES.glob("checked-*.json")):
        number = path.stem.split("-")[1]
        first.update(_load(BATCHES / f"labels-{number}.json"))
        for page_id, record in _load(path).items():
            label = {field: record.get(field) for field in FIELDS}
            label["split"] = "dev"
            label["bio_ambiguous"] = bool(_SCRIPT_ONLY_BIO.search(str(record.get("notes") or "")))
            checked[page_id] = label
    return checked, first


def agreement(checked: dict[str, dict[str, Any]], first: dict[str, dict[str, Any]]) -> dict[str, float]:
    """The first pass scored against the second: bio detection and text, related items."""
    pages = [page_id for page_id in checked if page_id in first]
    bios = [
        (checked[p]["author_bio"], first[p].get("author_bio"))
        for p in pages
        if not checked[p]["bio_ambiguous"]
    ]
    scores = [
        metrics.related_page_score(
            related_items(checked[p].get("related")), related_items(first[p].get("related"))
        )
        for p in pages
    ]
    related = metrics.related_scores(scores)
    changed = sum(
        not str(checked[p].get("second_pass") or "").strip().lower().startswith("agreed") for p in pages
    )
    return {
        "pages": len(pages),
        "pages changed by the second pass": changed,
        "bio detection F1": metrics.bio_detection(bios).f1,
        "bio text token F1": metrics.bio_text_f1(bios) or 0.0,
        "related items F1": related.prf.f1,
        "related titles share": related.titles_share or 0.0,
        "related summaries share": related.summaries_share or 0.0,
    }


def main() -> int:
    checked, first = merged()
    PROJECT_LABELS.write_text(json.dumps(checked, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(checked)} labelled pages -> {PROJECT_LABELS}")
    print(
        "script-only bios (left out of the bio figures):",
        [p for p, r in checked.items() if r["bio_ambiguous"]],
    )
    for name, value in agreement(checked, first).items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
