"""Last step: append the record to its site's JSON Lines file (see archive.writer for why
not FEEDS)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from newscrawler.archive.crawlstats import crawl_summary, write_crawl_summary
from newscrawler.archive.recovery import recover_part_files
from newscrawler.archive.stop import stop_crawl_on_write_error
from newscrawler.archive.writer import ArchiveWriteError, JsonLinesArchive
from newscrawler.crawlinfo import crawl_id_of
from newscrawler.items import ArticleRecord
from newscrawler.pipelines.drops import ArchiveWriteFailed
from newscrawler.records import article_key
from newscrawler.state.crawlstate import CrawlState, state_of
from newscrawler.state.sync import sync_state_from_archive

logger = logging.getLogger(__name__)


class WriteArchivePipeline:
    def __init__(
        self,
        archive: JsonLinesArchive,
        stats: StatsCollector,
        state: CrawlState,
        crawler: Crawler | None = None,
    ) -> None:
        self.archive = archive
        self.stats = stats
        self.state = state
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
        return cls(archive, crawler.stats, state_of(crawler), crawler)

    def open_spider(self) -> None:
        # A killed earlier crawl may have left .part files: finish them before writing anew,
        # and make sure the state knows every line they hold (the kill may have come between
        # a line's write and its state commit), so no article is archived twice.
        recovered = recover_part_files(self.archive.archive_dir)
        self.stats.set_value("newscrawler/recovered_part_files", len(recovered))
        for file in recovered:
            synced, duplicates = sync_state_from_archive(self.state, file.path)
            self.stats.inc_value("newscrawler/recovered_records_synced", synced)
            self.stats.inc_value("newscrawler/recovered_duplicates_removed", duplicates)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleRecord):
            # Order matters: the line reaches the file first, then the state says "archived".
            states = self.state.prepare_archived(item, article_key(item.url, item.canonical_url))
            try:
                self.archive.write(item.site, item.to_archive())
            except ArchiveWriteError as error:
                if self.crawler is not None:
                    stop_crawl_on_write_error(self.crawler, "archive", error, error.disk_full)
                raise ArchiveWriteFailed(f"{item.url}: {error}") from error
            self.state.store.save_archived(*states)
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
