"""One test per cascade step of the field functions, on hand-written pages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newscrawler.extraction import extract_article
from newscrawler.extraction.authors import clean_author_name, extract_authors, split_names
from newscrawler.extraction.body import extract_body, looks_trustworthy, plausible_exclusions
from newscrawler.extraction.dates import extract_published_at
from newscrawler.extraction.datetext import parse_date_text
from newscrawler.extraction.document import Document, parse_document
from newscrawler.extraction.title import extract_title

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PARAGRAPHS = "".join(
    f"<p>Paragraph number {i} of the article, long enough to count as text.</p>" for i in range(5)
)


def page(head: str = "", body: str = "") -> Document:
    return parse_document(f"<html><head>{head}</head><body>{body}</body></html>", "https://example.com/a")


# title
def test_title_visible_h1_confirmed_by_og_title() -> None:
    doc = page(
        '<meta property="og:title" content="Big news today"><title>Big news today | Site</title>',
        "<h1>Site</h1><h1>Big news today</h1>",
    )
    assert extract_title(doc) == "Big news today"


def test_title_declared_without_site_name() -> None:
    doc = page("<title>Big news today | Site</title>", "<h1>Menu</h1><h1>Other</h1>")
    assert extract_title(doc) == "Big news today"


# authors
def test_authors_jsonld_people_before_markup() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>'
    )
    doc = page(ld, '<h1>T</h1><a rel="author" href="/x">Bob Ray</a>')
    assert [a["name"] for a in extract_authors(doc)] == ["Ann Lee"]


def test_authors_byline_nearest_headline_beats_sidebar() -> None:
    doc = page(
        body='<div class="side"><span class="author">Side Name</span></div><h1>T</h1><p>By Ann Lee</p>'
    )
    assert [a["name"] for a in extract_authors(doc)] == ["Ann Lee"]


def test_authors_byline_text_after_a_comment_or_inside_markup() -> None:
    # The byline is found from its text node: a tail after a comment, or a prefix in a child.
    doc = page(body="<h1>T</h1><div><!-- meta --><p><!-- x -->By Ann Lee</p></div>")
    assert [a["name"] for a in extract_authors(doc)] == ["Ann Lee"]
    doc = page(body="<h1>T</h1><p><em>Von</em> <strong>Jörg Beck</strong></p>")
    assert [a["name"] for a in extract_authors(doc)] == ["Jörg Beck"]


def test_parsed_tree_elements_are_html_elements() -> None:
    # The parser picks the element class in C; lxml.html's methods must still work.
    doc = page(body="<!-- c --><form><p>Hello <b>you</b></p></form>")
    assert doc.tree.find(".//p").text_content() == "Hello you"


def test_parsed_tree_has_no_comments_and_keeps_their_tails() -> None:
    # Script frameworks leave "<!-- -->" inside sentences; the text on both sides is one run.
    doc = page(body="<p>His doctor<!-- --> assumed<?php x ?> it was a cold.</p>")
    paragraph = doc.tree.find(".//p")
    assert len(paragraph) == 0
    assert paragraph.text_content() == "His doctor assumed it was a cold."


def test_control_characters_do_not_cost_the_body() -> None:
    # trafilatura gave an empty text for a tree holding "\x07" anywhere.
    doc = page(body=f"<article><h1>T</h1>{PARAGRAPHS}<p>Source: WWF\x07 (2020)</p></article>")
    assert "Paragraph number 4" in extract_body(doc)
    assert "WWF (2020)" in extract_body(doc)


def test_authors_organization_only_without_person() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type":"Article","author":{"@type":"Organization","name":"Acme News"}}</script>'
    )
    assert [a["name"] for a in extract_authors(page(ld, "<h1>T</h1>"))] == ["Acme News"]
    with_meta = page(ld + '<meta name="author" content="Ann Lee">', "<h1>T</h1>")
    assert [a["name"] for a in extract_authors(with_meta)] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Von Anna Muster und Max Beispiel", ["Anna Muster", "Max Beispiel"]),
        ("Por Juan Pérez y Ana Gómez", ["Juan Pérez", "Ana Gómez"]),
        ("Anna Muster | 17. Februar 2022", ["Anna Muster"]),
        ("View all posts by Jane Doe", ["Jane Doe"]),
        ("Foto: Max Beispiel", []),
        ("Edit", []),
    ],
)
def test_split_names(raw: str, names: list[str]) -> None:
    assert split_names(raw) == names


def test_clean_author_name_drops_roles_and_emails() -> None:
    assert clean_author_name("Jane Doe, Staff Writer") == "Jane Doe"
    assert clean_author_name("jane@example.com") == ""


# dates
def test_date_shown_under_headline_takes_declared_time_of_same_day() -> None:
    doc = page(
        '<meta property="article:published_time" content="2022-02-17T10:00:00+01:00">',
        "<h1>T</h1><p>17. Februar 2022</p>",
    )
    assert extract_published_at(doc, NOW) == "2022-02-17T10:00:00+01:00"


def test_date_declared_when_nothing_shown() -> None:
    doc = page('<meta property="article:published_time" content="2021-05-01T10:00:00Z">', "<h1>T</h1>")
    assert extract_published_at(doc, NOW) == "2021-05-01T10:00:00+00:00"


def test_date_never_in_the_future_of_the_fetch() -> None:
    doc = page('<meta property="article:published_time" content="2030-05-01">', "<h1>T</h1><p>x</p>")
    assert extract_published_at(doc, NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publié le 2 juin 2023", date(2023, 6, 2)),
        ("March 3rd, 2021", date(2021, 3, 3)),
        ("15 de mayo de 2020", date(2020, 5, 15)),
        ("2020-01-31", date(2020, 1, 31)),
        ("31.02.2020", None),
        ("Opinion mardi 10.12.19", date(2019, 12, 10)),
        ("Tennis Bund 4.\u20092.\u20092022.", date(2022, 2, 4)),
        ("Version 2.4.11.3", None),
        ("Camp 23.-26.8.2017, then 1 May 2018", date(2018, 5, 1)),
        ("Aktualisiert 10:30 - 17.02.2022", date(2022, 2, 17)),
    ],
)
def test_parse_date_text(text: str, expected: date | None) -> None:
    assert parse_date_text(text) == expected


# body
def test_exclusion_holding_the_article_is_ignored() -> None:
    doc = page(
        body=f'<div class="read-more" id="a"><h1>T</h1>{PARAGRAPHS}</div><div id="r"><p>Teaser one.</p></div>'
    )
    article, related = doc.tree.get_element_by_id("a"), doc.tree.get_element_by_id("r")
    assert plausible_exclusions(doc, [article, related]) == [related]


# body: trafilatura's fallbacks run only where its own extraction looks untrustworthy
def test_body_fallbacks_only_for_short_or_menu_like_text() -> None:
    prose = "A sentence of the article that runs on for quite a while longer. " * 20
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"] * 60)
    assert looks_trustworthy(prose)
    assert not looks_trustworthy(prose[:400])
    assert not looks_trustworthy(menu + "\n" + prose[:300])


def test_a_link_that_is_no_url_does_not_fail_the_page() -> None:
    # "https://[ccpa-preferences]" makes urlsplit raise: the link is skipped, the page extracted.
    links = "".join(
        f'<li><a href="/news/story-number-{i}">Story number {i} of the day</a></li>' for i in range(4)
    )
    html = (
        f'<html><body><h1>T</h1>{PARAGRAPHS}<a href="https://[ccpa-preferences]/x">Privacy</a>'
        f"<h2>Related</h2><ul>{links}</ul></body></html>"
    )
    fields = extract_article(html, "https://example.com/news/a")
    assert "Paragraph number 4" in fields["body"]


def test_authors_first_name_completed_from_the_byline() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Todd"}}</script>'
    )
    doc = page(ld, '<h1>T</h1><p class="byline">By Todd Bates</p>')
    assert [a["name"] for a in extract_authors(doc)] == ["Todd Bates"]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Jörg Staff", "Jörg Staff"),  # a surname that is also a role word
        ("Jane Doe, Staff", "Jane Doe"),
        ("Jane Doe Staff Writer", "Jane Doe"),
        ("Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"),
        ("jdoe →", "jdoe"),
        ("von Redaktion", "Redaktion"),  # the desk, when the byline names no one else
    ],
)
def test_clean_author_name_roles_and_trailing_labels(raw: str, name: str) -> None:
    assert clean_author_name(raw) == name


def test_byline_in_the_posts_own_footer_or_under_a_footer_body_class() -> None:
    # Blogger puts "Posted by" in div.post-footer; themes name body classes "…-footer-widgets".
    doc = page(
        body='<h1>T</h1><div class="post-footer"><span class="post-author">Posted by Ann Lee</span></div>'
    )
    assert [a["name"] for a in extract_authors(doc)] == ["Ann Lee"]
    doc = parse_document(
        '<html><body class="footer-widgets"><h1>T</h1><span class="author">Ann Lee</span></body></html>',
        "https://example.com/a",
    )
    assert [a["name"] for a in extract_authors(doc)] == ["Ann Lee"]
    doc = page(body='<h1>T</h1><div class="site-footer"><span class="author">Site Owner</span></div>')
    assert extract_authors(doc) == []


def test_byline_list_by_class() -> None:
    doc = page(body='<h1>T</h1><ul class="author"><li>Stefan Loibl</li></ul>')
    assert [a["name"] for a in extract_authors(doc)] == ["Stefan Loibl"]
