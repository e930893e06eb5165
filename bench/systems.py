"""The systems under comparison, behind one interface.

A `System` names an extractor and knows how to build it. Building imports the library,
so it happens in the child process that runs the system (see `bench.runner`): each
system's peak memory is then its own. Every extractor returns a record in newscrawler's
shape (`newscrawler.extraction.extract_article`'s dict), so scoring reads one format.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Record = dict[str, Any]
Extractor = Callable[[bytes, str], Record]

NEWSCRAWLER = "newscrawler"
TRAFILATURA = "trafilatura"
SYSTEM_NAMES = (NEWSCRAWLER, TRAFILATURA)


def empty_record() -> Record:
    """What a page scores as when a system raised on it or returned nothing."""
    return {
        "title": None, "body": "", "description": None, "image": None, "authors": [],
        "published_at": None, "modified_at": None, "language": None, "related": [],
        "canonical_url": None,
    }


def build_newscrawler(repo_root: Path) -> Extractor:
    """The system under test, imported from the repository being benchmarked (not from
    whatever `newscrawler` happens to be installed)."""
    sys.path.insert(0, str(repo_root))
    from newscrawler.extraction import extract_article

    def extract(html: bytes, url: str) -> Record:
        result: Record = extract_article(html, url)
        return result

    return extract


def _split_authors(joined: str | None) -> list[dict[str, str | None]]:
    # trafilatura returns all authors as one "; "-joined string
    names = [n.strip() for n in (joined or "").split(";")]
    return [{"name": n, "bio": None, "url": None} for n in names if n]


def build_trafilatura(repo_root: Path) -> Extractor:
    """trafilatura 2.3.1 with its default options plus metadata, given the original bytes
    (it detects the encoding itself). It finds no bios or related blocks."""
    del repo_root  # trafilatura is the installed package
    import trafilatura

    def extract(html: bytes, url: str) -> Record:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        record = empty_record()
        if doc is None:
            return record
        record.update(
            title=doc.title, body=doc.text or "", description=doc.description,
            image=doc.image, authors=_split_authors(doc.author), published_at=doc.date,
            language=doc.language, canonical_url=doc.url,
        )
        return record

    return extract


@dataclass(frozen=True)
class System:
    """A named extractor factory; `build(repo_root)` imports and returns the extractor."""

    name: str
    build: Callable[[Path], Extractor]


SYSTEMS = {
    NEWSCRAWLER: System(NEWSCRAWLER, build_newscrawler),
    TRAFILATURA: System(TRAFILATURA, build_trafilatura),
}
