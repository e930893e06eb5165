"""Facts about the running crawl that several components share."""

from __future__ import annotations

from scrapy.crawler import Crawler

from newscrawler.archive.paths import new_crawl_id

_CRAWL_ID_STAT = "newscrawler/crawl_id"


def crawl_id_of(crawler: Crawler) -> str:
    """This crawl's id: ``NEWSCRAWLER_CRAWL_ID`` when set, else one made at first use.

    Kept in the stats so that every component sees the same id and the closing stats
    dump names it.
    """
    assert crawler.stats is not None
    value = crawler.stats.get_value(_CRAWL_ID_STAT)
    if value is None:
        value = crawler.settings.get("NEWSCRAWLER_CRAWL_ID") or new_crawl_id()
        crawler.stats.set_value(_CRAWL_ID_STAT, value)
    return str(value)
