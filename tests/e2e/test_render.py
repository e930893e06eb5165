"""Rendering end to end: real ``scrapy crawl`` subprocesses driving real headless Chromium."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from demo import scripted
from tests.support.browser import chromium_or_skip
from tests.support.crawl import ROOT, CrawlResult, read_archive, run_crawl
from tests.support.server import LocalSite, serve_site

WARCIO = str(Path(sys.executable).with_name("warcio"))
# Two plain demo articles.
ARTICLE_PATHS = ("/2026/11/travail-invisible-ia/", "/michael-burry-pari-nvidia-palantir/")


@pytest.fixture(scope="module")
def rendered_crawl(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """The script page and two plain articles, all rendered, the browser restarted after each."""
    chromium_or_skip()
    workdir = tmp_path_factory.mktemp("rendered")
    urls = workdir / "urls.txt"
    paths = (scripted.PATH, *ARTICLE_PATHS)
    urls.write_text("".join(demo_url.rstrip("/") + path + "\n" for path in paths), encoding="utf-8")
    settings = {"NEWSCRAWLER_RENDER_RESTART_AFTER": "1", "NEWSCRAWLER_EXTRACTION_WORKERS": "0"}
    return run_crawl(
        "article", workdir / "out", "-a", f"urls_file={urls}", "-a", "render=1", settings=settings
    )


def _warc_records(result: CrawlResult) -> list[Any]:
    found = []
    for path in sorted(result.archive_dir.rglob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                headers = record.rec_headers
                found.append(
                    (
                        record.rec_type,
                        headers.get_header("WARC-Target-URI"),
                        headers,
                        record.content_stream().read(),
                    )
                )
    return found


def test_render_1_archives_the_script_inserted_article_whole(
    rendered_crawl: CrawlResult, demo_url: str
) -> None:
    assert rendered_crawl.returncode == 0, rendered_crawl.log[-3000:]
    records = {record["url"]: record for record in rendered_crawl.records()}
    record = records[demo_url.rstrip("/") + scripted.PATH]
    assert record["title"] == scripted.TITLE
    assert record["body"].split("\n\n") == list(scripted.BODY)
    assert record["body_source"] == "rendered"
    assert len(records) == 3
    assert {r.get("body_source") for r in records.values()} == {"rendered"}


def test_the_warc_holds_the_raw_response_and_the_rendered_dom(
    rendered_crawl: CrawlResult, demo_url: str
) -> None:
    for path in rendered_crawl.archive_dir.rglob("*.warc.gz"):
        subprocess.run([WARCIO, "check", str(path)], check=True, capture_output=True)
    url = demo_url.rstrip("/") + scripted.PATH
    of_page = [
        (kind, headers, body) for kind, uri, headers, body in _warc_records(rendered_crawl) if uri == url
    ]
    assert [kind for kind, _, _ in of_page] == ["request", "response", "resource"]
    _, response, raw = of_page[1]
    _, resource, dom = of_page[2]
    assert scripted.BODY[0].encode() not in raw  # the server sent an empty container
    assert scripted.BODY[0].encode() in dom
    assert resource.get_header("Content-Type") == "text/html; charset=utf-8"
    assert resource.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
    record = next(r for r in rendered_crawl.records() if r["url"] == url)
    assert record["warc_record_id"] == resource.get_header("WARC-Record-ID")


def test_rendering_is_bounded_and_the_browser_restarts(rendered_crawl: CrawlResult) -> None:
    assert rendered_crawl.stat("newscrawler/render/rendered") == 3
    assert rendered_crawl.stat("newscrawler/render/browser_restarts") == 2
    assert rendered_crawl.stat("playwright/browser_count") == 3
    assert rendered_crawl.stat("playwright/page_count/max_concurrent") <= 2
    # Images are never fetched by the browser (the demo articles have a lead image).
    assert not rendered_crawl.stat("playwright/response_count/resource_type/image")


class _HangingSite(ThreadingHTTPServer):
    """A page whose script never arrives: the server holds the request until released."""

    daemon_threads = True
    page = (
        b'<html><head><title>Hangs</title><script src="/never.js"></script></head><body>Hangs</body></html>'
    )

    def __init__(self) -> None:
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                if self.path == "/never.js":
                    server.release.wait(60)
                    return
                body = server.page if self.path == "/hangs" else b"User-agent: *\nAllow: /\n"
                self.send_response(200)
                self.send_header("Content-Type", "text/html" if self.path == "/hangs" else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def hanging_site() -> Iterator[str]:
    server = _HangingSite()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


def test_a_page_that_never_loads_is_skipped_after_its_timeout(hanging_site: str, tmp_path: Path) -> None:
    chromium_or_skip()
    settings = {"NEWSCRAWLER_RENDER_TIMEOUT": "2", "NEWSCRAWLER_EXTRACTION_WORKERS": "0"}
    result = run_crawl(
        "article", tmp_path / "out", "-a", f"url={hanging_site}/hangs", "-a", "render=1", settings=settings
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.records() == []
    assert result.stat("newscrawler/skipped/render_timeout") == 1
    assert result.stat("newscrawler/render/timeouts") == 1
    assert "skipped (render_timeout)" in result.log
    assert result.stat("elapsed_time_seconds") < 30


def _auto_site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in ("/news/plain/", scripted.PATH))
    site.add_html(
        "/", f"<html><head><title>News</title></head><body><h1>News</h1><ul>{links}</ul></body></html>"
    )
    paragraphs = "".join(
        f"<p>Paragraph {n}: the council voted on the new tram line, and residents of the district "
        f"will see works begin in the spring, the mayor said at a meeting on day {n}.</p>"
        for n in range(4)
    )
    site.add_html(
        "/news/plain/",
        '<html lang="en"><head><title>Tram line approved</title><meta property="og:type" content="article">'
        f"</head><body><article><h1>Tram line approved</h1>{paragraphs}</article></body></html>",
    )
    return site


def test_render_auto_renders_only_the_page_whose_html_holds_no_article(tmp_path: Path) -> None:
    chromium_or_skip()
    site = _auto_site()
    with serve_site(site):
        base = site.url("")
        site.add_html(scripted.PATH, scripted.article_html(base))
        site.add_html(scripted.SCRIPT_PATH, scripted.article_script(), content_type="text/javascript")
        sites_file = tmp_path / "sites.yaml"
        sites_file.write_text(
            f"sites:\n  - name: local\n    start_url: {base}/\n    render: auto\n", encoding="utf-8"
        )
        settings = {"NEWSCRAWLER_EXTRACTION_WORKERS": "0", "NEWSCRAWLER_ALLOW_PRIVATE_TARGETS": "True"}
        result = run_crawl(
            "site", tmp_path / "out", "-a", "site=local", "-a", f"sites_file={sites_file}", settings=settings
        )
    assert result.returncode == 0, result.log[-3000:]
    records = {record["url"].removeprefix(base): record for record in result.records()}
    assert set(records) == {"/news/plain/", scripted.PATH}
    assert records["/news/plain/"]["body_source"] == "html"
    assert records[scripted.PATH]["body_source"] == "rendered"
    assert result.stat("newscrawler/render/auto_requested") == 1
    assert result.stat("newscrawler/render/rendered") == 1
    fetched = Counter(site.requests)
    # The script page twice (plainly, then by the browser, which also loads its script);
    # the listing and the plain article once, never rendered.
    assert fetched[scripted.PATH] == 2
    assert fetched[scripted.SCRIPT_PATH] == 1
    assert fetched["/"] == 1
    assert fetched["/news/plain/"] == 1


def test_rendering_without_chromium_fails_at_start_naming_the_package(tmp_path: Path) -> None:
    settings = {"NEWSCRAWLER_CHROMIUM": str(tmp_path / "no-chromium-here")}
    result = run_crawl(
        "article", tmp_path / "out", "-a", "url=http://127.0.0.1:9/a", "-a", "render=1", settings=settings
    )
    assert result.returncode != 0
    assert "ChromiumMissing" in result.log
    assert "install the Debian package 'chromium'" in result.log


def test_reextraction_of_a_rendered_crawl_reads_the_rendered_dom(
    rendered_crawl: CrawlResult, tmp_path: Path
) -> None:
    out = tmp_path / "again"
    warcs = sorted(str(p) for p in rendered_crawl.archive_dir.rglob("*.warc.gz"))
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "reextract", *warcs, "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]

    def comparable(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(({**r, "crawl_id": None} for r in records), key=lambda r: r["url"])

    again, original = comparable(read_archive(out)), comparable(rendered_crawl.records())
    assert [r["url"] for r in again] == [r["url"] for r in original]
    for new, old in zip(again, original, strict=True):
        assert {k: v for k, v in new.items() if old.get(k) != v} == {}, old["url"]
