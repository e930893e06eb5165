"""The archive stage's file writer: one JSON Lines file per site per crawl.

Scrapy's FEEDS cannot do this job: it cannot partition one crawl's items by site, and it
keeps the open batch in a temporary file that a SIGKILL loses whole. Here every record is
one ``os.write`` of a complete line to ``<name>.part`` (so a kill leaves whole lines only,
plus at most one torn last line that recovery removes), and the file gets its final name
only when the crawl closes it, so readers never see a half-written file.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newscrawler.archive.paths import PART_SUFFIX, archive_path


def encode_record(record: dict[str, Any]) -> bytes:
    """One archive line: compact UTF-8 JSON (not ASCII-escaped) and a newline."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return line.encode("utf-8") + b"\n"


class _OpenFile:
    """A ``.part`` file being appended to, plain or gzip, flushed after every line."""

    def __init__(self, final_path: Path, compress: bool, fsync: bool) -> None:
        self.final_path = final_path
        self.part_path = final_path.with_name(final_path.name + PART_SUFFIX)
        final_path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.part_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        # Held until close: recovery skips locked files, so it never touches a live
        # crawl's file when several crawls share one ARCHIVE_DIR.
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._raw: IO[bytes] = os.fdopen(self._fd, "ab", buffering=0)
        # Sync-flushing gzip after each line keeps every complete line decodable after a kill.
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="ab") if compress else None
        self._fsync = fsync
        self.lines = 0

    def write(self, data: bytes) -> None:
        if self._gzip is not None:
            self._gzip.write(data)
            self._gzip.flush(zlib.Z_SYNC_FLUSH)
        else:
            _write_all(self._fd, data)
        if self._fsync:
            os.fsync(self._fd)
        self.lines += 1

    def close(self) -> Path:
        if self._gzip is not None:
            self._gzip.close()
        self._raw.flush()
        os.fsync(self._fd)
        self._raw.close()
        os.replace(self.part_path, self.final_path)
        return self.final_path


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class JsonLinesArchive:
    """Writes records of one crawl, each into the file of its site.

    ``write`` returns only after the line reached the operating system (and the disk when
    ``fsync`` is on): a caller may then record the article as archived.
    """

    def __init__(
        self,
        archive_dir: Path,
        crawl_id: str,
        *,
        compress: bool = False,
        fsync: bool = False,
        started: datetime | None = None,
    ) -> None:
        self.archive_dir = archive_dir
        self.crawl_id = crawl_id
        self.compress = compress
        self.fsync = fsync
        self.day = (started or datetime.now(UTC)).strftime("%Y-%m-%d")
        self._files: dict[str, _OpenFile] = {}

    def write(self, site: str, record: dict[str, Any]) -> Path:
        """Append one record; returns the final path of the file it belongs to."""
        handle = self._files.get(site)
        if handle is None:
            path = archive_path(self.archive_dir, site, self.crawl_id, self.day, self.compress)
            handle = self._files[site] = _OpenFile(path, self.compress, self.fsync)
        handle.write(encode_record(record))
        return handle.final_path

    def close(self) -> dict[Path, int]:
        """Close every file and give it its final name; returns lines written per file."""
        written = {}
        files, self._files = self._files, {}
        for handle in files.values():
            written[handle.close()] = handle.lines
        return written
