"""``scrapy crawl article`` end to end: a real crawl subprocess against a local server."""

from __future__ import annotations

from pathlib import Path

from tests.pipelines.test_pipelines import ARTICLE
from tests.support.crawl import archive_files, run_crawl
from tests.support.server import LocalSite, Page, serve_site


def _site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    site.add_html("/news/rivers", ARTICLE)
    site.add_html("/news/second", ARTICLE.replace("Rivers rise after storm", "Storm moves east"))
    site.add_html("/listing", "<html><body><h1>News</h1><a href='/news/rivers'>Rivers</a></body></html>")
    site.pages["/report.pdf"] = Page(b"%PDF-1.4 binary", content_type="application/pdf")
    site.pages["/empty"] = Page(b"", content_type="text/html")
    site.pages["/broken"] = Page(b"oops", status=500, content_type="text/html")
    return site


def test_archives_given_urls_and_skips_bad_ones_with_reasons(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        urls = tmp_path / "urls.txt"
        paths = ["/news/rivers", "/news/second", "/listing", "/report.pdf", "/empty", "/broken", "/missing"]
        urls.write_text("# test urls\n\n" + "\n".join(site.url(p) for p in paths) + "\n")
        result = run_crawl("article", tmp_path / "out", "-a", f"urls_file={urls}")
    assert result.returncode == 0, result.log[-3000:]
    records = result.records()
    assert sorted(r["title"] for r in records) == ["Rivers rise after storm", "Storm moves east"]
    assert {r["site"] for r in records} == {"127.0.0.1"}
    assert len({r["crawl_id"] for r in records}) == 1
    assert len(archive_files(tmp_path / "out")) == 1
    assert result.stat("newscrawler/skipped/not_html") == 1
    assert result.stat("newscrawler/skipped/empty") == 1
    assert result.stat("item_dropped_reasons_count/ListingPage") == 1
    assert result.stat("newscrawler/skipped/http_status/404") == 1
    assert result.stat("newscrawler/skipped/http_status/500") == 1
    # robots.txt is asked for before anything else.
    assert site.requests[0] == "/robots.txt"


def test_bad_start_url_is_a_clear_error(tmp_path: Path) -> None:
    result = run_crawl("article", tmp_path / "out", "-a", "url=notaurl")
    assert result.returncode != 0
    assert "not an absolute http(s) URL: 'notaurl'" in result.log
