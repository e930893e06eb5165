"""Article or listing: declared types first, then the page's structure."""

from __future__ import annotations

import pytest

from newscrawler.extraction import parse_document
from newscrawler.extraction.appstate_payloads import has_state_scripts
from newscrawler.extraction.pagetype import looks_like_article_page

PARAGRAPH = "<p>" + "The council met on Tuesday to discuss the plan for the river banks. " * 3 + "</p>"
TEASER = '<article><h2><a href="/a{n}">Headline number {n} of the day</a></h2><p>{summary}</p></article>'
SUMMARY = "A summary of the story that runs long enough to look like a real paragraph of text."


def _page(head: str, body: str) -> bool:
    return looks_like_article_page(
        parse_document(f"<html><head>{head}</head><body>{body}</body></html>", "https://ex.com/x")
    )


def test_og_article_is_an_article_whatever_the_layout() -> None:
    assert _page('<meta property="og:type" content="article">', "<ul><li><a href='/a'>A</a></li></ul>")


def test_jsonld_collection_page_is_a_listing() -> None:
    head = '<script type="application/ld+json">{"@type": "CollectionPage"}</script>'
    assert not _page(head, PARAGRAPH * 3)


def test_og_website_alone_does_not_decide() -> None:
    # Many blogs declare og:type=website on every page, articles included.
    assert _page('<meta property="og:type" content="website">', "<h1>Post</h1>" + PARAGRAPH * 3)


@pytest.mark.parametrize("teasers", [2, 8])
def test_linked_headlines_with_summaries_and_no_running_text_make_a_listing(teasers: int) -> None:
    body = "".join(TEASER.format(n=n, summary=SUMMARY) for n in range(teasers))
    assert not _page("", "<h1>Section</h1>" + body)


def test_an_article_with_a_related_block_stays_an_article() -> None:
    related = "".join(TEASER.format(n=n, summary=SUMMARY) for n in range(6))
    assert _page("", "<h1>Story</h1>" + PARAGRAPH * 6 + "<h3>Related</h3>" + related)


def test_a_page_of_links_is_a_listing() -> None:
    links = "".join(f'<li><a href="/a{n}">A story headline number {n}</a></li>' for n in range(20))
    assert not _page("", f"<h1>Archive</h1><ul>{links}</ul>")


def test_menus_do_not_make_an_article_a_listing() -> None:
    menu = "<nav>" + "".join(f'<a href="/s{n}">Section {n} of the site</a>' for n in range(40)) + "</nav>"
    assert _page("", menu + "<h1>Story</h1>" + PARAGRAPH * 3)


def test_a_page_with_no_text_outside_page_chrome_is_left_to_extraction() -> None:
    # An ASP.NET page wraps everything in a <form>: its structure says nothing either way.
    assert _page("", "<form><h1>Story</h1>" + PARAGRAPH * 3 + "</form>")


def test_running_text_of_an_articles_length_outweighs_a_menu_outside_nav() -> None:
    menu = (
        "<div class='menu'>"
        + "".join(f"<a href='/s{n}'>Section number {n}</a> " for n in range(80))
        + "</div>"
    )
    assert _page("", menu + "<h1>Story</h1>" + PARAGRAPH * 6)
    assert not _page("", menu + "<h1>Story</h1>" + PARAGRAPH)


def test_a_page_the_site_lists_as_an_article_is_one_unless_its_declared_type_says_otherwise() -> None:
    body = "<h1>Section</h1>" + "".join(TEASER.format(n=n, summary=SUMMARY) for n in range(8))
    doc = parse_document(f"<html><body>{body}</body></html>", "https://ex.com/x")
    assert not looks_like_article_page(doc)
    assert looks_like_article_page(doc, listed_as_article=True)
    collection = '<script type="application/ld+json">{"@type": "CollectionPage"}</script>'
    declared = parse_document(
        f"<html><head>{collection}</head><body>{body}</body></html>", "https://ex.com/x"
    )
    assert not looks_like_article_page(declared, listed_as_article=True)


SHELL = "<header><a href='/'>Home</a> <a href='/world/'>World</a></header><div id='root'></div>{script}"


@pytest.mark.parametrize(
    "script",
    [
        '<script id="__NEXT_DATA__" type="application/json">{"props": {}}</script>',
        "<script>window.__APOLLO_STATE__ = {};</script>",
    ],
)
def test_an_app_shell_is_left_to_extraction(script: str) -> None:
    """Its few words are links, but its page is in the script's state: not a listing."""
    assert _page("", SHELL.format(script=script))


def test_a_json_link_is_no_app_state() -> None:
    head = '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/7">'
    menu = "<div class='menu'>" + "".join(f"<a href='/s{n}'>Section {n}</a> " for n in range(5)) + "</div>"
    doc = parse_document(f"<html><head>{head}</head><body>{menu}</body></html>", "https://ex.com/x")
    assert not has_state_scripts(doc)
    assert not looks_like_article_page(doc)
