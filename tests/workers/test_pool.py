"""The extraction pool: same fields as in-process, and a bad page costs one page, not the crawl."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawler.extraction import ArticleExtractor
from newscrawler.items import ArticleRecord, FetchedPage
from newscrawler.pipelines.drops import ExtractionFailed, ExtractionTimeout
from newscrawler.pipelines.extract import ExtractArticlePipeline
from newscrawler.workers.pool import ExtractionPool, TaskTimedOut, WorkerCrashed
from newscrawler.workers.task import ExtractionTask, run_task
from tests.support.extractors import BLOAT_BYTES, loaded_modules, misbehaving

SAVED = Path(__file__).parents[1] / "extraction" / "pages"
PAGES = sorted(SAVED.glob("*.html"))[:6]
ARTICLE = SAVED / "jsonld-article.html"


def _task(path: Path, url: str = "") -> ExtractionTask:
    return ExtractionTask(
        text=path.read_text(encoding="utf-8"),
        url=url or f"https://news.example/{path.stem}/",
        content_type="text/html; charset=utf-8",
        fetched_at="2026-11-26T10:00:00+00:00",
    )


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    pool = ExtractionPool(workers=2, timeout=1.0, function=misbehaving)
    pool.start()
    yield pool
    pool.close()


def test_pool_gives_the_same_fields_as_in_process(pool: ExtractionPool) -> None:
    extractor = ArticleExtractor()
    tasks = [_task(path) for path in PAGES]
    futures = [pool.submit(task) for task in tasks]
    assert [future.result() for future in futures] == [run_task(extractor, task) for task in tasks]


def test_a_crashing_worker_costs_its_page_only(pool: ExtractionPool) -> None:
    replaced = pool.replaced
    crash = pool.submit(_task(PAGES[0], "https://news.example/crash/"))
    after = [pool.submit(_task(path)) for path in PAGES[:3]]
    with pytest.raises(WorkerCrashed):
        crash.result()
    assert all(future.exception() is None for future in after)
    assert pool.replaced == replaced + 1


def test_a_hung_worker_is_killed_at_the_deadline_and_replaced(pool: ExtractionPool) -> None:
    replaced = pool.replaced
    hang = pool.submit(_task(PAGES[0], "https://news.example/hang/"))
    with pytest.raises(TaskTimedOut, match="killed"):
        hang.result()
    assert pool.replaced == replaced + 1
    assert pool.submit(_task(PAGES[1])).exception() is None


def test_slow_python_code_stops_at_the_deadline_inside_the_worker(pool: ExtractionPool) -> None:
    replaced = pool.replaced
    with pytest.raises(TaskTimedOut):
        pool.submit(_task(PAGES[0], "https://news.example/slow/")).result()
    assert pool.replaced == replaced


def test_a_worker_that_outgrew_its_memory_limit_is_retired_after_its_page() -> None:
    # Limit between a fresh worker (~100 MB) and one holding the "bloat" page's 300 MB.
    pool = ExtractionPool(workers=1, timeout=30.0, function=misbehaving, worker_memory_limit=BLOAT_BYTES)
    pool.start()
    try:
        tasks = [_task(PAGES[0], "https://news.example/bloat/"), _task(PAGES[1]), _task(PAGES[2])]
        fields = [pool.submit(task).result() for task in tasks]
        assert pool.retired == 1
        assert pool.replaced == 0
        # The page that grew the worker still got its answer; the fresh worker took the rest.
        extractor = ArticleExtractor()
        assert fields == [run_task(extractor, task) for task in tasks]
    finally:
        pool.close()


def test_workers_import_the_extractor_not_the_crawl_process() -> None:
    # The crawl's own main module (here pytest; the scrapy script or Scrapyd's runner in a
    # crawl) is not re-imported in the worker, nor is Scrapy or Twisted.
    pool = ExtractionPool(workers=1, timeout=30.0, function=loaded_modules)
    pool.start()
    try:
        fields = pool.submit(_task(PAGES[0])).result()
    finally:
        pool.close()
    assert fields is not None
    assert {"newscrawler", "trafilatura"} <= set(fields["modules"])
    assert not {"scrapy", "twisted", "pytest", "_pytest"} & set(fields["modules"])


def _page(path: Path, url: str) -> FetchedPage:
    return FetchedPage(
        url=url,
        final_url=url,
        status=200,
        headers={"content-type": "text/html; charset=utf-8"},
        text=path.read_text(encoding="utf-8"),
        fetched_at="2026-11-26T10:00:00Z",
        site="news.example",
    )


def test_the_pipeline_drops_crashed_and_hung_pages_with_a_reason_and_goes_on() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_EXTRACTION_TIMEOUT": 1.0})
    pipeline = ExtractArticlePipeline("crawl", 1.0, ExtractionPool(2, 1.0, misbehaving), crawler.stats)

    async def crawl() -> list[object]:
        pages = [_page(ARTICLE, f"https://news.example/{name}/") for name in ("crash", "hang", "ok", "ok2")]
        return await asyncio.gather(*(pipeline.process_item(page) for page in pages), return_exceptions=True)

    pipeline.open_spider()
    try:
        crashed, hung, *fine = asyncio.run(crawl())
    finally:
        pipeline.close_spider()
    assert isinstance(crashed, ExtractionFailed)
    assert isinstance(hung, ExtractionTimeout)
    assert all(isinstance(record, ArticleRecord) for record in fine)
    assert crawler.stats is not None
    assert crawler.stats.get_value("newscrawler/extraction/workers_replaced") == 2


def test_in_process_and_pool_pipelines_give_equal_records() -> None:
    in_process = ExtractArticlePipeline("crawl", 5.0)
    pooled = ExtractArticlePipeline("crawl", 5.0, ExtractionPool(1, 5.0))
    pages = [_page(path, f"https://news.example/{path.stem}/") for path in PAGES]

    async def run(pipeline: ExtractArticlePipeline) -> list[object]:
        return await asyncio.gather(*(pipeline.process_item(p) for p in pages), return_exceptions=True)

    pooled.open_spider()
    try:
        assert repr(asyncio.run(run(pooled))) == repr(asyncio.run(run(in_process)))
    finally:
        pooled.close_spider()
