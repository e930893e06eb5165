"""First step: a fetched page becomes an article record; its HTML goes no further."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.crawlinfo import crawl_id_of
from newscrawler.extraction import ArticleExtractor, ExtractionOptions, UnparsableDocument, parse_document
from newscrawler.extraction.dates import normalize_iso_date
from newscrawler.extraction.pagetype import looks_like_article_page
from newscrawler.items import ArticleRecord, FetchedPage, FetchValidators
from newscrawler.pipelines.drops import ExtractionFailed, ExtractionTimeout, ListingPage, NotHtml
from newscrawler.safety.deadline import DeadlineExceeded, deadline

logger = logging.getLogger(__name__)

DEFAULT_EXTRACTION_TIMEOUT = 10.0


class ExtractArticlePipeline:
    def __init__(self, crawl_id: str, timeout: float = DEFAULT_EXTRACTION_TIMEOUT) -> None:
        self.crawl_id = crawl_id
        self.timeout = timeout
        self.extractor = ArticleExtractor()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        timeout = crawler.settings.getfloat("NEWSCRAWLER_EXTRACTION_TIMEOUT", DEFAULT_EXTRACTION_TIMEOUT)
        return cls(crawl_id_of(crawler), timeout)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        try:
            # Pipelines run in the reactor's (main) thread, where the SIGALRM deadline works.
            with deadline(self.timeout):
                fields = extract_page(self.extractor, item)
        except DeadlineExceeded as error:
            raise ExtractionTimeout(f"{item.final_url}: extraction {error}") from None
        except UnparsableDocument as error:
            raise NotHtml(f"{item.final_url}: {error}") from error
        except Exception as error:
            # One bad page must not stop the crawl: log the bug, count it, go on.
            logger.exception("extraction failed on %s", item.final_url)
            raise ExtractionFailed(f"{item.final_url}: {type(error).__name__}: {error}") from error
        if fields is None:
            raise ListingPage(f"{item.final_url}: a listing or other non-article page")
        return record_from_fields(item, fields, self.crawl_id)


def extract_page(extractor: ArticleExtractor, page: FetchedPage) -> dict[str, Any] | None:
    """The extracted fields of ``page``, or None when its structure is not an article's.

    Discovery hints (a news sitemap's title and date) fill fields the page does not give.
    """
    doc = parse_document(page.text, page.final_url, page.headers.get("content-type"))
    if not looks_like_article_page(doc):
        return None
    selectors = page.meta.get("selectors") or {}
    options = ExtractionOptions(selectors={k: tuple(v) for k, v in selectors.items()}) if selectors else None
    fields = extractor.extract_document(doc, now=datetime.fromisoformat(page.fetched_at), options=options)
    hints = page.meta.get("hints") or {}
    if not fields.get("title") and hints.get("title"):
        fields["title"] = hints["title"]
    if not fields.get("published_at") and hints.get("published_at"):
        fields["published_at"] = normalize_iso_date(hints["published_at"])
    return fields


def record_from_fields(page: FetchedPage, fields: dict[str, Any], crawl_id: str) -> ArticleRecord:
    return ArticleRecord(
        url=page.final_url,
        canonical_url=fields["canonical_url"],
        site=page.site,
        title=fields["title"],
        body=fields["body"],
        description=fields["description"],
        image=fields["image"],
        authors=fields["authors"],
        published_at=fields["published_at"],
        modified_at=fields["modified_at"],
        language=fields["language"],
        related=fields["related"],
        fetched_at=page.fetched_at,
        status=page.status,
        content_hash="",
        revision=1,
        previous_hash=None,
        crawl_id=crawl_id,
        warc_file=page.warc_file,
        warc_record_id=page.warc_record_id,
        fetch=FetchValidators(
            requested_url=page.url,
            etag=page.headers.get("etag"),
            last_modified=page.headers.get("last-modified"),
        ),
    )
