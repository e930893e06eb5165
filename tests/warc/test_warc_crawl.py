"""A real crawl writes WARC files that warcio accepts, and records that point into them;
re-extraction from those files gives the same records."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.pipelines.test_pipelines import ARTICLE
from tests.support.crawl import ROOT, CrawlResult, read_archive, run_crawl
from tests.support.server import LocalSite, Page, serve_site

WARCIO = str(Path(sys.executable).with_name("warcio"))


def _site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    site.add_html("/news/rivers", ARTICLE)
    site.add_html("/news/second", ARTICLE.replace("Rivers rise after storm", "Storm moves east"))
    zipped = ARTICLE.replace("Rivers rise after storm", "Dams hold firm").encode("utf-8")
    site.pages["/news/zipped"] = Page(
        gzip.compress(zipped), content_type="text/html; charset=utf-8", headers={"Content-Encoding": "gzip"}
    )
    site.pages["/old"] = Page(b"", status=301, headers={"Location": "/news/rivers?from=old"})
    site.add_html("/news/rivers?from=old", ARTICLE.replace("Rivers rise after storm", "Rivers again"))
    site.pages["/unchanged"] = Page(b"", status=304)
    site.add_html("/listing", "<html><body><h1>News</h1><p>Short.</p></body></html>")
    return site


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    workdir = tmp_path_factory.mktemp("warc-crawl")
    with serve_site(_site()) as site:
        urls = workdir / "urls.txt"
        paths = ["/news/rivers", "/news/second", "/news/zipped", "/old", "/unchanged", "/listing", "/gone"]
        urls.write_text("\n".join(site.url(p) for p in paths) + "\n")
        # A small rotation size, so that the crawl spans several WARC files.
        return run_crawl(
            "article",
            workdir / "out",
            "-a",
            f"urls_file={urls}",
            settings={"NEWSCRAWLER_WARC_MAX_SIZE": "3000"},
        )


def _warc_files(archive_dir: Path) -> list[Path]:
    return sorted((archive_dir / "warc").rglob("*.warc.gz"))


def _records_by_id(paths: list[Path]) -> dict[str, tuple[Path, Any, bytes]]:
    found = {}
    for path in paths:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                body = record.raw_stream.read()
                found[record.rec_headers.get_header("WARC-Record-ID")] = (path, record, body)
    return found


def test_crawl_writes_rotated_warc_files_that_warcio_accepts(crawl: CrawlResult) -> None:
    assert crawl.returncode == 0, crawl.log[-3000:]
    files = _warc_files(crawl.archive_dir)
    assert len(files) > 1, "the small NEWSCRAWLER_WARC_MAX_SIZE should rotate"
    assert not list(crawl.archive_dir.rglob("*.part"))
    for path in files:
        subprocess.run([WARCIO, "check", str(path)], check=True, capture_output=True)
        index = subprocess.run([WARCIO, "index", str(path)], check=True, capture_output=True, text=True)
        types = [json.loads(line)["warc-type"] for line in index.stdout.splitlines()]
        assert types[0] == "warcinfo"
        assert types.count("request") == types.count("response") + types.count("revisit")


def test_every_record_names_its_response_in_the_warc(crawl: CrawlResult) -> None:
    records = crawl.records()
    assert sorted(r["title"] for r in records) == [
        "Dams hold firm",
        "Rivers again",
        "Rivers rise after storm",
        "Storm moves east",
    ]
    files = _warc_files(crawl.archive_dir)
    by_id = _records_by_id(files)
    for record in records:
        path, warc, _ = by_id[record["warc_record_id"]]
        assert path.name == record["warc_file"]
        assert warc.rec_type == "response"
        assert warc.rec_headers.get_header("WARC-Target-URI") == record["url"]
        assert warc.rec_headers.get_header("WARC-Date") == record["fetched_at"]
        request_ids = [
            r.rec_headers.get_header("WARC-Record-ID")
            for _, r, _ in by_id.values()
            if r.rec_headers.get_header("WARC-Concurrent-To") == record["warc_record_id"]
        ]
        assert len(request_ids) == 1, "one request record refers to each response"


def test_warc_keeps_the_body_as_sent_and_archives_redirects_and_revisits(crawl: CrawlResult) -> None:
    by_uri: dict[str, list[tuple[str, Any, bytes]]] = {}
    for _, record, body in _records_by_id(_warc_files(crawl.archive_dir)).values():
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        by_uri.setdefault(uri.split("/", 3)[-1], []).append((record.rec_type, record, body))
    zipped = next(r for r in by_uri["news/zipped"] if r[0] == "response")
    assert zipped[1].http_headers.get_header("Content-Encoding") == "gzip"
    assert zipped[2].startswith(b"\x1f\x8b"), "the payload is stored still gzip-encoded"
    assert {kind for kind, _, _ in by_uri["old"]} == {"request", "response"}
    revisit = next(r for r in by_uri["unchanged"] if r[0] == "revisit")
    assert revisit[1].rec_headers.get_header("WARC-Profile").endswith("/server-not-modified")


def test_crawl_stats_file_lists_skip_and_drop_reasons(crawl: CrawlResult) -> None:
    (stats_file,) = crawl.archive_dir.rglob("*.stats.json")
    summary = json.loads(stats_file.read_text())
    assert summary["archived"] == 4
    assert summary["skipped"]["http_status/404"] == 1
    assert summary["skipped"]["http_status/304"] == 1
    assert summary["dropped"] == {"BodyTooShort": 1}


def test_reextraction_reproduces_the_records(crawl: CrawlResult, tmp_path: Path) -> None:
    out = tmp_path / "again"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "reextract",
            *map(str, _warc_files(crawl.archive_dir)),
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    original, again = crawl.records(), read_archive(out)
    assert len({r["crawl_id"] for r in again}) == 1
    assert {r["crawl_id"] for r in again}.isdisjoint({r["crawl_id"] for r in original})

    # crawl_id is the only field that differs: fetched_at is the WARC-Date of the response
    # in both, and warc_file/warc_record_id point at the same response record.
    def without_crawl_id(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(({**r, "crawl_id": None} for r in records), key=lambda r: r["url"])

    assert without_crawl_id(again) == without_crawl_id(original)
    assert not list(out.rglob("*.warc.gz")), "re-extraction writes no new WARC"


def test_warc_can_be_switched_off(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        result = run_crawl(
            "article",
            tmp_path / "out",
            "-a",
            f"url={site.url('/news/rivers')}",
            settings={"NEWSCRAWLER_WARC_ENABLED": "False"},
        )
    assert result.returncode == 0, result.log[-3000:]
    (record,) = result.records()
    assert record["warc_file"] is None
    assert record["warc_record_id"] is None
    assert not (tmp_path / "out" / "warc").exists()
