"""Last step: append the record to its site's JSON Lines file (see archive.writer for why
not FEEDS)."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro

from newscrawler.archive.recovery import recover_part_files
from newscrawler.archive.writer import ArchiveWriteError, JsonLinesArchive
from newscrawler.crawlinfo import crawl_id_of
from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import ArchiveWriteFailed

logger = logging.getLogger(__name__)


class WriteArchivePipeline:
    def __init__(
        self, archive: JsonLinesArchive, stats: StatsCollector, crawler: Crawler | None = None
    ) -> None:
        self.archive = archive
        self.stats = stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        archive = JsonLinesArchive(
            Path(settings.get("ARCHIVE_DIR")),
            crawl_id_of(crawler),
            compress=settings.getbool("NEWSCRAWLER_ARCHIVE_GZIP"),
            fsync=settings.getbool("NEWSCRAWLER_ARCHIVE_FSYNC"),
        )
        assert crawler.stats is not None
        return cls(archive, crawler.stats, crawler)

    def open_spider(self) -> None:
        # A killed earlier crawl may have left .part files: finish them before writing anew.
        recovered = recover_part_files(self.archive.archive_dir)
        self.stats.set_value("newscrawler/recovered_part_files", len(recovered))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            try:
                self.archive.write(item.site, asdict(item))
            except ArchiveWriteError as error:
                self._stop_crawl(error)
                raise ArchiveWriteFailed(f"{item.url}: {error}") from error
            self.stats.inc_value("newscrawler/archived")
        return item

    def _stop_crawl(self, error: ArchiveWriteError) -> None:
        """Stop at the first write error: every later record would fail the same way."""
        if self.crawler is None or self.stats.get_value("newscrawler/archive_write_error"):
            return
        reason = "archive_disk_full" if error.disk_full else "archive_write_failed"
        self.stats.set_value("newscrawler/archive_write_error", str(error))
        logger.error("archive: %s; stopping the crawl (%s)", error, reason)
        assert self.crawler.engine is not None
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def close_spider(self) -> None:
        for path, lines in self.archive.close().items():
            logger.info("archive: %d records in %s", lines, path)
            self.stats.inc_value("newscrawler/archive_files")
