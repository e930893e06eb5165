"""The render request made from a plain response, and the meta keys that mark it.

An article page is always fetched plainly first, then (when its mode asks for it) fetched
again by Chromium. Fetching twice costs one more request per rendered page, and buys a
simple, sound archive: the plain fetch goes through Scrapy's downloader like every other
page, so the WARC ``response`` record holds the bytes the server sent (Playwright reports a
navigation's body only decoded, and its headers only as the browser saw them); the render
adds the DOM as a ``resource`` record beside it. ``render: auto`` needs the plain fetch
anyway, to learn that the HTML holds no article.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.http import Response

from newscrawler.render.mode import RenderMode

META_RENDER = "newscrawler_render"
"""On an article request: the :class:`RenderMode` value of its site or run (absent: off)."""
META_RENDERED = "newscrawler_rendered"
"""On a render request and its response: True."""
META_PLAIN_RECORD_ID = "newscrawler_plain_record_id"
"""On a render request: the WARC-Record-ID of the plain response it renders again."""

# What a render request keeps of the plain request's meta: the spider's own keys. Not the
# revisit keys (the page was just fetched, a conditional request would get a 304), nor
# Scrapy's per-download state.
_KEPT_META = ("site", "nc_depth", "crawl_delay", "hints", "redirect_urls")


def render_meta(mode: RenderMode) -> dict[str, Any]:
    """Meta for an article request of a site or run rendered in ``mode``."""
    return {} if mode is RenderMode.OFF else {META_RENDER: mode.value}


def wants_render_now(response: Response) -> bool:
    """True for a plain response of a page its mode renders always."""
    return response.meta.get(META_RENDER) == RenderMode.ALWAYS and not is_rendered(response)


def may_render_later(response: Response) -> bool:
    """True for a plain response of a page rendered when its HTML holds no article."""
    return response.meta.get(META_RENDER) == RenderMode.AUTO and not is_rendered(response)


def is_rendered(response: Response) -> bool:
    return bool(response.meta.get(META_RENDERED))


def render_request(response: Response) -> Request:
    """The same page again, through Chromium (scrapy-playwright's ``playwright`` meta key),
    with the plain request's callbacks and priority."""
    assert response.request is not None
    plain = response.request
    meta = {key: response.meta[key] for key in _KEPT_META if key in response.meta}
    meta.update(
        {
            "playwright": True,
            META_RENDER: response.meta.get(META_RENDER),
            META_RENDERED: True,
            META_PLAIN_RECORD_ID: response.meta.get("newscrawler_warc_record_id"),
        }
    )
    return Request(
        response.url,
        callback=plain.callback,
        errback=plain.errback,
        priority=plain.priority,
        meta=meta,
        dont_filter=True,
    )
