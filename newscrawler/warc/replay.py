"""Archived responses back as Scrapy responses, and the spider that re-extracts them.

``scrapy reextract`` runs :class:`ReplaySpider` as an ordinary crawl with no downloads: its
``start()`` reads WARC files and yields the same :class:`FetchedPage` items the article
spider yields, so the configured ``ITEM_PIPELINES`` (extract → normalize → validate →
archive) run unchanged, drop reasons and the stats file included.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.http import Headers, HtmlResponse, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings
from warcio.archiveiterator import ArchiveIterator

from newscrawler.items import FetchedPage
from newscrawler.pages import NotAPage, count_skip, fetched_page
from newscrawler.render.requests import META_RENDERED
from newscrawler.warc.middleware import META_FETCHED_AT, META_FILE, META_RECORD_ID


def archived_responses(path: Path) -> Iterator[Response]:
    """The 2xx ``response`` records of a WARC file a spider would have seen, still encoded.

    Left out: other statuses (``HttpErrorMiddleware`` keeps them from spiders), redirects
    (followed, so their targets are in the file) and ``/robots.txt`` (fetched by Scrapy,
    never by a spider). Each response's meta holds what ``WarcWriterMiddleware`` leaves.
    A response rendered again by Chromium comes back as its rendered DOM (the ``resource``
    record whose WARC-Concurrent-To names it), as the crawl extracted it.
    """
    rendered = _rendered_doms(path)
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = int(record.http_headers.get_statuscode())
            url = str(record.rec_headers.get_header("WARC-Target-URI"))
            if not 200 <= status < 300 or urlsplit(url).path == "/robots.txt":
                continue
            headers = Headers()
            for name, value in record.http_headers.headers:
                headers.appendlist(name, value.encode("latin-1"))
            # raw_stream: the body as archived (content-encoded), for Scrapy's own decoder.
            body = record.raw_stream.read()
            meta = {
                META_FILE: path.name,
                META_RECORD_ID: record.rec_headers.get_header("WARC-Record-ID"),
                META_FETCHED_AT: record.rec_headers.get_header("WARC-Date"),
            }
            render = rendered.get(str(meta[META_RECORD_ID]))
            if render is not None:
                yield _rendered_response(url, status, headers, meta, *render)
                continue
            response_class = responsetypes.from_args(headers=headers, url=url)
            yield response_class(
                url=url,
                status=status,
                headers=headers,
                body=body,
                request=Request(url, meta=meta),
                protocol=record.http_headers.protocol or None,
            )


def _rendered_doms(path: Path) -> dict[str, tuple[str, str, str, bytes]]:
    """Rendered pages of a WARC file: the response's record ID → (the resource's record ID,
    its date, its content type, the DOM)."""
    doms: dict[str, tuple[str, str, str, bytes]] = {}
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            headers = record.rec_headers
            plain = headers.get_header("WARC-Concurrent-To")
            if record.rec_type == "resource" and plain:
                doms[str(plain)] = (
                    str(headers.get_header("WARC-Record-ID")),
                    str(headers.get_header("WARC-Date")),
                    str(headers.get_header("Content-Type") or "text/html"),
                    record.content_stream().read(),
                )
    return doms


def _rendered_response(
    url: str,
    status: int,
    headers: Headers,
    meta: dict[str, Any],
    record_id: str,
    date: str,
    content_type: str,
    dom: bytes,
) -> Response:
    """The rendered DOM as the response a render request got: the plain response's status,
    the DOM's own type (no content encoding: the DOM was stored as serialized)."""
    rendered_headers = Headers({"Content-Type": content_type})
    for name in (b"Last-Modified", b"ETag", b"Date"):
        if name in headers:
            rendered_headers[name] = headers[name]
    return HtmlResponse(
        url=url,
        status=status,
        headers=rendered_headers,
        body=dom,
        request=Request(
            url, meta={**meta, META_RECORD_ID: record_id, META_FETCHED_AT: date, META_RENDERED: True}
        ),
    )


class ReplaySpider(scrapy.Spider):
    """Yields a page item per archived response of ``warc_files``; fetches nothing.

    Not in ``SPIDER_MODULES``: it is run by ``scrapy reextract`` only.
    """

    name = "reextract"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        # Nothing is downloaded: author bios come from the crawl state's cache of profiles.
        settings.set("NEWSCRAWLER_AUTHOR_PAGES_FETCH", False, priority="spider")

    def __init__(self, warc_files: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.warc_files = [Path(p) for p in warc_files]

    async def start(self) -> AsyncIterator[FetchedPage]:
        # The crawl's own decoder, so a page decodes exactly as it did when it was fetched.
        decoder = HttpCompressionMiddleware.from_crawler(self.crawler)
        for path in self.warc_files:
            for archived in archived_responses(path):
                assert archived.request is not None
                response = decoder.process_response(archived.request, archived)
                assert isinstance(response, Response)
                try:
                    yield fetched_page(response)
                except NotAPage as skipped:
                    count_skip(self.crawler, skipped.reason, str(skipped))
