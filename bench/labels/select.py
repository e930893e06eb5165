"""Choose the pages to label: a seeded sample across corpora, languages and publishers.

    python -m bench.labels.select > bench/labels/selection.json

Pages already labelled in shared/corpora/labels are left out. Within a corpus, pages are
drawn round-robin over the page's declared language (``<html lang>``, "?" when absent) so
that no language fills the sample; fundus-dev gives at most one page per publisher.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict

from bench.corpora import FUNDUS, Page, declared_language, load
from bench.extraction import default_corpora

SEED = 17
QUOTAS = {"aeb": 35, "traf": 50, "fundus": 45}


def sample(pages: list[Page], quota: int, rng: random.Random, *, one_per_publisher: bool) -> list[Page]:
    by_language: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_language[declared_language(page.path)].append(page)
    for group in by_language.values():
        rng.shuffle(group)
    chosen: list[Page] = []
    publishers: set[str] = set()
    while len(chosen) < quota and any(by_language.values()):
        for language in sorted(by_language):
            group = by_language[language]
            while group:
                page = group.pop()
                publisher = page.page_id.rsplit("_", 3)[0]
                if one_per_publisher and publisher in publishers:
                    continue
                publishers.add(publisher)
                chosen.append(page)
                break
            if len(chosen) == quota:
                break
    return chosen


def main() -> int:
    root = default_corpora()
    shared_labels = json.loads((root / "labels" / "bio-related-dev.json").read_text(encoding="utf-8"))
    labelled = {record["page"] for record in shared_labels.values()}
    rng = random.Random(SEED)  # noqa: S311 - a reproducible sample, not a secret
    corpora = load(root, tuple(QUOTAS))
    selection = []
    for name, quota in QUOTAS.items():
        candidates = [p for p in corpora[name] if str(p.path.relative_to(root)) not in labelled and p.url]
        for page in sample(candidates, quota, rng, one_per_publisher=name == FUNDUS):
            selection.append(
                {
                    "id": f"{name}:{page.page_id}",
                    "url": page.url,
                    "page": str(page.path.relative_to(root)),
                    "declared_language": declared_language(page.path),
                }
            )
    json.dump(selection, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
