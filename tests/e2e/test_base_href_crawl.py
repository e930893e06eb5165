"""``scrapy crawl site`` on a CMS that prints ``<base href="/">`` on every page.

The section page lives under ``/news/`` and links its articles and its feed relatively
("news/…", "feeds/…"): read against the page's URL they would all be 404s
(``/news/news/…``), read against the base they are the real pages.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.crawl import run_crawl
from tests.support.server import LocalSite, serve_site

ARTICLES = {
    "news/dam-inspection.html": "Engineers finish the inspection of the old dam",
    "news/school-garden.html": "A school garden feeds the canteen all summer",
}
PARAGRAPHS = (
    "The district council met on Monday evening to discuss the next steps for the project.",
    "Residents had asked for the work to start before the winter, when the river runs high.",
    "The council expects the first results in the spring and will publish them on its website.",
    "Several local groups have offered to help, and the school has joined the volunteers.",
)
FEED_ONLY = ("news/night-market.html", "The night market returns to the harbour square")


def _article(title: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f'<html lang="en"><head><base href="/"><title>{title}</title></head><body>'
        f'<nav><a href="news/">News</a></nav><article><h1>{title}</h1>'
        f'<p class="byline">By Ines Varga, <time datetime="2026-11-30">30 November 2026</time></p>{body}'
        "</article></body></html>"
    )


def _site() -> LocalSite:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    links = "".join(f'<li><a href="{path}">{title}</a></li>' for path, title in ARTICLES.items())
    section = (
        '<html><head><base href="/"><title>News</title>'
        '<link rel="alternate" type="application/rss+xml" href="feeds/news.xml"></head>'
        f"<body><h1>News</h1><ul>{links}</ul></body></html>"
    )
    site.add_html("/", section)
    site.add_html("/news/", section)
    for path, title in [*ARTICLES.items(), FEED_ONLY]:
        site.add_html(f"/{path}", _article(title))
    return site


def test_links_and_feeds_resolve_against_the_base_href(tmp_path: Path) -> None:
    with serve_site(_site()) as site:
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            f"<item><title>{FEED_ONLY[1]}</title><link>{site.url('/' + FEED_ONLY[0])}</link></item>"
            "</channel></rss>"
        )
        site.add_html("/feeds/news.xml", feed, content_type="application/rss+xml")
        result = run_crawl("site", tmp_path / "out", "-a", f"url={site.url('/news/')}")
    assert result.returncode == 0, result.log[-3000:]
    titles = sorted(record["title"] for record in result.records())
    assert titles == sorted([*ARTICLES.values(), FEED_ONLY[1]])
    assert not [
        path for path in site.requests if path.startswith("/news/news/") or path.startswith("/news/feeds/")
    ]


def test_sections_and_the_feeds_they_announce_come_before_articles(tmp_path: Path) -> None:
    site = LocalSite()
    site.add_html("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    home_articles = [f"/stories/council-story-number-{n}-of-the-week.html" for n in range(6)]
    links = "".join(f'<a href="{path}">Story {n}</a> ' for n, path in enumerate(home_articles))
    site.add_html(
        "/", f'<html><body><a href="/politik/">Politik</a> <a href="/sport/">Sport</a> {links}</body></html>'
    )
    for n, path in enumerate(home_articles):
        site.add_html(path, _article(f"Council story number {n} of the week"))
    for section in ("politik", "sport"):
        only_in_feed = f"/stories/{section}-story-only-in-the-feed.html"
        site.add_html(only_in_feed, _article(f"A {section} story found only in the section feed"))
        site.add_html(
            f"/{section}/",
            f'<html><head><link rel="alternate" type="application/rss+xml" href="/{section}/feed.xml"></head>'
            f"<body><h1>{section}</h1></body></html>",
        )
    with serve_site(site):
        for section in ("politik", "sport"):
            feed = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>x</title>'
                f"<link>{site.url(f'/stories/{section}-story-only-in-the-feed.html')}</link></item></channel></rss>"
            )
            site.add_html(f"/{section}/feed.xml", feed, content_type="application/rss+xml")
        result = run_crawl(
            "site", tmp_path / "out", "-a", f"url={site.url('/')}", settings={"CONCURRENT_REQUESTS": "1"}
        )
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.records()) == len(home_articles) + 2
    requested = site.requests
    first_article = min(requested.index(path) for path in home_articles)
    for early in ("/politik/", "/sport/", "/politik/feed.xml", "/sport/feed.xml"):
        assert requested.index(early) < first_article, requested
