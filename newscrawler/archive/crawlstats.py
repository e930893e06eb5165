"""``<crawl_id>.stats.json``: why a crawl's pages gave no record, kept beside its archive.

Scrapy's closing stats go to the log only; the archive report needs the skip and drop
reasons too, so the archive stage writes this small file next to each JSON Lines file of
the crawl (the same crawl-wide numbers in each; readers count a ``crawl_id`` once).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SKIPPED_PREFIX = "newscrawler/skipped/"
DROPPED_PREFIX = "item_dropped_reasons_count/"
STATS_SUFFIX = ".stats.json"


def crawl_summary(crawl_id: str, stats: dict[str, Any]) -> dict[str, Any]:
    """The report's view of a crawl's stats.

    >>> crawl_summary("c1", {"newscrawler/skipped/http_status/404": 2,
    ...                      "item_dropped_reasons_count/BodyTooShort": 1, "newscrawler/archived": 5})
    {'crawl_id': 'c1', 'archived': 5, 'skipped': {'http_status/404': 2}, 'dropped': {'BodyTooShort': 1}}
    """
    return {
        "crawl_id": crawl_id,
        "archived": int(stats.get("newscrawler/archived", 0)),
        "skipped": _under(stats, SKIPPED_PREFIX),
        "dropped": _under(stats, DROPPED_PREFIX),
    }


def _under(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key.removeprefix(prefix): int(v) for key, v in sorted(stats.items()) if key.startswith(prefix)}


def write_crawl_summary(directory: Path, summary: dict[str, Any]) -> Path:
    """Write ``<directory>/<crawl_id>.stats.json`` whole (temporary file, then rename)."""
    path = directory / f"{summary['crawl_id']}{STATS_SUFFIX}"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path
