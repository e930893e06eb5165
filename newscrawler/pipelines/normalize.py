"""Second step: clean every text field and compute the content hash."""

from __future__ import annotations

from typing import Any

from newscrawler.items import ArticleRecord
from newscrawler.records import normalize_record


class NormalizeArticlePipeline:
    def process_item(self, item: Any) -> Any:
        return normalize_record(item) if isinstance(item, ArticleRecord) else item
