"""Why a fetch failed, as a short stats key: ``too_large``, ``fetch_failed/timeout``…

Scrapy counts raw exception types (``downloader/exception_type_count/…``); these keys name
the condition a reader of the closing stats cares about, one per hostile case.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error
from twisted.python.failure import Failure
from twisted.web.client import ResponseFailed

from newscrawler.render.errors import RenderTimeout


class RefusedFetch(IgnoreRequest):
    """A request the crawler refused on purpose; ``reason`` is its stats key."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


_NETWORK_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, error.TimeoutError, defer.TimeoutError), "fetch_failed/timeout"),
    ((ResponseDataLossError,), "fetch_failed/data_loss"),
    ((DownloadConnectionRefusedError, error.ConnectionRefusedError), "fetch_failed/connection_refused"),
    ((CannotResolveHostError, error.DNSLookupError), "fetch_failed/dns"),
    (
        (error.ConnectionLost, error.ConnectionDone, ResponseFailed, ConnectionResetError),
        "fetch_failed/connection_lost",
    ),
)


def failure_reason(failure: Failure) -> str:
    """A stats key for a failed fetch: ``http_status/404``, ``too_large``, ``refused/private``…"""
    value = failure.value
    if isinstance(value, HttpError):
        return f"http_status/{value.response.status}"
    if isinstance(value, RefusedFetch):
        return value.reason
    if isinstance(value, RenderTimeout):
        return "render_timeout"
    if isinstance(value, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(value):
        # HttpCompressionMiddleware's decompression-bomb guard; it names the setting.
        return "too_large/decompressed"
    if isinstance(value, IgnoreRequest) and "max redirections" in str(value):
        return "too_many_redirects"
    if isinstance(value, DownloadCancelledError | defer.CancelledError):
        # The HTTP handler cancels a download past DOWNLOAD_MAXSIZE (declared or received).
        return "too_large"
    for kinds, reason in _NETWORK_REASONS:
        if isinstance(value, kinds):
            return reason
    if isinstance(value, DownloadFailedError):
        # Scrapy wraps Twisted's ResponseFailed; its text names the underlying failures.
        lost = any(name in str(value) for name in ("ConnectionLost", "ConnectionDone", "ConnectionReset"))
        return "fetch_failed/connection_lost" if lost else "fetch_failed/download_failed"
    kind = failure.type.__name__ if failure.type else "error"
    return f"fetch_failed/{kind}"
