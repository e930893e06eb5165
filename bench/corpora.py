"""Loaders for the development corpora under shared/corpora.

A loader returns `Page`s: where the page is on disk, the URL to pass to the extractor,
and the gold annotation as the corpus stores it. The HTML itself is read later, one page
at a time, by `read_html` in the process that extracts it, so that no system's peak
memory includes every page of the corpus.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AEB = "aeb"
TRAF = "traf"
FUNDUS = "fundus"
LABELS = "labels"
LABELS_ALL = "labels-all"
CORPUS_NAMES = (AEB, TRAF, FUNDUS, LABELS, LABELS_ALL)
# The project's own bio and related-block labels (bench/labels/README.md), beside the 20 of
# shared/corpora/labels: together they make the enlarged development set.
PROJECT_LABELS = Path(__file__).resolve().parent / "labels" / "bio-related-dev-more.json"

# evaldata.json keys some URLs with the sub-collection they came from ("hard::https://…")
_TRAF_KEY_PREFIXES = ("hard::", "recall::")


@dataclass(frozen=True)
class Page:
    """One page of a corpus.

    `path` is the gzip file; it holds the original bytes (original encoding), which
    both systems receive unchanged. `gold` is the corpus's annotation for the page:
    aeb -> the articleBody string; traf -> the evaldata.json item; fundus -> the
    ground-truth.json item; labels -> the bio-related-dev.json record.
    """

    corpus: str
    page_id: str
    url: str
    path: Path
    gold: Any

    @property
    def source_key(self) -> tuple[str, str]:
        """Same file and URL means same extraction: labels pages reuse aeb/traf results."""
        return (str(self.path), self.url)


def read_html(path: Path) -> bytes:
    """The page's original bytes, un-gzipped and not decoded."""
    with gzip.open(path, "rb") as f:
        return f.read()


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def load_aeb(root: Path) -> list[Page]:
    """aeb-dev: ground-truth.json {id: {url, articleBody}} and html/<id>.html.gz."""
    base = root / "aeb-dev"
    truth: dict[str, dict[str, str]] = _load_json(base / "ground-truth.json")
    return [
        Page(
            AEB,
            page_id,
            item["url"],
            base / "html" / f"{page_id}.html.gz",
            item.get("articleBody") or "",
        )
        for page_id, item in sorted(truth.items())
    ]


def traf_url(key: str) -> str:
    """The page URL of an evaldata.json key, without its "hard::"-style prefix.

    27 keys are file names, not URLs ("hard::blog.python.org.html"): no URL is known for
    those pages, so the extractor gets "" rather than a made-up address.
    """
    for prefix in _TRAF_KEY_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    return key if key.startswith(("http://", "https://")) else ""


def load_traf(root: Path) -> list[Page]:
    """traf-dev: evaldata.json {key: {file, with, without, title, author, date, …}} and
    pages/<file>.gz, in the file's order."""
    base = root / "traf-dev"
    evaldata: dict[str, dict[str, Any]] = _load_json(base / "evaldata.json")
    return [
        Page(TRAF, key, traf_url(key), base / "pages" / f"{item['file']}.gz", item)
        for key, item in evaldata.items()
    ]


def load_fundus(root: Path) -> list[Page]:
    """fundus-dev: ground-truth.json {id: {url, title, authors, published_at, body, …}}
    and html/<id>.html.gz (UTF-8 bytes, though a page may declare another charset)."""
    base = root / "fundus-dev"
    truth: dict[str, dict[str, Any]] = _load_json(base / "ground-truth.json")
    return [
        Page(FUNDUS, page_id, item["url"], base / "html" / f"{page_id}.html.gz", item)
        for page_id, item in sorted(truth.items())
    ]


def load_labels(root: Path) -> list[Page]:
    """labels/bio-related-dev.json: {id: {url, page, author_bio, related, …}}; `page` is
    relative to the corpora root."""
    records: dict[str, dict[str, Any]] = _load_json(root / "labels" / "bio-related-dev.json")
    return [
        Page(LABELS, page_id, record["url"], root / record["page"], record)
        for page_id, record in records.items()
    ]


_DECLARED_LANGUAGE = re.compile(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def declared_language(path: Path) -> str:
    """The page's ``<html lang>`` (two or three letters, lower-cased), "?" when absent."""
    match = _DECLARED_LANGUAGE.search(read_html(path)[:5000])
    return match.group(1).decode().lower() if match else "?"


def load_all_labels(root: Path) -> list[Page]:
    """The 20 shared labelled pages and the project's own, one corpus. The shared labels
    name no language: their pages' declared one stands in, for the per-language table."""
    records: dict[str, dict[str, Any]] = _load_json(PROJECT_LABELS) if PROJECT_LABELS.exists() else {}
    project = [
        Page(LABELS_ALL, page_id, record["url"], root / record["page"], record)
        for page_id, record in records.items()
    ]
    shared = [
        Page(
            LABELS_ALL,
            page.page_id,
            page.url,
            page.path,
            {"language": declared_language(page.path), **page.gold},
        )
        for page in load_labels(root)
    ]
    return shared + project


LOADERS = {
    AEB: load_aeb,
    TRAF: load_traf,
    FUNDUS: load_fundus,
    LABELS: load_labels,
    LABELS_ALL: load_all_labels,
}


def load(root: Path, names: tuple[str, ...], limit: int | None = None) -> dict[str, list[Page]]:
    """The named corpora, each cut to its first `limit` pages when a limit is given."""
    return {name: LOADERS[name](root)[:limit] for name in names}
