"""Finishing ``.warc.gz.part`` files that a killed crawl left: keep every full record.

Each record is one gzip member, flushed as a whole, so a kill can only tear the last
member. Recovery cuts the file after the last member that decompresses to its end and
gives it its final name; ``warcio check`` then passes on it.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

from newscrawler.archive.paths import PART_SUFFIX
from newscrawler.archive.recovery import is_locked

logger = logging.getLogger(__name__)


def recover_warc_parts(directory: Path) -> list[Path]:
    """Finish every unlocked ``*.warc.gz.part`` below ``directory``; returns final paths."""
    finished = []
    for part in sorted(directory.rglob(f"*.warc.gz{PART_SUFFIX}")):
        if is_locked(part):
            continue  # a running crawl is still writing it
        keep = complete_members_length(part)
        size = part.stat().st_size
        if keep == 0:
            part.unlink()
            logger.warning("removed %s: no complete WARC record", part)
            continue
        os.truncate(part, keep)
        final = part.with_name(part.name.removesuffix(PART_SUFFIX))
        if final.exists():
            final = final.with_name(final.name.replace(".warc.gz", "-recovered.warc.gz"))
        os.replace(part, final)
        logger.warning("recovered %s: %d bytes of a torn record dropped", final, size - keep)
        finished.append(final)
    return finished


def complete_members_length(path: Path) -> int:
    """Byte length of the leading run of complete gzip members in ``path``."""
    complete = 0
    consumed = 0
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with open(path, "rb") as source:
        pending = b""
        while block := pending or source.read(1 << 16):
            pending = b""
            try:
                decompressor.decompress(block)
            except zlib.error:
                break
            if decompressor.eof:
                consumed += len(block) - len(decompressor.unused_data)
                complete = consumed
                pending = decompressor.unused_data
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                consumed += len(block)
    return complete
