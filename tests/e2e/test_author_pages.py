"""Bios from author pages, end to end: real crawls against a local site.

The articles name their authors and link their profiles but show no bio; Ann Lee's profile
shows hers, Bo Ma's profile is gone (404), Zoe Park's is behind a robots.txt Disallow.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.crawl import CrawlResult, run_crawl
from tests.support.server import LocalSite, serve_site

ANN_BIO = (
    "Ann Lee covers city hall and public transport for the Harbour Gazette. She joined the paper in 2019."
)
PARAGRAPHS = (
    "The city council voted on Tuesday to extend the night bus network to the eastern districts.",
    "The new lines will run every twenty minutes between midnight and five in the morning from March.",
    "Council members said the extension answers years of requests from shift workers and students.",
    "The transport authority expects about four thousand passengers a night once all lines are running.",
)


def article(title: str, author: str, profile: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": "2026-11-30T08:00:00+00:00",
        "author": [{"@type": "Person", "name": author, "url": profile}],
    }
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f'<html lang="en"><head><title>{title} | Harbour Gazette</title>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/city/">City</a></nav>'
        f'<article><h1>{title}</h1><p class="byline">By <a rel="author" href="{profile}">{author}</a></p>'
        f"{body}</article></body></html>"
    )


def profile(name: str, bio: str) -> str:
    return (
        f'<html lang="en"><head><title>{name} | Harbour Gazette</title></head><body>'
        f'<header><h1>{name}</h1><p class="intro">{bio}</p></header>'
        '<ul class="stories">'
        '<li><a href="/news/night-buses.html">Night buses reach the eastern districts</a></li>'
        '<li><a href="/news/tram-depot.html">The old tram depot will become a market hall</a></li></ul>'
        "</body></html>"
    )


ARTICLES = {
    "/news/night-buses.html": ("Night buses reach the eastern districts", "Ann Lee", "/authors/ann-lee/"),
    "/news/tram-depot.html": ("The old tram depot will become a market hall", "Ann Lee", "/authors/ann-lee/"),
    "/news/harbour-wall.html": ("Repairs to the harbour wall start in spring", "Bo Ma", "/authors/bo-ma/"),
    "/news/ferry-fares.html": ("Ferry fares rise by five per cent", "Zoe Park", "/private/zoe-park/"),
}
# Articles of later crawls: their authors' profiles were read by the first one.
LATER = {
    "/news/cycle-lanes.html": ("Two new cycle lanes open on the quays", "Ann Lee", "/authors/ann-lee/"),
    "/news/lighthouse.html": ("The lighthouse reopens to visitors", "Bo Ma", "/authors/bo-ma/"),
}
LATEST = {"/news/bridge-toll.html": ("The bridge toll is scrapped", "Ann Lee", "/authors/ann-lee/")}


def _site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for path, (title, author, link) in {**ARTICLES, **LATER, **LATEST}.items():
        site.add_html(path, article(title, author, link))
    site.add_html("/authors/ann-lee/", profile("Ann Lee", ANN_BIO))
    site.add_html("/private/zoe-park/", profile("Zoe Park", "Zoe Park writes about ferries and the sea."))
    return site


def crawl(site: LocalSite, tmp_path: Path, name: str, paths: list[str], **settings: str) -> CrawlResult:
    urls = tmp_path / f"{name}.txt"
    urls.write_text("\n".join(site.url(p) for p in paths) + "\n", encoding="utf-8")
    # One crawl state for every crawl of a test: the cache lives there.
    every = {"STATE_DIR": str(tmp_path / "state"), **settings}
    result = run_crawl("article", tmp_path / name, "-a", f"urls_file={urls}", settings=every)
    assert result.returncode == 0, result.log[-3000:]
    return result


def authors_by_title(result: CrawlResult) -> dict[str, dict[str, object]]:
    return {record["title"]: record["authors"][0] for record in result.records()}


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalSite, CrawlResult, Path]]:
    """The first crawl; the server keeps its port for the later crawls of the module."""
    tmp_path = tmp_path_factory.mktemp("author-pages")
    with serve_site(_site()) as site:
        yield site, crawl(site, tmp_path, "first", list(ARTICLES)), tmp_path


def test_a_bio_shown_only_on_the_profile_is_read_there_once(
    first_crawl: tuple[LocalSite, CrawlResult, Path],
) -> None:
    site, result, _ = first_crawl
    authors = authors_by_title(result)
    for title in ("Night buses reach the eastern districts", "The old tram depot will become a market hall"):
        assert authors[title]["bio"] == ANN_BIO
        assert authors[title]["bio_source"] == "author_page"
    assert site.requests.count("/authors/ann-lee/") == 1  # two articles, one fetch
    assert result.stat("newscrawler/author_pages/bios") == 1


def test_a_missing_profile_leaves_the_bio_null_and_the_record_written(
    first_crawl: tuple[LocalSite, CrawlResult, Path],
) -> None:
    _, result, _ = first_crawl
    bo = authors_by_title(result)["Repairs to the harbour wall start in spring"]
    assert (bo["bio"], bo["bio_source"]) == (None, None)
    assert result.stat("newscrawler/author_pages/failed/gone") == 1


def test_a_profile_disallowed_by_robots_txt_is_never_fetched(
    first_crawl: tuple[LocalSite, CrawlResult, Path],
) -> None:
    site, result, _ = first_crawl
    zoe = authors_by_title(result)["Ferry fares rise by five per cent"]
    assert (zoe["bio"], zoe["bio_source"]) == (None, None)
    assert "/private/zoe-park/" not in site.requests
    assert result.stat("newscrawler/author_pages/failed/refused") == 1


def test_later_crawls_use_the_cache_until_it_is_too_old(
    first_crawl: tuple[LocalSite, CrawlResult, Path],
) -> None:
    site, _, tmp_path = first_crawl
    cached = crawl(site, tmp_path, "cached", list(LATER))
    assert authors_by_title(cached)["Two new cycle lanes open on the quays"]["bio"] == ANN_BIO
    assert cached.stat("newscrawler/author_pages/from_cache") == 2  # Ann's bio and Bo's 404
    assert site.requests.count("/authors/ann-lee/") == 1
    assert site.requests.count("/authors/bo-ma/") == 1
    expired = crawl(site, tmp_path, "expired", list(LATEST), NEWSCRAWLER_AUTHOR_PAGE_MAX_AGE="0")
    assert authors_by_title(expired)["The bridge toll is scrapped"]["bio"] == ANN_BIO
    assert site.requests.count("/authors/ann-lee/") == 2


def test_author_pages_can_be_turned_off(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        result = crawl(site, tmp_path, "off", ["/news/night-buses.html"], NEWSCRAWLER_AUTHOR_PAGES="False")
    ann = authors_by_title(result)["Night buses reach the eastern districts"]
    assert (ann["bio"], ann["bio_source"]) == (None, None)
    assert "/authors/ann-lee/" not in site.requests
