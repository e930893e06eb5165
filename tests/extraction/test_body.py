"""Body extraction: boilerplate kept out, article text kept in (hand-written pages)."""

from __future__ import annotations

from newscrawler.extraction.body import extract_body
from newscrawler.extraction.document import Document, parse_document
from newscrawler.extraction.split_body import find_split_body

ARTICLE = "".join(
    f"<p>Sentence {i} of the council story tells readers what was decided at the meeting today.</p>"
    for i in range(8)
)


def page(body: str) -> Document:
    return parse_document(
        f"<html><body><main><article><h1>Council votes</h1>{body}</article></main></body></html>",
        "https://example.com/news/council",
    )


def test_widgets_inside_the_post_are_dropped_by_their_class() -> None:
    doc = page(
        f'<div class="entry-content">{ARTICLE}'
        '<div class="newsletter-form__wrapper"><h2>Our Newsletter</h2>'
        "<p>Sign up to get the best stories of the week in your inbox.</p></div>"
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3></div>'
        '<p class="image-copyright">Photo Agency Images</p>'
        "</div>"
    )
    body = extract_body(doc)
    assert "Sentence 7 of the council story" in body
    assert "Sign up to get the best stories" not in body
    assert "Share this:" not in body
    assert "Photo Agency Images" not in body


def test_a_long_box_named_like_a_widget_is_content() -> None:
    # A paywall *container* holds the article's free part: only short widgets are dropped.
    doc = page(f'<div class="steady-paywall-container">{ARTICLE * 2}</div>')
    assert "Sentence 7 of the council story" in extract_body(doc)


def test_teaser_remnants_leave_the_body() -> None:
    doc = page(
        f"{ARTICLE[: len(ARTICLE) // 2]}"
        "<p><strong>Le puede interesar:</strong> Another story about the mayor</p>"
        f"{ARTICLE[len(ARTICLE) // 2 :]}"
        "<p><strong>Weitere Beiträge aus der Kolumne:</strong></p>"
        "<p>First column title</p><p>Second column title</p>"
    )
    body = extract_body(doc)
    assert "Sentence 7 of the council story" in body
    assert "Another story about the mayor" not in body
    assert "Weitere Beiträge" not in body
    assert "Second column title" not in body


def test_a_closing_line_announcing_a_document_stays() -> None:
    doc = page(f"{ARTICLE}<p>The full report can be downloaded here:</p>")
    assert extract_body(doc).endswith("The full report can be downloaded here:")


def test_copyright_notice_and_page_address_leave_the_body() -> None:
    doc = page(
        f"{ARTICLE}<p>https://example.com/news/council</p><p>2019-11-19T08:57:40+01:00</p>"
        "<p>Copyright ©2019 Example News Inc. All Rights Reserved</p>"
    )
    body = extract_body(doc)
    assert body.endswith("what was decided at the meeting today.")


def test_a_sentence_about_copyright_stays() -> None:
    doc = page(f"{ARTICLE}<p>Copyright holders were not consulted, the council said.</p>")
    assert extract_body(doc).endswith("Copyright holders were not consulted, the council said.")


def _story_rows(count: int, rows: int) -> list[str]:
    return [
        "".join(
            f"<p>Row {row} sentence {i} of the harbour story explains what the port authority decided.</p>"
            for i in range(count)
        )
        for row in range(rows)
    ]


def test_an_article_split_into_same_class_rows_is_read_whole() -> None:
    # Rows of one story, each in its own "article__body", with ads between them.
    rows = _story_rows(12, 4)
    article = '<div class="ad">Advertisement</div>'.join(
        f'<div class="row"><div class="article__body">{row}</div><aside class="rail"></aside></div>'
        for row in rows
    )
    doc = parse_document(
        f"<html><body><main><article><h1>Harbour plan</h1>{article}</article></main></body></html>",
        "https://example.com/news/harbour",
    )
    body = extract_body(doc)
    assert "Row 0 sentence 0 of the harbour story" in body
    assert "Row 3 sentence 11 of the harbour story" in body
    assert "Harbour plan" not in body


def test_short_same_class_boxes_are_no_split_article() -> None:
    # Reader comments repeat one class too: short boxes are never taken for article rows.
    comments = "".join(
        f'<div class="text"><p>Comment {i}: great news for the harbour, thank you!</p></div>'
        for i in range(30)
    )
    doc = page(f'<div class="story"><p>The harbour story in one short paragraph.</p></div>{comments}')
    assert find_split_body(doc.tree) == []


def test_posts_of_a_front_page_are_no_split_article() -> None:
    posts = "".join(
        f'<div class="post"><h2>Post {i}</h2><div class="content">{row}</div></div>'
        for i, row in enumerate(_story_rows(3, 4))
    )
    doc = parse_document(f"<html><body><main>{posts}</main></body></html>", "https://example.com/")
    assert find_split_body(doc.tree) == []


def test_an_ellipsis_heading_opens_a_teaser_list() -> None:
    doc = page(f"{ARTICLE}<p>You may also like...</p><p>First other story</p><p>Second other story</p>")
    assert extract_body(doc).endswith("what was decided at the meeting today.")


def test_a_lone_comments_label_leaves_the_body() -> None:
    doc = page(f"{ARTICLE}<h3>Comments</h3><p>12 comments</p>")
    assert extract_body(doc).endswith("what was decided at the meeting today.")
