"""A page's relative URLs resolve against its ``<base href>`` in every field that holds one.

TYPO3 and many other CMSs print ``<base href="https://site/">`` on pages that live under
``/news/…``: a relative link read against the page URL points at a page that does not exist.
"""

from __future__ import annotations

from newscrawler.extraction import extract_article
from newscrawler.extraction.document import parse_document

PAGE_URL = "https://www.valley-times.example/news/2026/11/flood-barrier-opens.html"
BASE = "https://www.valley-times.example/"
PARAGRAPH = "The new flood barrier on the river Lenne was opened on Monday after three years of work. "


def _page(base: str = BASE) -> str:
    teasers = "".join(
        f'<li><a href="news/2026/11/{slug}.html">{title}</a></li>'
        for slug, title in (
            ("dike-repairs-finished-before-winter", "Dike repairs finished before the winter storms"),
            ("river-ferry-returns-after-two-years", "The river ferry returns after two years in dock"),
            (
                "council-approves-new-harbour-plan",
                "The council approves the new harbour plan for the old town",
            ),
        )
    )
    return (
        f'<html><head><base href="{base}"><title>Flood barrier opens | Valley Times</title>'
        '<link rel="canonical" href="news/2026/11/flood-barrier-opens.html">'
        '<meta property="og:image" content="media/barrier.jpg"></head><body>'
        "<article><h1>Flood barrier opens</h1>"
        '<p class="byline">By <a rel="author" href="authors/lea-brandt/">Lea Brandt</a></p>'
        + f"<p>{PARAGRAPH * 3}</p>"
        * 4
        + "</article>"
        f"<aside><h2>Related articles</h2><ul>{teasers}</ul></aside></body></html>"
    )


def test_the_base_url_is_the_base_href_resolved_against_the_page() -> None:
    assert parse_document(_page("/"), PAGE_URL).base_url == BASE
    assert parse_document(_page("javascript:void(0)"), PAGE_URL).base_url == PAGE_URL


def test_every_url_field_resolves_against_the_base_href() -> None:
    record = extract_article(_page(), PAGE_URL)
    assert record["canonical_url"] == BASE + "news/2026/11/flood-barrier-opens.html"
    assert record["image"] == BASE + "media/barrier.jpg"
    assert [author["url"] for author in record["authors"]] == [BASE + "authors/lea-brandt/"]
    items = [item["url"] for block in record["related"] for item in block["items"]]
    assert items == [
        BASE + "news/2026/11/dike-repairs-finished-before-winter.html",
        BASE + "news/2026/11/river-ferry-returns-after-two-years.html",
        BASE + "news/2026/11/council-approves-new-harbour-plan.html",
    ]
