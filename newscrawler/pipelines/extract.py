"""First step: a fetched page becomes an article record; its HTML goes no further."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import TYPE_CHECKING, Any, Self

from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from newscrawler.authorpages import AuthorPages
from newscrawler.crawlinfo import crawl_id_of
from newscrawler.extraction import UnparsableDocument
from newscrawler.items import BODY_FROM_HTML, BODY_FROM_RENDERED, ArticleRecord, FetchedPage, FetchValidators
from newscrawler.pipelines.drops import ExtractionFailed, ExtractionTimeout, ListingPage, NotHtml
from newscrawler.safety.deadline import DeadlineExceeded, deadline
from newscrawler.state.crawlstate import state_of
from newscrawler.workers.pool import ExtractionPool, TaskFailed, TaskTimedOut, WorkerCrashed
from newscrawler.workers.task import ExtractionTask, Fields, run_task, task_of

if TYPE_CHECKING:
    from newscrawler.extraction import ArticleExtractor

logger = logging.getLogger(__name__)

DEFAULT_EXTRACTION_TIMEOUT = 10.0
_SECONDS_PER_DAY = 86400
_ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


class ExtractArticlePipeline:
    """Extracts in a pool of worker processes (``pool``), or in-process when it is None.

    The pool keeps the reactor thread free to download while pages are extracted, and uses
    every core. Pages waiting for a worker stay in Scrapy's scraper slot, whose size limit
    (``SCRAPER_SLOT_MAX_ACTIVE_SIZE``) makes the engine stop fetching: memory stays bounded.
    """

    def __init__(
        self,
        crawl_id: str,
        timeout: float = DEFAULT_EXTRACTION_TIMEOUT,
        pool: ExtractionPool | None = None,
        stats: StatsCollector | None = None,
    ) -> None:
        self.crawl_id = crawl_id
        self.timeout = timeout
        self.pool = pool
        self.stats = stats
        # Set by from_crawler when NEWSCRAWLER_AUTHOR_PAGES is on: it needs the engine.
        self.author_pages: AuthorPages | None = None
        # In-process only: each worker process builds its own, and with workers the crawl
        # process does not even import the extraction code (trafilatura, the language model).
        self.extractor: ArticleExtractor | None = None
        if pool is None:
            from newscrawler.extraction import ArticleExtractor

            self.extractor = ArticleExtractor()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        timeout = settings.getfloat("NEWSCRAWLER_EXTRACTION_TIMEOUT", DEFAULT_EXTRACTION_TIMEOUT)
        workers = extraction_workers(settings.get("NEWSCRAWLER_EXTRACTION_WORKERS"))
        if workers and settings.get("TWISTED_REACTOR") != _ASYNCIO_REACTOR:
            # The pool's futures are awaited on the asyncio loop.
            logger.warning("extraction runs in-process: worker processes need the asyncio reactor")
            workers = 0
        limit = settings.getint("NEWSCRAWLER_EXTRACTION_WORKER_MAX_MB", 0) * 1024 * 1024
        pool = ExtractionPool(workers, timeout, worker_memory_limit=limit) if workers else None
        pipeline = cls(crawl_id_of(crawler), timeout, pool, crawler.stats)
        # False unless the project's settings say otherwise (a bare crawler in a unit test
        # has no engine to fetch with).
        if settings.getbool("NEWSCRAWLER_AUTHOR_PAGES", False):
            pipeline.author_pages = AuthorPages(
                lambda: state_of(crawler),
                download=lambda request: _engine(crawler).download_async(request),
                extract=pipeline._extract,
                max_age_seconds=settings.getfloat("NEWSCRAWLER_AUTHOR_PAGE_MAX_AGE", 30) * _SECONDS_PER_DAY,
                stats=crawler.stats,
                fetch=settings.getbool("NEWSCRAWLER_AUTHOR_PAGES_FETCH", True),
            )
        return pipeline

    def open_spider(self) -> None:
        if self.pool is not None:
            self.pool.start()

    def close_spider(self) -> None:
        if self.pool is None:
            return
        self.pool.close()
        if self.stats is not None:
            self.stats.set_value("newscrawler/extraction/workers_replaced", self.pool.replaced)
            self.stats.set_value("newscrawler/extraction/workers_retired", self.pool.retired)
            self.stats.set_value("newscrawler/extraction/max_in_flight", self.pool.max_in_flight)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        try:
            fields = await self._extract(task_of(item))
        except (DeadlineExceeded, TaskTimedOut) as error:
            raise ExtractionTimeout(f"{item.final_url}: extraction {error}") from None
        except UnparsableDocument as error:
            raise NotHtml(f"{item.final_url}: {error}") from error
        except WorkerCrashed as error:
            raise ExtractionFailed(f"{item.final_url}: {error}") from error
        except TaskFailed as error:
            logger.error("extraction failed on %s\n%s", item.final_url, error.details)
            raise ExtractionFailed(f"{item.final_url}: {error}") from error
        except Exception as error:
            # One bad page must not stop the crawl: log the bug, count it, go on.
            logger.exception("extraction failed on %s", item.final_url)
            raise ExtractionFailed(f"{item.final_url}: {type(error).__name__}: {error}") from error
        if fields is None:
            raise ListingPage(f"{item.final_url}: a listing or other non-article page")
        if self.author_pages is not None:
            # The record waits for its authors' profiles (each read once per crawl); a
            # profile that fails leaves the bio null and never holds the record back.
            await self.author_pages.fill(fields["authors"], item.final_url)
        return record_from_fields(item, fields, self.crawl_id)

    async def _extract(self, task: ExtractionTask) -> Fields | None:
        if self.pool is not None:
            return await asyncio.wrap_future(self.pool.submit(task))
        assert self.extractor is not None
        # Pipelines run in the reactor's (main) thread, where the SIGALRM deadline works.
        with deadline(self.timeout):
            return run_task(self.extractor, task)


def _engine(crawler: Crawler) -> ExecutionEngine:
    assert crawler.engine is not None, "author pages are fetched while the crawl runs"
    return crawler.engine


def extraction_workers(value: Any) -> int:
    """``NEWSCRAWLER_EXTRACTION_WORKERS``: None means one per core; 0 means in-process."""
    if value is None or value == "":
        return os.cpu_count() or 1
    return max(0, int(value))


def record_from_fields(page: FetchedPage, fields: dict[str, Any], crawl_id: str) -> ArticleRecord:
    return ArticleRecord(
        url=page.final_url,
        canonical_url=fields["canonical_url"],
        site=page.site,
        title=fields["title"],
        body=fields["body"],
        # A rendered page's body is read from the DOM Chromium built, whatever path found it.
        body_source=BODY_FROM_RENDERED if page.rendered else fields.get("body_source", BODY_FROM_HTML),
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
        listed_in=(page.meta.get("hints") or {}).get("listed_in"),
    )
