"""Feeds, sitemaps, links and redirects on a hostile site, through ``scrapy crawl site``.

The site is served on 127.0.0.1 and is the one origin the user gives. It announces billion-
laughs and XXE feeds and sitemaps, a sitemap cut off mid-entry, a URL trap, and links and
redirects to a loopback service on another port (the bystander) and to private addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import pages
from tests.hostile.server import HostileSite, redirect, respond, serve_hostile
from tests.hostile.support import CaseReport, assert_crawl_healthy
from tests.support.crawl import CrawlResult, run_crawl

SECRET = "TOP-SECRET-7f3a9c"  # noqa: S105 (a marker, not a credential)
SETTINGS = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_TIMEOUT": "5"}
RSS = "application/rss+xml"


@pytest.fixture(scope="module")
def bystander() -> Iterator[HostileSite]:
    with serve_hostile(HostileSite()) as server:
        server.routes["/steal"] = respond(pages.article("Internal admin page").encode())
        yield server


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(bystander: HostileSite, secret_file: Path) -> Iterator[HostileSite]:
    with serve_hostile(HostileSite()) as site:
        probe = site.url("/xxe-probe")
        feeds = "".join(
            f'<link rel="alternate" type="{RSS}" href="/feeds/{name}.rss">' for name in ("laughs", "xxe")
        )
        links = "".join(
            f'<a href="{href}">link</a> '
            for href in (
                "/news/linked/",
                f"http://127.0.0.1:{bystander.port}/steal",
                "/go/private/",
                "/go/metadata/",
                "/go/bystander/",
                "/x/a/b/a/b/a/b/",
            )
        )
        site.routes.update(
            {
                "/robots.txt": respond(
                    b"User-agent: *\nAllow: /\nSitemap: /maps/laughs.xml\nSitemap: /maps/xxe.xml\n"
                    b"Sitemap: /maps/cut.xml\n",
                    content_type="text/plain",
                ),
                "/": respond(f"<html><head>{feeds}</head><body><h1>Home</h1>{links}</body></html>".encode()),
                "/news/linked/": respond(pages.article("Linked story").encode()),
                "/news/kept-before-damage/": respond(pages.article("Kept before the damage").encode()),
                "/go/private/": redirect("http://10.1.2.3/internal"),
                "/go/metadata/": redirect("http://169.254.169.254/latest/meta-data/iam/"),
                "/go/bystander/": redirect(f"http://localhost:{bystander.port}/steal"),
                "/maps/laughs.xml": respond(pages.billion_laughs("urlset"), content_type="application/xml"),
                "/maps/xxe.xml": respond(
                    pages.external_entity("urlset", str(secret_file), probe), content_type="application/xml"
                ),
                "/maps/cut.xml": respond(
                    pages.sitemap(["/news/kept-before-damage/", "/news/lost-after-damage/"], cut_at=-60),
                    content_type="application/xml",
                ),
                "/feeds/laughs.rss": respond(pages.billion_laughs("rss"), content_type=RSS),
                "/feeds/xxe.rss": respond(
                    pages.external_entity("rss", str(secret_file), probe), content_type=RSS
                ),
            }
        )
        yield site


@pytest.fixture(scope="module")
def crawl(site: HostileSite, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    out = tmp_path_factory.mktemp("discovery") / "out"
    proxy = {"http_proxy": site.base_url, "no_proxy": "127.0.0.1,localhost"}
    return run_crawl("site", out, "-a", f"url={site.base_url}", settings=SETTINGS, env=proxy)


def _titles(crawl: CrawlResult) -> set[str]:
    return {record["title"] for record in crawl.records()}


def test_billion_laughs_in_sitemap_and_feed(crawl: CrawlResult, report: CaseReport) -> None:
    assert_crawl_healthy(crawl)
    assert crawl.stat("newscrawler/xml/entity_declarations") == 4  # laughs + xxe, sitemap + feed
    assert "lollollol" not in crawl.log
    report("billion laughs (sitemap, feed)", "entities ignored", "newscrawler/xml/entity_declarations=4")


def test_external_entities_read_no_file_and_fetch_no_url(
    crawl: CrawlResult, site: HostileSite, report: CaseReport
) -> None:
    assert_crawl_healthy(crawl)
    assert crawl.stat("newscrawler/xml/external_entity") == 2
    assert SECRET not in crawl.log
    assert not [r for r in crawl.records() if SECRET in str(r)]
    assert not [hit for hit in site.hits if SECRET in hit.path or "xxe-probe" in hit.path]
    report("XXE file + URL (sitemap, feed)", "entities ignored", "newscrawler/xml/external_entity=2")


def test_malformed_sitemap_keeps_what_came_before(crawl: CrawlResult, report: CaseReport) -> None:
    assert_crawl_healthy(crawl)
    assert "Kept before the damage" in _titles(crawl)
    assert crawl.stat("newscrawler/xml/malformed") >= 1
    report("sitemap cut mid-entry", "entries before it archived", "newscrawler/xml/malformed=1")


def test_links_and_redirects_to_private_targets_are_refused(
    crawl: CrawlResult, site: HostileSite, bystander: HostileSite, report: CaseReport
) -> None:
    assert_crawl_healthy(crawl)
    assert "Linked story" in _titles(crawl)  # the given origin itself is crawled
    # Same host, other port: only the target guard can tell it from the given origin.
    assert crawl.stat("newscrawler/refused/loopback") == 1
    # Redirects to other hosts (10.1.2.3, 169.254.169.254, localhost) are dropped even
    # earlier by Scrapy's OffsiteMiddleware, as the site spider sets allowed_domains.
    assert crawl.stat("offsite/filtered") == 3
    assert bystander.hits == []
    assert [hit.path for hit in site.hits if not hit.path.startswith("/")] == []  # nothing via the proxy
    report("site link to 127.0.0.1:other port", "refused", "newscrawler/refused/loopback=1")
    report("site redirects to 10/8, metadata, localhost", "refused", "offsite/filtered=3")


def test_url_trap_is_not_followed(crawl: CrawlResult, site: HostileSite, report: CaseReport) -> None:
    assert_crawl_healthy(crawl)
    assert crawl.stat("newscrawler/links_rejected/trap/repeating_path") == 1
    assert not site.requested("/x/a/b/a/b/a/b/")
    report("URL trap (repeating path)", "not fetched", "newscrawler/links_rejected/trap/repeating_path=1")


def test_allow_private_targets_setting_lets_them_through(
    site: HostileSite, bystander: HostileSite, tmp_path: Path, report: CaseReport
) -> None:
    settings = {**SETTINGS, "NEWSCRAWLER_ALLOW_PRIVATE_TARGETS": "True", "DOWNLOAD_TIMEOUT": "2"}
    # 10.1.2.3 must still never be contacted: the proxy (the site itself) takes it.
    proxy = {"http_proxy": site.base_url, "no_proxy": "127.0.0.1,localhost"}
    before = len(bystander.hits)
    result = run_crawl("site", tmp_path / "out", "-a", f"url={site.base_url}", settings=settings, env=proxy)
    assert_crawl_healthy(result)
    assert "/steal" in [hit.path for hit in bystander.hits[before:]]
    assert result.stat("newscrawler/refused/loopback") is None
    assert "Internal admin page" in {r["title"] for r in result.records()}
    report("NEWSCRAWLER_ALLOW_PRIVATE_TARGETS=True", "127.0.0.1:other port fetched", "newscrawler/refused=0")


@pytest.fixture(scope="module")
def big_sitemap_site() -> Iterator[HostileSite]:
    with serve_hostile(HostileSite()) as site:
        site.routes["/robots.txt"] = respond(b"Sitemap: /big.xml.gz\n", content_type="text/plain")
        site.routes["/big.xml.gz"] = respond(pages.million_url_sitemap(), content_type="application/x-gzip")
        for n in range(2000):
            site.routes[f"/a/{n}/"] = respond(pages.article(f"Sitemap story {n}").encode())
        yield site


def test_million_url_sitemap_is_streamed_within_the_page_budget(
    big_sitemap_site: HostileSite, tmp_path: Path, report: CaseReport
) -> None:
    site = big_sitemap_site
    result = run_crawl(
        "site", tmp_path / "out", "-a", f"url={site.base_url}", "-a", "max_pages=50", settings=SETTINGS
    )
    assert_crawl_healthy(result)
    pages_fetched = [hit for hit in site.hits if hit.path.startswith("/a/")]
    assert 0 < len(pages_fetched) <= 50
    assert len(result.records()) == len(pages_fetched)
    assert result.stat("newscrawler/links_rejected/page_budget") >= 900
    rejected = result.stat("newscrawler/links_rejected/page_budget")
    report("sitemap of 1,000,000 URLs, max_pages=50", f"{len(pages_fetched)} pages fetched",
           f"newscrawler/links_rejected/page_budget={rejected}")  # fmt: skip
