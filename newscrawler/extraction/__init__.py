"""The pure extraction core: ``(html, url) -> article fields``. Never imports Scrapy.

>>> fields = extract_article("<html lang=en><head><title>Rivers rise – Daily</title></head>"
...                          "<body><h1>Rivers rise</h1><p>Hello.</p></body></html>", "https://example.com/a")
>>> fields["title"], fields["language"]
('Rivers rise', 'en')

The public names are imported on first use (PEP 562): the crawl process imports light
submodules (``text``, ``document``) and, with extraction workers, never extracts, so
importing this package must not import the extractor, trafilatura and the language model.
"""

from __future__ import annotations

import functools
import importlib
from datetime import datetime
from typing import TYPE_CHECKING, Any

__all__ = [
    "ArticleExtractor",
    "Document",
    "ExtractionOptions",
    "UnparsableDocument",
    "extract_article",
    "parse_document",
]

# Each public name and the submodule that defines it.
_LAZY_NAMES = {
    "ArticleExtractor": "newscrawler.extraction.extractor",
    "Document": "newscrawler.extraction.document",
    "ExtractionOptions": "newscrawler.extraction.extractor",
    "UnparsableDocument": "newscrawler.extraction.document",
    "parse_document": "newscrawler.extraction.document",
}

if TYPE_CHECKING:
    from newscrawler.extraction.document import Document, UnparsableDocument, parse_document
    from newscrawler.extraction.extractor import ArticleExtractor, ExtractionOptions
else:
    # Hidden from type checkers, which read the imports above: a misspelt name stays an error.
    def __getattr__(name: str) -> Any:
        module = _LAZY_NAMES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        # Later look-ups find the name without calling this function again.
        globals()[name] = value
        return value


@functools.cache
def _default_extractor() -> ArticleExtractor:
    from newscrawler.extraction.extractor import ArticleExtractor

    # The language model takes ~0.5 s to load: one immutable instance per process.
    return ArticleExtractor()


def extract_article(
    html: str | bytes,
    url: str,
    *,
    content_type: str | None = None,
    now: datetime | None = None,
    options: ExtractionOptions | None = None,
) -> dict[str, Any]:
    """Extract the record fields of one article page.

    Returns a dict with ``url``, ``canonical_url``, ``title``, ``body``, ``body_source``
    (``"html"`` or ``"app_state"``), ``description``,
    ``image``, ``authors``, ``published_at``, ``modified_at``, ``language`` and ``related``.
    Raises :class:`UnparsableDocument` when ``html`` is not a parsable HTML page.
    """
    return _default_extractor().extract(html, url, content_type=content_type, now=now, options=options)
