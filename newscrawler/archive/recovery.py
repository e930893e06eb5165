"""Closing ``.part`` files that a killed crawl left behind, without losing a whole line."""

from __future__ import annotations

import fcntl
import gzip
import json
import logging
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from newscrawler.archive.paths import PART_SUFFIX

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveredFile:
    path: Path
    lines: int
    dropped_bytes: int


def recover_part_files(archive_dir: Path) -> list[RecoveredFile]:
    """Finish every ``*.part`` file under ``archive_dir``: keep complete lines, rename.

    Only lines that end with a newline and parse as JSON are kept; a torn last line (the
    process died inside a write) is dropped and counted.
    """
    recovered = []
    # Only JSON Lines parts: WARC parts are finished by newscrawler.warc.recovery.
    for part in sorted(archive_dir.rglob(f"*.jsonl*{PART_SUFFIX}")):
        if is_locked(part):
            continue  # a running crawl is still writing it
        final = part.with_name(part.name.removesuffix(PART_SUFFIX))
        if final.exists():
            # Never overwrite a finished file: keep the leftover under a distinct name.
            final = final.with_name(f"{final.name.split('.')[0]}-recovered{''.join(final.suffixes)}")
        compressed = part.name.endswith(".gz" + PART_SUFFIX)
        data = _read_gzip_prefix(part) if compressed else part.read_bytes()
        good, dropped = _complete_lines(data)
        temporary = part.with_name(part.name + ".tmp")
        with open(temporary, "wb") as out:
            if compressed:
                with gzip.GzipFile(fileobj=out, mode="wb") as zipped:
                    zipped.write(good)
            else:
                out.write(good)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, final)
        part.unlink()
        lines = good.count(b"\n")
        logger.warning(
            "recovered %s: %d complete lines, %d bytes of a torn line dropped", final, lines, dropped
        )
        recovered.append(RecoveredFile(final, lines, dropped))
    return recovered


def _read_gzip_prefix(path: Path) -> bytes:
    """The decodable prefix of a gzip stream that was cut off (no trailer)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    chunks = []
    with open(path, "rb") as source:
        while block := source.read(1 << 16):
            try:
                chunks.append(decompressor.decompress(block))
            except zlib.error:
                break
            if decompressor.eof:
                # A member ended (a previous append session); start the next one.
                rest = decompressor.unused_data
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                if rest:
                    try:
                        chunks.append(decompressor.decompress(rest))
                    except zlib.error:
                        break
    return b"".join(chunks)


def _complete_lines(data: bytes) -> tuple[bytes, int]:
    kept = []
    dropped = 0
    for line in data.splitlines(keepends=True):
        if line.endswith(b"\n") and _is_json(line):
            kept.append(line)
        else:
            dropped += len(line)
    return b"".join(kept), dropped


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def is_locked(path: Path) -> bool:
    """Whether a live writer holds ``path`` (writers flock their ``.part`` files)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return True  # renamed by its writer meanwhile
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases the probe lock
    return False
