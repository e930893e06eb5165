"""The pipeline steps on hand-built items, without a crawl."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawler.items import (
    BODY_FROM_APP_STATE,
    BODY_FROM_HTML,
    BODY_FROM_RENDERED,
    BODY_SOURCES,
    ArticleRecord,
    FetchedPage,
)
from newscrawler.pipelines.archive import WriteArchivePipeline
from newscrawler.pipelines.drops import BodyTooShort, ListingPage, NotHtml
from newscrawler.pipelines.extract import ExtractArticlePipeline
from newscrawler.pipelines.normalize import NormalizeArticlePipeline
from newscrawler.pipelines.validate import ValidateArticlePipeline
from newscrawler.schema import load_schema, record_validator, schema_errors

ARTICLE = """<html lang="en"><head><title>Rivers rise after storm | Daily Example</title>
<meta property="article:published_time" content="2026-11-20T09:15:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/world/">World</a></nav>
<article><h1>Rivers rise after storm</h1>
<p class="byline">By <a rel="author" href="/staff/ana">Ana Ruiz</a></p>
<p>Rivers across the valley rose by two metres overnight after the heaviest rainfall recorded in
thirty years, forcing the evacuation of several villages along the banks.</p>
<p>Emergency services said the water level would keep rising until Thursday, when the storm is
expected to move east. Schools in the district stayed closed and trains were cancelled.</p>
<p>Farmers reported flooded fields and lost livestock, while the regional government announced a
relief fund for households whose homes were damaged by the flood.</p></article>
<footer>© 2026 Daily Example</footer></body></html>"""


def _page(html: str, url: str = "https://news.example/2026/rivers") -> FetchedPage:
    return FetchedPage(
        url=url,
        final_url=url,
        status=200,
        headers={"content-type": "text/html; charset=utf-8"},
        text=html,
        fetched_at="2026-11-26T10:00:00Z",
        site="news.example",
    )


def _run_steps(page: FetchedPage) -> ArticleRecord:
    crawler = get_crawler(
        settings_dict={"NEWSCRAWLER_MIN_BODY_CHARS": 100, "NEWSCRAWLER_EXTRACTION_WORKERS": 0}
    )
    item = asyncio.run(ExtractArticlePipeline.from_crawler(crawler).process_item(page))
    item = NormalizeArticlePipeline().process_item(item)
    result = ValidateArticlePipeline.from_crawler(crawler).process_item(item)
    assert isinstance(result, ArticleRecord)
    return result


def test_an_article_page_becomes_a_valid_record() -> None:
    record = _run_steps(_page(ARTICLE))
    assert record.title == "Rivers rise after storm"
    assert record.authors == [
        {"name": "Ana Ruiz", "bio": None, "url": "https://news.example/staff/ana", "bio_source": None}
    ]
    assert record.published_at == "2026-11-20T09:15:00+01:00"
    assert record.language == "en"
    assert record.body.startswith("Rivers across the valley")
    assert record.body.count("\n\n") == 2
    assert record.body_source == "html"
    assert "Home" not in record.body
    assert "©" not in record.body
    assert len(record.content_hash) == 64
    assert record.revision == 1
    assert schema_errors(record_validator(), record.to_archive()) == []


def test_an_app_state_page_becomes_a_valid_record_saying_so() -> None:
    """The same article with its paragraphs only in a Next.js state blob."""
    paragraphs = [p.replace("\n", " ") for p in ARTICLE.split("<p>")[1:]]
    paragraphs = [p.split("</p>")[0] for p in paragraphs]
    state = {"props": {"pageProps": {"post": {"title": "Rivers rise after storm", "paragraphs": paragraphs}}}}
    shell = ARTICLE.split("<article>")[0] + "<div id=__next></div>"
    shell += f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script></body></html>'
    record, plain = _run_steps(_page(shell)), _run_steps(_page(ARTICLE))
    assert (record.body_source, record.body) == ("app_state", plain.body)
    assert record.to_archive()["body_source"] == "app_state"
    assert schema_errors(record_validator(), record.to_archive()) == []


def test_schema_names_every_body_source() -> None:
    assert tuple(load_schema()["properties"]["body_source"]["enum"]) == BODY_SOURCES
    assert {BODY_FROM_HTML, BODY_FROM_APP_STATE, BODY_FROM_RENDERED} == set(BODY_SOURCES)


def test_non_html_is_dropped_with_a_named_reason() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_EXTRACTION_WORKERS": 0})
    with pytest.raises(NotHtml):
        asyncio.run(ExtractArticlePipeline.from_crawler(crawler).process_item(_page("   ")))


def test_listing_page_is_dropped_as_a_listing() -> None:
    html = "<html><head><title>World</title></head><body><h1>World</h1><ul>"
    html += "".join(f'<li><a href="/a{i}">Story {i}</a></li>' for i in range(5)) + "</ul></body></html>"
    with pytest.raises(ListingPage):
        _run_steps(_page(html))


def test_archive_pipeline_writes_and_closes(tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "ARCHIVE_DIR": str(tmp_path),
            "STATE_DIR": str(tmp_path / "state"),
            "NEWSCRAWLER_CRAWL_ID": "t-1",
        }
    )
    crawler.stats.open_spider()
    pipeline = WriteArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    record = _run_steps(_page(ARTICLE))
    pipeline.process_item(record)
    pipeline.close_spider()
    files = list(tmp_path.rglob("*.jsonl"))
    assert [f.name for f in files] == ["t-1.jsonl"]
    assert files[0].parent.parent.name == "news.example"


SHORT = """<html lang="en"><head><title>Bridge closed | Daily Example</title></head><body>
<article><h1>Bridge closed</h1><p>The old bridge is closed until Friday after a lorry hit its railing.</p>
<p>Drivers should use the ring road.</p></article></body></html>"""


@pytest.mark.parametrize(("listed_in", "kept"), [(None, False), ("feed", True), ("news_sitemap", True)])
def test_a_short_body_is_kept_when_the_site_lists_the_page_as_an_article(
    listed_in: str | None, kept: bool
) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWLER_EXTRACTION_WORKERS": 0,
            "NEWSCRAWLER_MIN_BODY_CHARS": 250,
            "NEWSCRAWLER_MIN_LISTED_BODY_CHARS": 80,
        }
    )
    page = _page(SHORT)
    page.meta = {"hints": {"listed_in": listed_in} if listed_in else {}}
    item = asyncio.run(ExtractArticlePipeline.from_crawler(crawler).process_item(page))
    item = NormalizeArticlePipeline().process_item(item)
    assert 80 <= len(item.body) < 250
    validate = ValidateArticlePipeline.from_crawler(crawler)
    if kept:
        assert validate.process_item(item) is item
    else:
        with pytest.raises(BodyTooShort):
            validate.process_item(item)
