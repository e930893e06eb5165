"""``WarcWriterMiddleware``: every request and response of the crawl, raw, into WARC files.

Its priority (610, see settings) puts it above ``HttpCompressionMiddleware`` (590), so
``process_response`` sees the body still content-encoded as the server sent it, and above
``RedirectMiddleware`` (600), so redirect responses are archived too.

It leaves in ``response.meta`` (for ``newscrawler.pages.fetched_page``):
``newscrawler_warc_file`` (file name), ``newscrawler_warc_record_id`` and
``newscrawler_fetched_at`` (the WARC-Date, which becomes the record's ``fetched_at``).

A page rendered by Chromium (``meta["newscrawler_rendered"]``, see newscrawler.render) is
written as one ``resource`` record holding the rendered DOM, ``WARC-Concurrent-To`` the
plain ``response`` record of the same page; the record ids in meta are then the resource's.

Revisits (the contract for periodic crawls): the response is written as a ``revisit``
record instead of a ``response`` record when

- its status is 304 (profile *server-not-modified*), or
- ``meta["newscrawler_unchanged"]`` is true when the response reaches this middleware (set
  it on the request, or in a downloader middleware with a priority above 610), or
- ``meta["newscrawler_refers_to"]`` is ``{"uri", "date", "payload_digest", "record_id"}`` of
  the earlier capture and the body's payload digest equals ``payload_digest``.

``newscrawler_refers_to``, when given, fills ``WARC-Refers-To-Target-URI``/``-Date``/``-To``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from scrapy import Request, signals
from scrapy import __version__ as scrapy_version
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from newscrawler.archive.stop import stop_crawl_on_write_error
from newscrawler.crawlinfo import crawl_id_of
from newscrawler.render.requests import META_PLAIN_RECORD_ID, META_RENDERED
from newscrawler.warc import records
from newscrawler.warc.files import WARC_SUBDIR, WarcFileSet, WarcWriteError, warc_date, warc_dir
from newscrawler.warc.recovery import recover_warc_parts

logger = logging.getLogger(__name__)

META_FILE = "newscrawler_warc_file"
META_RECORD_ID = "newscrawler_warc_record_id"
META_FETCHED_AT = "newscrawler_fetched_at"
META_UNCHANGED = "newscrawler_unchanged"
META_REFERS_TO = "newscrawler_refers_to"


class WarcWriterMiddleware:
    def __init__(self, files: WarcFileSet, archive_dir: Path, crawler: Crawler | None = None) -> None:
        self.files = files
        self.archive_dir = archive_dir
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("NEWSCRAWLER_WARC_ENABLED"):
            raise NotConfigured("NEWSCRAWLER_WARC_ENABLED is off")
        archive_dir = Path(settings.get("ARCHIVE_DIR"))
        crawl_id = crawl_id_of(crawler)
        info = {
            "software": f"newscrawler (Scrapy {scrapy_version})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": crawl_id,
            "http-header-user-agent": str(settings.get("USER_AGENT")),
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        }
        files = WarcFileSet(
            warc_dir(archive_dir, datetime.now(UTC).strftime("%Y-%m-%d")),
            crawl_id,
            info=info,
            max_size=settings.getint("NEWSCRAWLER_WARC_MAX_SIZE"),
            fsync=settings.getbool("NEWSCRAWLER_ARCHIVE_FSYNC"),
        )
        middleware = cls(files, archive_dir, crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        # A killed earlier crawl may have left .part files: keep their full records.
        recover_warc_parts(self.archive_dir / WARC_SUBDIR)

    def spider_closed(self) -> None:
        for path in self.files.close():
            logger.info("warc: closed %s", path)

    def process_response(self, request: Request, response: Response) -> Response:
        date = warc_date()
        builder = self.files.builder
        meta = request.meta  # the response's meta; response.request is set only later
        if meta.get(META_RENDERED):
            # The browser's own requests are not Scrapy's: no request record.
            main = records.resource_record(builder, response, date, meta.get(META_PLAIN_RECORD_ID))
            written = [main]
        else:
            if _is_revisit(response, meta):
                main = records.revisit_record(builder, response, date, meta.get(META_REFERS_TO))
            else:
                main = records.response_record(builder, response, date, _ip_of(response))
            sent = records.request_record(builder, request, date)
            records.link_concurrent(sent, main)
            written = [sent, main]
        try:
            meta[META_FILE] = self.files.write(*written)
        except WarcWriteError as error:
            # The WARC is part of the archive: when it cannot be written, the crawl stops.
            if self.crawler is not None:
                stop_crawl_on_write_error(self.crawler, "warc", error, error.disk_full)
            raise

        meta[META_RECORD_ID] = records.record_id(main)
        meta[META_FETCHED_AT] = date
        return response


def _is_revisit(response: Response, meta: dict[str, Any]) -> bool:
    if response.status == 304 or meta.get(META_UNCHANGED):
        return True
    earlier = meta.get(META_REFERS_TO) or {}
    digest = earlier.get("payload_digest")
    return bool(digest) and digest == records.payload_digest(response.body)


def _ip_of(response: Response) -> str | None:
    ip: Any = response.ip_address
    return str(ip) if ip is not None else None
