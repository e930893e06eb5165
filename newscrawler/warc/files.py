"""A crawl's set of WARC files: gzip per record, flushed per record, rotated by size.

warcio builds and serializes the records; this module owns the file life cycle that warcio
leaves to its caller: ``.part`` names while open, a lock so that recovery leaves a live
file alone, one ``warcinfo`` record at the head of each file, and rotation.
"""

from __future__ import annotations

import errno
import fcntl
import io
import os
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from warcio.warcwriter import WARCWriter

from newscrawler.archive.paths import PART_SUFFIX

WARC_SUBDIR = "warc"
WARC_VERSION = "WARC/1.1"
DEFAULT_MAX_SIZE = 1024**3
"""1 GiB, the size the IIPC and most archives settle on."""
GZIP_LEVEL = 6
"""warcio compresses at level 9: on news pages twice the CPU of level 6 (on the reactor
thread) for a file 0.5 % smaller."""


def warc_dir(archive_dir: Path, day: str) -> Path:
    """Where a crawl started on ``day`` (``YYYY-MM-DD``) keeps its WARC files."""
    return archive_dir / WARC_SUBDIR / day


def warc_file_name(crawl_id: str, serial: int) -> str:
    """
    >>> warc_file_name("20261126T005033Z-1ec72c", 3)
    '20261126T005033Z-1ec72c-00003.warc.gz'
    """
    if not re.fullmatch(r"[A-Za-z0-9._-]+", crawl_id) or crawl_id.startswith("."):
        raise ValueError(f"unsafe crawl id {crawl_id!r}")
    return f"{crawl_id}-{serial:05d}.warc.gz"


class WarcFileSet:
    """Writes records into ``<crawl_id>-00000.warc.gz``, ``-00001``…, each at most about
    ``max_size`` bytes (a file is rotated before a group of records that would start past
    the limit, so a request and its response always share a file).

    ``write`` returns the final file name the records belong to, once they reached the
    operating system (and the disk with ``fsync``): a killed crawl keeps every full record.
    """

    def __init__(
        self,
        directory: Path,
        crawl_id: str,
        *,
        info: dict[str, str],
        max_size: int = DEFAULT_MAX_SIZE,
        fsync: bool = False,
    ) -> None:
        self.directory = directory
        self.crawl_id = crawl_id
        self.info = info
        self.max_size = max_size
        self.fsync = fsync
        self._serial = 0
        self._file: IO[bytes] | None = None
        self._writer: Any = None
        self._name = ""
        self.closed_files: list[Path] = []

    @property
    def builder(self) -> Any:
        """A warcio ``WARCWriter`` to build records with (``create_warc_record``…)."""
        return self._writer or WARCWriter(None, gzip=True, warc_version=WARC_VERSION)

    def write(self, *records: Any) -> str:
        """Append ``records`` (built with :attr:`builder`) to the current file, all or none.

        The records are serialized in memory and written with one call; if the disk refuses
        them (full), the file is cut back to its last complete record and
        :class:`WarcWriteError` is raised, so no file ever holds a torn record.
        """
        if self._file is not None and self._file.tell() >= self.max_size:
            self._close_current()
        if self._file is None:
            self._open_next()
        assert self._file is not None
        good = self._file.tell()
        try:
            data = memoryview(b"".join(gzip_member(record) for record in records))
            while data:  # an unbuffered file may take a write in pieces
                data = data[self._file.write(data) or 0 :]
            if self.fsync:
                os.fsync(self._file.fileno())
        except OSError as error:
            self._cut_back(good)
            raise WarcWriteError(f"{self._name}: {error.strerror or error}", error.errno) from error
        return self._name

    def _cut_back(self, good: int) -> None:
        """Drop the torn tail and close the file under its final name (its records are whole)."""
        assert self._file is not None
        os.ftruncate(self._file.fileno(), good)
        part = Path(self._file.name)
        self._file.close()  # unbuffered: nothing of the torn tail is left to flush
        self._file = None
        final = part.with_name(self._name)
        os.replace(part, final)
        self.closed_files.append(final)

    def close(self) -> list[Path]:
        """Close the open file (giving it its final name); returns every file written."""
        if self._file is not None:
            self._close_current()
        return self.closed_files

    def _open_next(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # A crawl id given twice (NEWSCRAWLER_CRAWL_ID) must not overwrite older files.
        while True:
            self._name = warc_file_name(self.crawl_id, self._serial)
            self._serial += 1
            part = self.directory / (self._name + PART_SUFFIX)
            if not part.exists() and not (self.directory / self._name).exists():
                break
        # Unbuffered: a failed write leaves no bytes in a Python buffer to be flushed later.
        self._file = open(part, "xb", buffering=0)  # noqa: SIM115 (held open across calls, closed in close())
        # Held until close: recovery skips locked files (see newscrawler.warc.recovery).
        fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._writer = WARCWriter(self._file, gzip=True, warc_version=WARC_VERSION)
        self._writer.write_record(self._writer.create_warcinfo_record(self._name, self.info))
        self._file.flush()

    def _close_current(self) -> None:
        assert self._file is not None
        self._file.flush()
        os.fsync(self._file.fileno())
        part = Path(self._file.name)
        self._file.close()
        self._file = None
        final = part.with_name(self._name)
        os.replace(part, final)
        self.closed_files.append(final)


class WarcWriteError(OSError):
    """Records could not be written (disk full…); the file was cut back to whole records."""

    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(code, message)
        self.disk_full = code == errno.ENOSPC


def gzip_member(record: Any) -> bytes:
    """The record serialized by warcio, as one gzip member of its own (what warcio's
    ``gzip=True`` writes, at :data:`GZIP_LEVEL`)."""
    buffer = io.BytesIO()
    WARCWriter(buffer, gzip=False, warc_version=WARC_VERSION).write_record(record)
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(buffer.getvalue()) + compressor.flush()


def warc_date(moment: datetime | None = None) -> str:
    """A WARC-Date with second precision, the same text as an archive record's ``fetched_at``.

    >>> warc_date(datetime(2026, 11, 26, 8, 30, tzinfo=UTC))
    '2026-11-26T08:30:00Z'
    """
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
