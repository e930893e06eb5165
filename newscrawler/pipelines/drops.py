"""Why a page produced no record. Scrapy counts each as ``item_dropped_reasons_count/<Name>``.

Expected outcomes (a listing page is not an article) log at INFO, not as warnings.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem


class NotHtml(DropItem):
    """The page could not be parsed as HTML (empty, binary)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="INFO")


class ExtractionFailed(DropItem):
    """The extractor raised on this page: a bug to report, the crawl goes on."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="ERROR")


class NotAnArticle(DropItem):
    """The page has no article: no headline or too little body text."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="INFO")


class MissingTitle(NotAnArticle):
    """No headline could be found."""


class BodyTooShort(NotAnArticle):
    """The body is shorter than ``NEWSCRAWLER_MIN_BODY_CHARS``."""


class SchemaViolation(DropItem):
    """The record does not match ``schema/record-v1.json``: a bug, never archived."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="ERROR")


class ListingPage(NotAnArticle):
    """A home, section, tag or search page: teasers, not an article."""


class DuplicateArticle(DropItem):
    """The article was already archived by this crawl under another URL."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="INFO")


class Unchanged(DropItem):
    """The article is the same as its archived revision: nothing new to archive."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="DEBUG")


class ExtractionTimeout(DropItem):
    """Extraction ran past ``NEWSCRAWLER_EXTRACTION_TIMEOUT``: a pathological page, skipped."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="WARNING")


class ArchiveWriteFailed(DropItem):
    """The record could not be written (disk full…): not archived; the crawl stops."""

    def __init__(self, message: str) -> None:
        super().__init__(message, log_level="ERROR")
