"""Bring the crawl state up to date with the lines of an archive file recovered after a kill."""

from __future__ import annotations

import gzip
import json
import logging
import os
from pathlib import Path
from typing import Any

from newscrawler.items import ArticleRecord
from newscrawler.records import article_key
from newscrawler.state.crawlstate import CrawlState

logger = logging.getLogger(__name__)


def sync_state_from_archive(state: CrawlState, path: Path) -> tuple[int, int]:
    """Record the lines the state does not know; remove lines another crawl owns.

    A kill can fall between a line's write and its state save. Alone, the line just needs
    its state (returned first: how many were synced). With a Redis frontier, the dead
    worker's request also went back to the queue and another worker archived the same
    revision of the same article: the state names that other crawl, and the recovered line
    is a duplicate, removed from the file (returned second). Nothing else is touched.
    """
    lines = _lines(path)
    kept: list[bytes] = []
    synced = duplicates = 0
    for raw in lines:
        record = _record(json.loads(raw))
        key = article_key(record.url, record.canonical_url)
        known = state.store.article(key)
        if known is None or known.revision < record.revision:
            state.archived(record, key)
            synced += 1
        elif _same_revision_elsewhere(known.revision, known.content_hash, known.crawl_id, record):
            logger.warning("recovery: %s revision %d is already archived by crawl %s; "
                           "dropping the duplicate line", record.url, record.revision, known.crawl_id)  # fmt: skip
            duplicates += 1
            continue
        kept.append(raw)
    if duplicates:
        _rewrite(path, kept)
    return synced, duplicates


def _same_revision_elsewhere(revision: int, content_hash: str, crawl_id: str, record: ArticleRecord) -> bool:
    return (
        revision == record.revision
        and content_hash == record.content_hash
        and bool(crawl_id)
        and crawl_id != record.crawl_id
    )


def _lines(path: Path) -> list[bytes]:
    # Raw bytes, not parsed records: kept lines are written back byte for byte.
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as source:
        return [line for line in source.read().splitlines(keepends=True) if line.strip()]


def _rewrite(path: Path, lines: list[bytes]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(temporary, "wb") as out:
        out.writelines(lines)
    os.replace(temporary, path)


def _record(line: dict[str, Any]) -> ArticleRecord:
    fields = {k: v for k, v in line.items() if k in ArticleRecord.__dataclass_fields__}
    return ArticleRecord(**fields)
