"""The field functions put together: one parse, then every field from the same tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newscrawler.extraction.appstate import min_body_chars, read_app_state
from newscrawler.extraction.appstate_fields import StateArticle
from newscrawler.extraction.authors import extract_authors
from newscrawler.extraction.bios import attach_bios, find_author_boxes
from newscrawler.extraction.body import extract_body
from newscrawler.extraction.dates import extract_modified_at, extract_published_at
from newscrawler.extraction.document import Document, parse_document
from newscrawler.extraction.language import LanguageDetector, extract_language
from newscrawler.extraction.media import extract_canonical_url, extract_description, extract_image
from newscrawler.extraction.overrides import apply_overrides
from newscrawler.extraction.related import find_related_blocks
from newscrawler.extraction.stopwords import keep_justext_stopwords_compact
from newscrawler.extraction.title import declared_titles, extract_title
from newscrawler.items import BODY_FROM_APP_STATE, BODY_FROM_HTML


@dataclass(frozen=True)
class ExtractionOptions:
    """How to extract one site's pages.

    ``selectors`` maps a field name (``title``, ``body``, ``description``, ``image``,
    ``authors``, ``published_at``, ``modified_at``, ``language``) to CSS or XPath
    selectors (XPath when it starts with ``/`` or ``(``) that win over generic extraction.
    """

    selectors: dict[str, tuple[str, ...]] = field(default_factory=dict)


class ArticleExtractor:
    """Holds what is costly to build (the language model); ``extract`` is pure."""

    def __init__(self) -> None:
        self._language = LanguageDetector()
        # A third of a worker's memory otherwise, for the few pages that reach jusText.
        keep_justext_stopwords_compact()

    def extract(
        self,
        html: str | bytes,
        url: str,
        *,
        content_type: str | None = None,
        now: datetime | None = None,
        options: ExtractionOptions | None = None,
    ) -> dict[str, Any]:
        doc = parse_document(html, url, content_type)
        return self.extract_document(doc, now=now, options=options)

    def extract_document(
        self, doc: Document, *, now: datetime | None = None, options: ExtractionOptions | None = None
    ) -> dict[str, Any]:
        # Blocks that are fields of their own are found first and kept out of the body.
        names = extract_authors(doc)
        boxes = find_author_boxes(doc, names)
        related = find_related_blocks(doc)
        body = extract_body(doc, exclude=[b.element for b in boxes] + [r.element for r in related])
        authors = attach_bios(doc, names, boxes)
        title = extract_title(doc)
        fields: dict[str, Any] = {
            "url": doc.url,
            "canonical_url": extract_canonical_url(doc),
            "title": title,
            "body": _without_leading_title(body, title),
            "body_source": BODY_FROM_HTML,
            "description": extract_description(doc),
            "image": extract_image(doc),
            "authors": authors,
            "published_at": extract_published_at(doc, now),
            "modified_at": extract_modified_at(doc, now),
            "language": None,
            "related": [block.as_record() for block in related if block.teasers],
        }
        # A page built by a JavaScript framework may hold its article only in its app state.
        state = read_app_state(doc, [title, *declared_titles(doc)], min_body_chars(fields["body"]))
        if state is not None:
            _take_app_state(fields, state)
            body = state.body
        fields["language"] = extract_language(doc, body, self._language)
        if options and options.selectors:
            overridden = apply_overrides(doc, fields, options.selectors)
            if overridden["body"] != fields["body"]:
                overridden["body_source"] = BODY_FROM_HTML  # the site's own body selector won
            fields = overridden
        return fields


def _take_app_state(fields: dict[str, Any], state: StateArticle) -> None:
    """The app state's body, and its other fields where the HTML gave none."""
    fields["body"] = _without_leading_title(state.body, fields["title"] or state.title)
    fields["body_source"] = BODY_FROM_APP_STATE
    for name in ("title", "description"):
        fields[name] = fields[name] or getattr(state, name)
    for name in ("published_at", "modified_at"):
        found, stated = fields[name], getattr(state, name)
        # A day the HTML gave (often read off the page's text) yields to the state's time of it.
        if not found or (stated and len(found) == len("YYYY-MM-DD") and stated.startswith(found)):
            fields[name] = stated
    if not fields["authors"]:
        fields["authors"] = state.authors


def _without_leading_title(body: str, title: str | None) -> str:
    """The headline is its own field: drop it when the body extractor kept it as paragraph one."""
    if title:
        first, _, rest = body.partition("\n\n")
        if first.casefold() == title.casefold():
            return rest
    return body
