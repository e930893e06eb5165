"""Third step: drop what is not an article, with a named reason; check the schema."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import BodyTooShort, MissingTitle, SchemaViolation
from newscrawler.schema import record_validator, schema_errors


class ValidateArticlePipeline:
    def __init__(self, min_body_chars: int) -> None:
        self.min_body_chars = min_body_chars
        self.validator = record_validator()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings.getint("NEWSCRAWLER_MIN_BODY_CHARS"))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleRecord):
            return item
        if not item.title:
            raise MissingTitle(f"{item.url}: no headline")
        if len(item.body) < self.min_body_chars:
            raise BodyTooShort(f"{item.url}: body has {len(item.body)} characters")
        errors = schema_errors(self.validator, item.to_archive())
        if errors:
            raise SchemaViolation(f"{item.url}: {'; '.join(errors)}")
        return item
