"""The demo site serves what `demo.expected` promises, over real HTTP."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html  # type: ignore[import-untyped, unused-ignore]
import pytest

from demo.content import ARTICLES, check_content
from demo.expected import article_urls, expected_records, non_article_urls
from demo.model import APP_STATE_MARKUPS, MARKUPS

SEED_TEXT = Path(__file__).with_name("seed-article-page.txt")


def fetch(url: str, host: str | None = None) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, without raising on 4xx."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def parse(body: bytes) -> Any:
    return lxml.html.document_fromstring(body.decode("utf-8"))


def texts(tree: Any, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_content_invariants() -> None:
    check_content()
    assert len(ARTICLES) >= 10
    assert Counter(a.lang for a in ARTICLES) == {"fr": 6, "en": 7}
    for article in ARTICLES:
        words = sum(len(p.split()) for p in article.body)
        assert 3 <= len(article.body) <= 6, article.slug
        assert 110 <= words <= 340, article.slug


def test_three_markups_each_used_several_times_and_one_app_page() -> None:
    counts = Counter(a.markup for a in ARTICLES)
    assert set(counts) == {*MARKUPS, *APP_STATE_MARKUPS}
    assert min(counts[markup] for markup in MARKUPS) >= 3
    assert [counts[markup] for markup in APP_STATE_MARKUPS] == [1]


def test_expected_records_cover_the_awkward_cases(demo_url: str) -> None:
    records = list(expected_records(demo_url).values())
    authors = [author for r in records for author in r["authors"]]
    summaries = [i["summary"] for r in records for b in r["related"] for i in b["items"]]
    assert any(len(r["authors"]) >= 2 for r in records)
    assert any(not r["authors"] for r in records)
    assert any(a["bio"] is None for a in authors)
    assert any(a["bio_source"] == "author_page" for a in authors)
    assert any(a["url"] is None for a in authors)
    assert None in summaries
    assert any(s is not None for s in summaries)


def test_seed_article_is_reproduced_word_for_word(demo_url: str) -> None:
    blocks = [b.strip() for b in SEED_TEXT.read_text(encoding="utf-8").split("\n\n")]
    record = expected_records(demo_url)[demo_url + "2026/11/travail-invisible-ia/"]
    assert record["title"] == blocks[1]
    assert record["body"] == blocks[2:6]
    author_line, bio, heading, *_ = blocks[6].split("\n")
    assert author_line == "Auteur: " + record["authors"][0]["name"]
    assert record["authors"][0]["bio"] == bio
    latest, recent_posts = record["related"]  # the seed's block, then the theme's sidebar
    assert recent_posts["heading"] == "Recent Posts"
    assert latest["heading"] == heading == "Latest News"
    teasers = [blocks[6].split("\n")[3], *blocks[7:]]
    assert [(i["title"], i["summary"]) for i in latest["items"]] == list(
        zip(teasers[0::2], teasers[1::2], strict=True)
    )
    page = parse(fetch(record["url"])[2])
    assert texts(page, "//div[@class='author-box']/h4") == [author_line]
    assert page.xpath("//img[contains(@class, 'wp-post-image')]/@alt") == ["Post Thumbnail"]


HTML_PAGES = [index for index, article in enumerate(ARTICLES) if article.markup in MARKUPS]
APP_PAGES = [index for index, article in enumerate(ARTICLES) if article.markup in APP_STATE_MARKUPS]


@pytest.mark.parametrize("index", HTML_PAGES)
def test_article_page_shows_its_record(demo_url: str, index: int) -> None:
    url = article_urls(demo_url)[index]
    record = expected_records(demo_url)[url]
    status, content_type, body = fetch(url)
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    page = parse(body)
    assert page.get("lang").startswith(record["language"])
    assert page.findtext(".//title").startswith(record["title"] + " – ")
    assert texts(page, "//h1") == [record["title"]]
    assert page.xpath("//link[@rel='canonical']/@href") == [url]
    assert page.xpath("//meta[@property='og:image']/@content") == [record["image"]]
    assert page.xpath("//meta[@property='og:description']/@content") == [record["description"]]
    assert page.xpath("//meta[@property='article:published_time']/@content") == [record["published_at"]]
    assert page.xpath("//meta[@property='article:modified_time']/@content") == [record["modified_at"]]
    paragraphs = texts(page, "//p")
    for text in record["body"]:
        assert text in paragraphs
    for author in record["authors"]:
        assert author["name"] in " ".join(paragraphs + texts(page, "//h4"))
        if author["bio_source"] == "article":
            assert author["bio"] in paragraphs
        elif author["bio_source"] == "author_page":  # on the author's page, not the article's
            assert author["bio"] not in body.decode("utf-8")
            assert author["bio"] in texts(parse(fetch(author["url"])[2]), "//p")
    links = {(" ".join(a.text_content().split()), urljoin(url, a.get("href"))) for a in page.iter("a")}
    for block in record["related"]:
        assert block["heading"] in body.decode("utf-8")
        for item in block["items"]:
            # A Ghost card is one link around image, title and excerpt.
            assert any(item["title"] in text and item["url"] == href for text, href in links)
            assert item["summary"] is None or item["summary"] in texts(page, "//p|//div")


@pytest.mark.parametrize("index", APP_PAGES)
def test_app_page_holds_its_record_in_its_state_only(demo_url: str, index: int) -> None:
    url = article_urls(demo_url)[index]
    record = expected_records(demo_url)[url]
    status, content_type, body = fetch(url)
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    page = parse(body)
    assert page.findtext(".//title").startswith(record["title"] + " – ")
    assert page.xpath("//link[@rel='canonical']/@href") == [url]
    assert page.xpath("//meta[@property='og:image']/@content") == [record["image"]]
    assert page.xpath("//meta[@property='article:published_time']/@content") == [record["published_at"]]
    # Nothing of the article in the markup: no headline, no paragraph, no byline.
    (script,) = page.xpath("//script[@id='__NEXT_DATA__']")
    script.getparent().remove(script)
    shown = " ".join(page.xpath("//body")[0].text_content().split())
    assert record["title"] not in shown
    for text in record["body"]:
        assert text[:40] not in shown
    assert all(author["name"] not in shown for author in record["authors"])
    # All of it in the state, each paragraph split into runs as editors store them.
    post = json.loads(script.text)["props"]["pageProps"]["post"]
    assert post["title"] == record["title"]
    assert ["".join(run["text"] for run in block["children"]) for block in post["content"]] == record["body"]
    assert any(len(block["children"]) > 1 for block in post["content"])
    assert [a["name"] for a in post["authors"]] == [a["name"] for a in record["authors"]]
    assert record["body_source"] == "app_state"


def test_cms_json_ld_agrees_with_the_record(demo_url: str) -> None:
    records = expected_records(demo_url)
    cms = [a for a in ARTICLES if a.markup == "cms"]
    for article in cms:
        record = records[demo_url.rstrip("/") + article.path]
        page = parse(fetch(record["url"])[2])
        scripts = page.xpath("//script[@type='application/ld+json']/text()")
        (data,) = [d for d in map(json.loads, scripts) if d["@type"] == "NewsArticle"]
        assert data["headline"] == record["title"]
        assert data["datePublished"] == record["published_at"]
        assert data["dateModified"] == record["modified_at"]
        assert data["image"] == [record["image"]]
        people = [
            {"name": p["name"], "bio": p.get("description"), "url": p.get("url")}
            for p in data.get("author", [])
        ]
        shown = [{**a, "bio": a["bio"] if a["bio_source"] == "article" else None} for a in record["authors"]]
        assert people == [{key: a[key] for key in ("name", "bio", "url")} for a in shown]


def test_non_article_pages_are_served(demo_url: str) -> None:
    urls = non_article_urls(demo_url)
    assert demo_url in urls
    assert demo_url + "section/tech/page/2/" in urls
    for url in urls:
        assert fetch(url)[:2] == (200, "text/html; charset=utf-8"), url


def test_home_page_links_every_article(demo_url: str) -> None:
    page = parse(fetch(demo_url)[2])
    hrefs = {urljoin(demo_url, href) for href in page.xpath("//a/@href")}
    assert set(article_urls(demo_url)) <= hrefs


def test_sitemap_feed_and_robots_list_all_articles(demo_url: str) -> None:
    everything = set(article_urls(demo_url))
    status, content_type, body = fetch(demo_url + "sitemap.xml")
    assert (status, content_type) == (200, "application/xml; charset=utf-8")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert {loc.text for loc in ET.fromstring(body).findall("s:url/s:loc", ns)} == everything
    status, content_type, body = fetch(demo_url + "feed.xml")
    assert (status, content_type) == (200, "application/rss+xml; charset=utf-8")
    assert {link.text for link in ET.fromstring(body).findall("channel/item/link")} == everything
    status, _, body = fetch(demo_url + "robots.txt")
    assert status == 200
    assert f"Sitemap: {demo_url}sitemap.xml" in body.decode().splitlines()


def test_media_is_a_jpeg(demo_url: str) -> None:
    status, content_type, body = fetch(expected_records(demo_url)[article_urls(demo_url)[0]]["image"])
    assert (status, content_type) == (200, "image/jpeg")
    assert body.startswith(b"\xff\xd8")
    assert body.endswith(b"\xff\xd9")


def test_unknown_path_is_404_and_missing_slash_redirects(demo_url: str) -> None:
    status, content_type, _ = fetch(demo_url + "no/such/page/")
    assert (status, content_type) == (404, "text/html; charset=utf-8")
    assert fetch(demo_url + "media/missing.jpg")[0] == 404
    parts = urlsplit(demo_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    connection.request("GET", "/about")
    response = connection.getresponse()
    assert (response.status, response.getheader("Location")) == (
        301,
        demo_url + "about/",
    )
    connection.close()


def test_absolute_links_follow_the_host_header(demo_url: str) -> None:
    body = fetch(article_urls(demo_url)[0], host="news.example:8080")[2]
    canonical = parse(body).xpath("//link[@rel='canonical']/@href")
    assert canonical == [article_urls("http://news.example:8080/")[0]]


def test_command_line_prints_url_and_stops_on_sigterm() -> None:
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "demo.server", "--port", "0"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert url.endswith("/")
        assert fetch(url)[0] == 200
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=5)
    finally:
        process.kill()
    assert process.returncode == 0
    assert stderr == ""
