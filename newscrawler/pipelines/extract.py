"""First step: a fetched page becomes an article record; its HTML goes no further."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.crawlinfo import crawl_id_of
from newscrawler.extraction import ArticleExtractor, UnparsableDocument
from newscrawler.items import ArticleRecord, FetchedPage
from newscrawler.pipelines.drops import ExtractionFailed, NotHtml

logger = logging.getLogger(__name__)


class ExtractArticlePipeline:
    def __init__(self, crawl_id: str) -> None:
        self.crawl_id = crawl_id
        self.extractor = ArticleExtractor()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawl_id_of(crawler))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        try:
            fields = self.extractor.extract(
                item.text,
                item.final_url,
                content_type=item.headers.get("content-type"),
                now=datetime.fromisoformat(item.fetched_at),
            )
        except UnparsableDocument as error:
            raise NotHtml(f"{item.final_url}: {error}") from error
        except Exception as error:
            logger.exception("extraction failed on %s", item.final_url)
            raise ExtractionFailed(f"{item.final_url}: {type(error).__name__}: {error}") from error
        return record_from_fields(item, fields, self.crawl_id)


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
        crawl_id=crawl_id,
        warc_file=page.warc_file,
        warc_record_id=page.warc_record_id,
    )
