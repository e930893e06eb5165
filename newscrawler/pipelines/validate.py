"""Third step: drop what is not an article, with a named reason; check the schema."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler

from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import BodyTooShort, MissingTitle, SchemaViolation
from newscrawler.schema import record_validator, schema_errors


class ValidateArticlePipeline:
    def __init__(self, min_body_chars: int, min_listed_body_chars: int | None = None) -> None:
        self.min_body_chars = min_body_chars
        # A page the site's feed or news sitemap lists as an article is one, however short
        # (a news flash, a video with its caption): only an empty shell is dropped.
        self.min_listed_body_chars = (
            min_body_chars if min_listed_body_chars is None else min_listed_body_chars
        )
        self.validator = record_validator()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        return cls(
            settings.getint("NEWSCRAWLER_MIN_BODY_CHARS"),
            settings.getint("NEWSCRAWLER_MIN_LISTED_BODY_CHARS"),
        )

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleRecord):
            return item
        if not item.title:
            raise MissingTitle(f"{item.url}: no headline")
        if len(item.body) < (self.min_listed_body_chars if item.listed_in else self.min_body_chars):
            raise BodyTooShort(f"{item.url}: body has {len(item.body)} characters")
        errors = schema_errors(self.validator, item.to_archive())
        if errors:
            raise SchemaViolation(f"{item.url}: {'; '.join(errors)}")
        return item
