"""The pure extraction core: ``(html, url) -> article fields``. Never imports Scrapy.

>>> fields = extract_article("<html lang=en><head><title>Rivers rise – Daily</title></head>"
...                          "<body><h1>Rivers rise</h1><p>Hello.</p></body></html>", "https://example.com/a")
>>> fields["title"], fields["language"]
('Rivers rise', 'en')
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from newscrawler.extraction.document import Document, UnparsableDocument, parse_document
from newscrawler.extraction.extractor import ArticleExtractor, ExtractionOptions

__all__ = [
    "ArticleExtractor",
    "Document",
    "ExtractionOptions",
    "UnparsableDocument",
    "extract_article",
    "parse_document",
]


@functools.cache
def _default_extractor() -> ArticleExtractor:
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

    Returns a dict with ``url``, ``canonical_url``, ``title``, ``body``, ``description``,
    ``image``, ``authors``, ``published_at``, ``modified_at``, ``language`` and ``related``.
    Raises :class:`UnparsableDocument` when ``html`` is not a parsable HTML page.
    """
    return _default_extractor().extract(html, url, content_type=content_type, now=now, options=options)
