"""The page budget and the crawl order on a site whose articles are full of broken links.

Each article links 30 pages that do not exist (404), as a CMS whose relative links are read
wrong would. With a budget of 40 pages and 24 articles listed on three listing pages, the
old budget (spent when a link was found) ran out on the broken links before the last
listing pages were read; now a page spends the budget when fetched, a 404 gives it back,
listed articles come before links found on articles (but for a sample of 200 that goes
with them), and once most of those links prove broken the crawl stops following them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.discovery.frontier import BROKEN_LINKS_SAMPLE
from tests.support.crawl import run_crawl
from tests.support.server import LocalSite, serve_site

ARTICLES = 24
PER_LISTING = 8
BROKEN_PER_ARTICLE = 30
PARAGRAPHS = (
    "The district council met on Monday evening to discuss the next steps for the project.",
    "Residents had asked for the work to start before the winter, when the river runs high.",
    "The council expects the first results in the spring and will publish them on its website.",
    "Several local groups have offered to help, and the school has joined the volunteers.",
)


def _article(n: int) -> str:
    broken = "".join(
        f'<a href="/archive/{n}/missing-story-{k}.html">Old story {k}</a> ' for k in range(BROKEN_PER_ARTICLE)
    )
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f'<html lang="en"><head><title>Council story {n}</title>'
        '<meta property="og:type" content="article"></head><body>'
        f"<article><h1>Council story {n}</h1>{body}</article><aside>{broken}</aside></body></html>"
    )


def _site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    for page in range(ARTICLES // PER_LISTING):
        numbers = range(page * PER_LISTING, (page + 1) * PER_LISTING)
        links = "".join(
            f'<li><a href="/news/council-story-{n}.html">Council story {n}</a></li>' for n in numbers
        )
        following = page + 2 if (page + 1) * PER_LISTING < ARTICLES else None
        more = f'<a href="/section/news/page/{following}/">Next page</a>' if following else ""
        path = "/section/news/" if page == 0 else f"/section/news/page/{page + 1}/"
        site.add_html(path, f"<html><body><h1>News</h1><ul>{links}</ul>{more}</body></html>")
    site.add_html("/", '<html><body><h1>Gazette</h1><a href="/section/news/">News</a></body></html>')
    for n in range(ARTICLES):
        site.add_html(f"/news/council-story-{n}.html", _article(n))
    return site


def test_broken_links_on_articles_cannot_starve_the_listed_articles(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        result = run_crawl(
            "site", tmp_path / "out", "-a", f"url={site.url('/')}", "-a", "max_pages=40",
            settings={"CONCURRENT_REQUESTS": "1"},
        )  # fmt: skip
        requests = list(site.requests)
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["title"] for r in result.records()) == sorted(
        f"Council story {n}" for n in range(ARTICLES)
    )
    # Listed articles before links found on articles, but for the sample of those that
    # goes with them to judge the site's article links.
    articles = [i for i, path in enumerate(requests) if path.startswith("/news/")]
    broken = [i for i, path in enumerate(requests) if path.startswith("/archive/")]
    assert len([i for i in broken if i < max(articles)]) <= BROKEN_LINKS_SAMPLE
    # The broken links gave their budget back: more pages were asked for than the budget.
    fetched = [path for path in requests if path.startswith(("/news/", "/archive/", "/section/"))]
    assert len(fetched) > 40
    assert result.stat("newscrawler/pages_not_found") == len(broken)
    assert "pages answered 404/410" in result.log


def test_a_site_whose_article_links_are_broken_stops_following_them(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        result = run_crawl("site", tmp_path / "out", "-a", f"url={site.url('/')}")
        broken = [path for path in site.requests if path.startswith("/archive/")]
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.records()) == ARTICLES
    # 24 × 30 broken links exist; after a sample of 200 answered, the rest are dropped.
    assert 200 <= len(broken) < ARTICLES * BROKEN_PER_ARTICLE
    assert result.stat("newscrawler/links_rejected/broken_article_links") > 0
    assert "links found on articles were no longer followed" in result.log


def _chained_site(articles: int, per_page: int) -> LocalSite:
    """A listing of the first article only; every article links the next ``per_page``:
    all but the first are reachable only through links found on articles."""
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    site.add_html("/", '<html><body><a href="/section/news/">News</a></body></html>')
    site.add_html(
        "/section/news/",
        '<html><body><ul><li><a href="/news/story-0.html">Story 0</a></li></ul></body></html>',
    )
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    for n in range(articles):
        links = "".join(
            f'<a href="/news/story-{k}.html">Story {k}</a> '
            for k in range(n + 1, min(articles, n + 1 + per_page))
        )
        site.add_html(
            f"/news/story-{n}.html",
            f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>{body}</article>"
            f"<aside>{links}</aside></body></html>",
        )
    return site


@pytest.mark.parametrize(("articles", "per_page"), [(12, 3), (260, 40)], ids=["few-links", "many-links"])
def test_articles_reachable_only_from_articles_are_archived(
    articles: int, per_page: int, tmp_path: Path
) -> None:
    # Few links: the sample never fills, the links held back go out when the crawl idles.
    # Many: the sample of 200 proves them sound, and the rest follow.
    with serve_site(_chained_site(articles, per_page)) as site:
        result = run_crawl("site", tmp_path / "out", "-a", f"url={site.url('/')}", "-a", "max_depth=300")
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.records()) == articles
    assert not result.stat("newscrawler/links_rejected/broken_article_links")
