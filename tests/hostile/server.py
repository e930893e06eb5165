"""A local server that misbehaves on purpose, one behaviour per path.

Every behaviour is a function writing straight to the socket, so a test can send what no
well-behaved server would: a body shorter than its Content-Length, one byte a second, a
TCP reset, 50 MB of HTML. The server also answers proxy-style requests
(``GET http://10.1.2.3/ HTTP/1.1``): tests point ``http_proxy`` at it, so that a request the
crawler should have refused but sent anyway lands here, recorded, instead of on a network.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Behaviour = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Hit:
    path: str
    at: float


@dataclass
class HostileSite:
    """Behaviours by path; ``hits`` records every request line's target, in order."""

    routes: dict[str, Behaviour] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    base_url: str = ""
    port: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def requested(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.hits if hit.path == path]

    def record(self, path: str) -> None:
        with self._lock:
            self.hits.append(Hit(path, time.monotonic()))


# --- behaviours -------------------------------------------------------------------------


def respond(
    body: bytes, status: int = 200, content_type: str | None = "text/html; charset=utf-8", **headers: str
) -> Behaviour:
    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        if content_type is not None:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return behave


def redirect(location: str, status: int = 302) -> Behaviour:
    return respond(b"", status=status, content_type=None, Location=location)


def sequence(*behaviours: Behaviour) -> Behaviour:
    """The n-th request gets the n-th behaviour (the last one repeats)."""
    calls = iter(range(1_000_000))

    def behave(handler: BaseHTTPRequestHandler) -> None:
        behaviours[min(next(calls), len(behaviours) - 1)](handler)

    return behave


def trickle(body: bytes, seconds_per_byte: float, stopping: threading.Event) -> Behaviour:
    """Headers at once, then the body one byte at a time, until the client gives up."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        for byte in body:
            if stopping.wait(seconds_per_byte):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()

    return behave


def reset_connection(handler: BaseHTTPRequestHandler) -> None:
    """A TCP RST instead of an answer (SO_LINGER 0, then close)."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    handler.connection.close()


def truncated(body: bytes, declared: int) -> Behaviour:
    """Declares ``declared`` bytes, sends ``body`` (fewer), closes."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()
        handler.close_connection = True

    return behave


def huge(size: int, declare_length: bool) -> Behaviour:
    """``size`` bytes of HTML, with or without Content-Length (then until close)."""
    chunk = b"<p>" + b"padding " * 8188 + b"</p>\n"

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        if declare_length:
            handler.send_header("Content-Length", str(size))
        else:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()
        sent = 0
        try:
            handler.wfile.write(b"<html><body><h1>Huge</h1>")
            while sent < size:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            return  # the crawler hung up at its size limit: expected

    return behave


def not_found(handler: BaseHTTPRequestHandler) -> None:
    respond(b"not found", status=404, content_type="text/plain")(handler)


# --- the server -------------------------------------------------------------------------


def _handler_for(site: HostileSite) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.record(self.path)
            behaviour = site.routes.get(self.path, not_found)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                behaviour(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return _Handler


@contextmanager
def serve_hostile(site: HostileSite) -> Iterator[HostileSite]:
    """Serve ``site`` on 127.0.0.1 and a port the OS picks; stop it (and its tricklers) after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    site.base_url = f"http://127.0.0.1:{site.port}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()
