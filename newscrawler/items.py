"""The two items that flow through the pipelines.

A spider yields a :class:`FetchedPage`; ``ExtractArticlePipeline`` turns it into an
:class:`ArticleRecord`, and the HTML goes no further. ``schema/record-v1.json`` is the
machine-readable form of :class:`ArticleRecord` that every archive line validates against.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1
# Minor versions add optional fields only: a reader of 1.0 lines reads 1.1 lines unchanged.
# 1.1: authors[].bio_source, schema_minor. 1.2: body_source.
SCHEMA_MINOR = 2
# Values of authors[].bio_source: where an author's bio was read.
BIO_FROM_ARTICLE = "article"
BIO_FROM_AUTHOR_PAGE = "author_page"
# Values of body_source: where the article body was read.
BODY_FROM_HTML = "html"
BODY_FROM_APP_STATE = "app_state"
BODY_FROM_RENDERED = "rendered"
BODY_SOURCES = (BODY_FROM_HTML, BODY_FROM_APP_STATE, BODY_FROM_RENDERED)


@dataclass
class FetchedPage:
    """One fetched HTML page, before extraction."""

    url: str
    """The URL that was requested (before redirects)."""
    final_url: str
    """The URL that answered, after redirects."""
    status: int
    """HTTP status of the final response."""
    headers: dict[str, str]
    """Response headers, names lower-cased, repeated headers joined by ", "."""
    text: str = field(repr=False)
    """The decoded HTML (left out of the repr: Scrapy logs a dropped item's repr)."""
    fetched_at: str
    """When the response arrived, ISO 8601 in UTC (``2026-11-26T08:30:00Z``)."""
    site: str = ""
    """The site name the spider archives this page under (defaults to the host)."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Spider hints for later stages (feed titles, sitemap dates); not archived."""
    warc_file: str | None = None
    """Name of the WARC file holding the raw response; None when WARC writing is off."""
    warc_record_id: str | None = None
    """``WARC-Record-ID`` of that response (or revisit) record, ``<urn:uuid:…>``; for a
    rendered page, of the ``resource`` record holding its rendered DOM."""
    rendered: bool = False
    """True when ``text`` is the DOM Chromium rendered, not the HTML the server sent."""


@dataclass
class ArticleRecord:
    """One archived article revision: one line of a JSON Lines archive (schema version 1)."""

    url: str
    """Final URL of the fetched page."""
    canonical_url: str | None
    """``<link rel=canonical>`` (or og:url), absolute; null when the page declares none."""
    site: str
    """Host name (without port) of the site the article belongs to."""
    title: str | None
    """Headline, without the site name."""
    body: str
    """Plain text; paragraphs separated by one blank line; no navigation, ads or teasers."""
    description: str | None
    """Standfirst or lead, when the page has one."""
    image: str | None
    """Absolute URL of the lead image."""
    authors: list[dict[str, str | None]]
    """``[{"name": str, "bio": str | null, "url": str | null, "bio_source": "article" |
    "author_page" | null}]`` in byline order; ``bio_source`` says where the bio was read."""
    published_at: str | None
    """ISO 8601: with time and offset when the page gives them, date only otherwise."""
    modified_at: str | None
    """ISO 8601 like ``published_at``; null when the page does not say."""
    language: str | None
    """ISO 639-1 code of the body text."""
    related: list[dict[str, Any]]
    """``[{"heading": str | null, "items": [{"title", "url", "summary": str | null}]}]``."""
    fetched_at: str
    """When the page was fetched, ISO 8601 UTC."""
    status: int
    """HTTP status of the archived response."""
    content_hash: str
    """sha256 hex of the normalized title and body: equal hashes mean the same article text."""
    revision: int
    """1 for the first record of an article; n+1 for each change seen by later crawls."""
    previous_hash: str | None
    """``content_hash`` of the revision this one replaces; null for revision 1."""
    crawl_id: str
    """Identifier of the crawl that wrote this record (also the archive file's name)."""
    warc_file: str | None = None
    """Name of the WARC file with the raw response (``<crawl_id>-00000.warc.gz``, in
    ``ARCHIVE_DIR/warc/<day>/``); null when the crawl wrote no WARC."""
    warc_record_id: str | None = None
    """``WARC-Record-ID`` of the response record in ``warc_file`` (``<urn:uuid:…>``; for a
    rendered page, of the ``resource`` record of its rendered DOM); null when ``warc_file`` is."""
    body_source: str = BODY_FROM_HTML
    """Where ``body`` was read: ``"html"`` (the page's markup), ``"app_state"`` (the JSON a
    JavaScript framework embeds in the page) or ``"rendered"`` (the page as a browser built
    it). Schema 1.2; lines written before it read as ``"html"``."""
    schema_version: int = SCHEMA_VERSION
    """Version of this record layout."""
    schema_minor: int = SCHEMA_MINOR
    """Minor version: fields added since ``schema_version``'s first layout (absent means 0)."""
    fetch: FetchValidators | None = field(default=None, metadata={"archived": False})
    """How the page was fetched, for the crawl state; not part of the archived line."""
    listed_in: str | None = field(default=None, metadata={"archived": False})
    """``"feed"`` or ``"news_sitemap"`` when the site lists the page as an article there (a
    shorter body is then kept); not part of the archived line."""

    def to_archive(self) -> dict[str, Any]:
        """The archived line's fields (schema version 1), in declaration order."""
        return {
            f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.metadata.get("archived", True)
        }


@dataclass(frozen=True)
class FetchValidators:
    """What the crawl state needs from the response behind a record."""

    requested_url: str
    """The URL as discovered (before redirects): the key of the page's state."""
    etag: str | None
    last_modified: str | None


def _plain(value: Any) -> Any:
    """A copy of nested lists and dicts, so the archived line never aliases the record."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
