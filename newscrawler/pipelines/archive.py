"""Last step: append the record to its site's JSON Lines file (see archive.writer for why
not FEEDS)."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from newscrawler.archive.crawlstats import crawl_summary, write_crawl_summary
from newscrawler.archive.recovery import recover_part_files
from newscrawler.archive.writer import JsonLinesArchive
from newscrawler.crawlinfo import crawl_id_of
from newscrawler.items import ArticleRecord

logger = logging.getLogger(__name__)


class WriteArchivePipeline:
    def __init__(self, archive: JsonLinesArchive, stats: StatsCollector) -> None:
        self.archive = archive
        self.stats = stats

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
        return cls(archive, crawler.stats)

    def open_spider(self) -> None:
        # A killed earlier crawl may have left .part files: finish them before writing anew.
        recovered = recover_part_files(self.archive.archive_dir)
        self.stats.set_value("newscrawler/recovered_part_files", len(recovered))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            self.archive.write(item.site, asdict(item))
            self.stats.inc_value("newscrawler/archived")
        return item

    def close_spider(self) -> None:
        folders = set()
        for path, lines in self.archive.close().items():
            logger.info("archive: %d records in %s", lines, path)
            self.stats.inc_value("newscrawler/archive_files")
            folders.add(path.parent)
        # Pipelines close after the last item: the skip and drop counts are final here.
        summary = crawl_summary(self.archive.crawl_id, self.stats.get_stats())
        for folder in sorted(folders):
            write_crawl_summary(folder, summary)
