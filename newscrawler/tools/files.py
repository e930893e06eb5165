"""Finding and reading archive files: PATH is one file or a folder searched recursively."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawler.archive.paths import PART_SUFFIX
from newscrawler.records import article_key


@dataclass(frozen=True)
class Line:
    """One line of an archive file: its record, or why it has none."""

    path: Path
    number: int
    record: dict[str, Any] | None
    error: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"


def is_archive_file(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


def archive_files(path: Path) -> list[Path]:
    """``path`` itself, or every finished ``*.jsonl`` / ``*.jsonl.gz`` below it, sorted."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and is_archive_file(p))


def part_leftovers(path: Path) -> list[Path]:
    """Unfinished ``.part`` files (JSON Lines or WARC) below ``path``."""
    if path.is_file():
        return [path] if path.name.endswith(PART_SUFFIX) else []
    return sorted(path.rglob(f"*{PART_SUFFIX}"))


def read_lines(path: Path) -> Iterator[Line]:
    """Every line of one file, parsed; a line that is not a JSON object carries ``error``."""
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as source:
            for number, raw in enumerate(source, start=1):
                yield _parse(path, number, raw)
    except (OSError, EOFError, zlib.error) as error:
        yield Line(path, number + 1, None, f"unreadable: {error}")


def _parse(path: Path, number: int, raw: bytes) -> Line:
    if not raw.endswith(b"\n"):
        return Line(path, number, None, "torn last line (no newline)")
    try:
        record = json.loads(raw)
    except ValueError as error:
        return Line(path, number, None, f"not JSON: {error}")
    if not isinstance(record, dict):
        return Line(path, number, None, "not a JSON object")
    return Line(path, number, record)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every parsable record below ``path``; ``scrapy archive validate`` reports the rest."""
    for file in archive_files(path):
        for line in read_lines(file):
            if line.record is not None:
                yield line.record


def record_key(record: dict[str, Any]) -> str:
    """The article an archived line belongs to: the crawl's own key (``records.article_key``)."""
    return article_key(str(record["url"]), record.get("canonical_url"))


def latest_revisions(records: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per article: the highest revision, then the latest ``fetched_at``."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        key = record_key(record)
        kept = latest.get(key)
        if kept is None or _newness(record) > _newness(kept):
            latest[key] = record
    return [latest[key] for key in sorted(latest)]


def _newness(record: dict[str, Any]) -> tuple[int, str]:
    return int(record.get("revision") or 0), str(record.get("fetched_at") or "")
