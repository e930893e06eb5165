"""The archive stage's file writer: one JSON Lines file per site per crawl.

Scrapy's FEEDS cannot do this job: it cannot partition one crawl's items by site, and it
keeps the open batch in a temporary file that a SIGKILL loses whole. Here every record is
one ``os.write`` of a complete line to ``<name>.part`` (so a kill leaves whole lines only,
plus at most one torn last line that recovery removes), and the file gets its final name
only when the crawl closes it, so readers never see a half-written file.
"""

from __future__ import annotations

import errno
import fcntl
import gzip
import json
import logging
import os
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newscrawler.archive.paths import PART_SUFFIX, archive_path

logger = logging.getLogger(__name__)

# After a sync flush a deflate stream is byte-aligned: an empty final block (fixed Huffman)
# ends it, and the gzip trailer (CRC-32, size mod 2**32) makes the member complete.
_EMPTY_FINAL_BLOCK = b"\x03\x00"


class ArchiveWriteError(OSError):
    """A record could not be written (disk full, quota, I/O error); nothing of it was kept.

    ``disk_full`` tells a full disk or quota from other I/O errors.
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, f"cannot write {path}: {cause.strerror or cause}")
        self.disk_full = cause.errno in (errno.ENOSPC, errno.EDQUOT)


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
        # The file's length after the last complete line, and (gzip) the CRC and length of
        # the uncompressed data up to it: what a failed write is rolled back to.
        self._good_size = os.fstat(self._fd).st_size
        self._crc = 0
        self._length = 0
        self._torn_gzip = False

    def write(self, data: bytes) -> None:
        """Append one line, or roll the file back to its last complete line and raise."""
        if self._torn_gzip:
            raise ArchiveWriteError(self.part_path, OSError(errno.EIO, "earlier write failed"))
        try:
            if self._gzip is not None:
                self._gzip.write(data)
                self._gzip.flush(zlib.Z_SYNC_FLUSH)
            else:
                _write_all(self._fd, data)
            if self._fsync:
                os.fsync(self._fd)
        except OSError as error:
            self._roll_back()
            raise ArchiveWriteError(self.part_path, error) from error
        self._good_size = os.fstat(self._fd).st_size
        self._crc = zlib.crc32(data, self._crc)
        self._length += len(data)
        self.lines += 1

    def _roll_back(self) -> None:
        # A torn line would break every reader of the file: cut it off. Truncating frees
        # space, so this works on a full disk.
        os.ftruncate(self._fd, self._good_size)
        if self._gzip is not None:
            # The compressor already holds the failed line: its state no longer matches the
            # file, so this member is finished by hand at close and takes no more lines.
            # Detached, so that nothing (not even its finalizer) writes its state out.
            self._gzip.fileobj = None  # type: ignore[assignment]
            self._gzip = None
            self._torn_gzip = True

    def close(self) -> Path:
        if self._torn_gzip:
            _write_all(
                self._fd, _EMPTY_FINAL_BLOCK + struct.pack("<II", self._crc, self._length & 0xFFFFFFFF)
            )
        elif self._gzip is not None:
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
    ``fsync`` is on): a caller may then record the article as archived. When it raises
    :class:`ArchiveWriteError` the file holds no part of that record, and the archive takes
    no further records (the crawl should stop): every file still closes with complete lines.
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
        self.failure: ArchiveWriteError | None = None

    def write(self, site: str, record: dict[str, Any]) -> Path:
        """Append one record; returns the final path of the file it belongs to."""
        if self.failure is not None:
            raise self.failure
        path = archive_path(self.archive_dir, site, self.crawl_id, self.day, self.compress)
        try:
            handle = self._files.get(site)
            if handle is None:
                handle = self._files[site] = _OpenFile(path, self.compress, self.fsync)
            handle.write(encode_record(record))
        except ArchiveWriteError as error:
            self.failure = error
            raise
        except OSError as error:  # creating the directory or the file
            self.failure = ArchiveWriteError(path, error)
            raise self.failure from error
        return handle.final_path

    def close(self) -> dict[Path, int]:
        """Close every file and give it its final name; returns lines written per file.

        A file that cannot be closed (the disk is still full) stays ``.part`` for the next
        crawl's recovery, which keeps its complete lines; the others are still closed.
        """
        written = {}
        files, self._files = self._files, {}
        for handle in files.values():
            try:
                written[handle.close()] = handle.lines
            except OSError as error:
                logger.error("cannot close %s (left for recovery): %s", handle.part_path, error)
        return written
