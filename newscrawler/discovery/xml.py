"""Streaming XML reading that is safe on hostile input.

Feeds and sitemaps come from the web: entities are never expanded (billion laughs), no DTD
or external resource is loaded (XXE), and the input is read incrementally with a cap on
the decompressed size, so a one-million-URL sitemap is streamed, not held in memory twice.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import IO

from lxml import etree

logger = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"


class XmlTooLarge(ValueError):
    """The decompressed document is larger than allowed."""


class _CappedReader(io.RawIOBase):
    """Reads at most ``limit`` bytes from ``source``, then raises :class:`XmlTooLarge`."""

    def __init__(self, source: IO[bytes], limit: int) -> None:
        self._source = source
        self._left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._source.read(min(len(buffer), 1 << 16))
        self._left -= len(data)
        if self._left < 0:
            raise XmlTooLarge("decompressed document exceeds the size limit")
        buffer[: len(data)] = data
        return len(data)


def open_xml(body: bytes, max_bytes: int) -> IO[bytes]:
    """A capped reader over ``body``, gunzipped when it is gzip data."""
    source: IO[bytes] = io.BytesIO(body)
    if body[:2] == GZIP_MAGIC:
        source = gzip.GzipFile(fileobj=source)  # type: ignore[assignment]
    return io.BufferedReader(_CappedReader(source, max_bytes))


def xml_hazards(body: bytes) -> list[str]:
    """What a document tried that the parser ignores: entity declarations (billion laughs),
    external entities (XXE). Looked for in the first 64 KiB, where a DTD must be."""
    head = body[:65536]
    if head[:2] == GZIP_MAGIC:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 65536)
        except zlib.error:
            return []
    found = []
    if b"<!ENTITY" in head:
        found.append("entity_declarations")
    if re.search(rb"<!ENTITY[^>]*\s(?:SYSTEM|PUBLIC)\s", head):
        found.append("external_entity")
    return found


def iter_elements(
    body: bytes, tags: set[str], max_bytes: int, problems: list[str] | None = None
) -> Iterator[etree._Element]:
    """Elements whose local name is in ``tags``, in document order, cleared after use.

    Malformed XML ends the iteration where the damage starts, and a document over
    ``max_bytes`` where the limit is reached: what came before is kept, and ``problems``
    (when given) gets ``malformed`` or ``too_large`` appended.
    """
    problems = problems if problems is not None else []
    reader = open_xml(body, max_bytes)
    events = etree.iterparse(
        reader,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
    )
    try:
        for _, element in events:
            if isinstance(element.tag, str) and etree.QName(element).localname in tags:
                yield element
                element.clear(keep_tail=False)
    except XmlTooLarge:
        logger.warning("XML document cut off at the %d-byte decompressed size limit", max_bytes)
        problems.append("too_large")
        return
    except (etree.XMLSyntaxError, zlib.error, EOFError, OSError):
        problems.append("malformed")
        return
    # recover=True repairs what it can without raising; its error log says it had to.
    if len(events.error_log):
        problems.append("malformed")


def child_text(element: etree._Element, name: str) -> str | None:
    """Text of the first descendant with local name ``name`` (any namespace)."""
    for child in element.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = (child.text or "").strip()
            return text or None
    return None
