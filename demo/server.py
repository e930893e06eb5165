"""Serve the demo site over HTTP, for tests (port 0) and for `make crawl`.

`serve()` returns a started server whose requests are handled in daemon threads, so a test
can bind port 0 and read the port back. `python -m demo.server [--port N]` prints the site's
URL as its first stdout line, then serves until SIGTERM or SIGINT. Access logs are silent.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType

from demo.site import Resource, build_site, resolve

# A Host header we are willing to echo into pages (host or IPv6 literal, optional port).
SAFE_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


class DemoServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that keeps one built site per Host it is reached under."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, DemoHandler)
        self._sites: dict[str, dict[str, Resource]] = {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """The root URL, e.g. "http://127.0.0.1:8123/"."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def site_for(self, base: str) -> dict[str, Resource]:
        """The site built for `base`, built on first use."""
        with self._lock:
            if base not in self._sites:
                self._sites[base] = build_site(base)
            return self._sites[base]

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: clients that hang up mid-response are normal for a crawler."""


class DemoHandler(BaseHTTPRequestHandler):
    """GET and HEAD on the prebuilt site; anything else gets the default 501."""

    server: DemoServer
    protocol_version = "HTTP/1.1"

    def _respond(self, send_body: bool) -> None:
        host = self.headers.get("Host", "")
        if not SAFE_HOST.fullmatch(host):
            host = self.server.url.split("/")[2]
        base = f"http://{host}"
        resource = resolve(self.server.site_for(base), self.path, base)
        self.send_response(resource.status)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        for name, value in resource.headers:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(resource.body)

    def do_GET(self) -> None:  # name fixed by http.server
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # name fixed by http.server
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # signature of the base class
        """No access log: tests and `make crawl` want a clean stderr."""


def serve(host: str = "127.0.0.1", port: int = 0) -> DemoServer:
    """Start the demo site in a daemon thread; call `.shutdown()` then `.server_close()` to stop."""
    server = DemoServer((host, port))
    threading.Thread(target=server.serve_forever, name="demo-site", daemon=True).start()
    return server


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def main(argv: list[str] | None = None) -> None:
    """Command line: print the URL, serve until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(description="Serve the bundled demo news site.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    args = parser.parse_args(argv)
    server = DemoServer((args.host, args.port))
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(server.url, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
