"""WARC records for one Scrapy exchange, built with warcio from what Scrapy holds.

Scrapy does not keep the bytes on the wire, so the HTTP blocks are rebuilt from the parsed
request and response: the status line from ``response.protocol`` and the status code, the
headers as received, and the body as it arrived (still content-encoded, because the
middleware sits above ``HttpCompressionMiddleware``). Scrapy's HTTP client has already
removed chunked transfer coding, so ``Transfer-Encoding`` is dropped and ``Content-Length``
states the length of the body actually stored: the block then parses and digests true.
"""

from __future__ import annotations

import base64
import hashlib
from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from warcio.statusandheaders import StatusAndHeaders

SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
_HOP_BY_HOP = {"transfer-encoding", "content-length"}


def payload_digest(body: bytes) -> str:
    """The ``WARC-Payload-Digest`` of a body, as warcio writes it (base32 sha1).

    >>> payload_digest(b"")
    'sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ'
    """
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")  # noqa: S324


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def http_request_headers(request: Request) -> StatusAndHeaders:
    parts = urlsplit(request.url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    pairs = _pairs(request.headers)
    # The HTTP client adds Host itself; the archived request says what went on the wire.
    if not any(name.lower() == "host" for name, _ in pairs):
        pairs.insert(0, ("Host", parts.netloc))
    if request.body:
        pairs.append(("Content-Length", str(len(request.body))))
    return StatusAndHeaders(f"{request.method} {target} HTTP/1.1", pairs, is_http_request=True)


def http_response_headers(response: Response) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = "Unknown"
    pairs = [(n, v) for n, v in _pairs(response.headers) if n.lower() not in _HOP_BY_HOP]
    pairs.append(("Content-Length", str(len(response.body))))
    protocol = response.protocol or "HTTP/1.1"
    return StatusAndHeaders(f"{response.status} {reason}", pairs, protocol=protocol)


def request_record(builder: Any, request: Request, date: str) -> Any:
    return builder.create_warc_record(
        request.url,
        "request",
        payload=BytesIO(request.body),
        length=len(request.body),
        http_headers=http_request_headers(request),
        warc_headers_dict={"WARC-Date": date},
    )


def response_record(builder: Any, response: Response, date: str, ip: str | None) -> Any:
    """A ``response`` record; warcio adds ``WARC-Block-Digest`` and ``WARC-Payload-Digest``."""
    warc_headers = {"WARC-Date": date}
    if ip:
        warc_headers["WARC-IP-Address"] = ip
    return builder.create_warc_record(
        response.url,
        "response",
        payload=BytesIO(response.body),
        length=len(response.body),
        http_headers=http_response_headers(response),
        warc_headers_dict=warc_headers,
    )


def resource_record(builder: Any, response: Response, date: str, concurrent_to: str | None) -> Any:
    """A ``resource`` record of a page as the browser rendered it (its DOM, serialized).

    ``concurrent_to`` is the ``WARC-Record-ID`` of the plain ``response`` record of the same
    page: the render is the second half of that capture (WARC-Concurrent-To may link records
    of any type; WARC-Refers-To is meant for revisits, conversions and metadata).
    """
    charset = getattr(response, "encoding", None) or "utf-8"
    warc_headers = {"WARC-Date": date}
    if concurrent_to:
        warc_headers["WARC-Concurrent-To"] = concurrent_to
    return builder.create_warc_record(
        response.url,
        "resource",
        payload=BytesIO(response.body),
        length=len(response.body),
        warc_content_type=f"text/html; charset={charset}",
        warc_headers_dict=warc_headers,
    )


def revisit_record(builder: Any, response: Response, date: str, refers_to: dict[str, str] | None) -> Any:
    """A ``revisit`` record: the HTTP headers only, pointing at the earlier capture.

    A 304 gets the *server-not-modified* profile; any other response the
    *identical-payload-digest* profile, with the digest of the body just received.
    ``refers_to`` (``uri``, ``date``, ``record_id``) names the earlier capture when known.
    """
    refers_to = refers_to or {}
    warc_headers = {"WARC-Date": date}
    if refers_to.get("record_id"):
        warc_headers["WARC-Refers-To"] = refers_to["record_id"]
    record = builder.create_revisit_record(
        response.url,
        refers_to.get("payload_digest") or payload_digest(response.body),
        refers_to.get("uri") or response.url,
        refers_to.get("date") or date,
        http_headers=http_response_headers(response),
        warc_headers_dict=warc_headers,
    )
    if response.status == 304:
        record.rec_headers.replace_header("WARC-Profile", SERVER_NOT_MODIFIED)
    return record


def record_id(record: Any) -> str:
    return str(record.rec_headers.get_header("WARC-Record-ID"))


def link_concurrent(request_rec: Any, response_rec: Any) -> None:
    """Mark the request as captured together with its response (WARC-Concurrent-To)."""
    request_rec.rec_headers.add_header("WARC-Concurrent-To", record_id(response_rec))
