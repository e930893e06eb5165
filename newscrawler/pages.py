"""From a Scrapy response to the :class:`FetchedPage` item the pipelines extract from."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from newscrawler.encoding import decode_page
from newscrawler.failures import failure_reason
from newscrawler.items import FetchedPage
from newscrawler.render.requests import is_rendered

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")

__all__ = ["NotAPage", "count_skip", "failure_reason", "fetched_page", "utc_now_iso"]


class NotAPage(Exception):
    """The response cannot hold an article; ``reason`` names why (used as a stats key)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fetched_page(response: Response, site: str | None = None) -> FetchedPage:
    """The page item for ``response``; raises :class:`NotAPage` for non-HTML or empty bodies."""
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    if content_type and not any(kind in content_type for kind in _HTML_TYPES):
        raise NotAPage("not_html", f"{response.url} is {content_type}")
    if not isinstance(response, TextResponse):
        raise NotAPage("not_html", f"{response.url} is not a text response")
    if not response.body.strip():
        raise NotAPage("empty", f"{response.url} has an empty body")
    # Not response.text: Scrapy's guess for undeclared legacy encodings is often a rare one.
    text = decode_page(response.body, content_type or None)
    if "\x00" in text[:4096]:
        raise NotAPage("binary", f"{response.url} holds binary data")
    request_url = response.request.url if response.request is not None else response.url
    original = response.meta.get("redirect_urls", [request_url])[0]
    return FetchedPage(
        url=original,
        final_url=response.url,
        status=response.status,
        headers=_headers(response),
        text=text,
        # The WARC writer's WARC-Date when it archived the response, so that re-extraction
        # from the WARC gives the same fetched_at.
        fetched_at=response.meta.get("newscrawler_fetched_at") or utc_now_iso(),
        site=site or urlsplit(response.url).hostname or "",
        warc_file=response.meta.get("newscrawler_warc_file"),
        warc_record_id=response.meta.get("newscrawler_warc_record_id"),
        rendered=is_rendered(response),
    )


def _headers(response: Response) -> dict[str, str]:
    headers = {}
    for name, values in response.headers.items():
        key = name.decode("latin-1").lower()
        headers[key] = ", ".join(v.decode("latin-1") for v in values)
    return headers


def count_skip(crawler: Crawler, reason: str, detail: str) -> None:
    """Log a page that yields no record and count it under ``newscrawler/skipped/<reason>``."""
    logger.info("skipped (%s): %s", reason, detail)
    assert crawler.stats is not None
    crawler.stats.inc_value(f"newscrawler/skipped/{reason}")
