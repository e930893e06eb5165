"""An article whose paragraphs sit in several containers of one class.

Some themes cut the story into rows (text, a full-width ad, text, an embed, text), each
row with its own ``<div class="article__body">``. trafilatura takes the first element its
body XPaths find and drops the rest of the story. When the page's paragraphs mostly sit in
several such same-class containers of one ``<article>``, we hand trafilatura the stretch of
the whole article, with nothing naming the first part the body.
"""

from __future__ import annotations

import copy
from collections import defaultdict

import lxml.html
from lxml import etree

from newscrawler.extraction.classes import names_of, token_pattern
from newscrawler.extraction.vocabulary import SPLIT_BODY_EXCLUDED_TOKENS

_EXCLUDED = token_pattern(SPLIT_BODY_EXCLUDED_TOKENS, prefix=True)
# The containers must hold the bulk of the page's paragraph text (else they are teasers or
# a sidebar), and the first of them too little of it to be the story on its own.
_MIN_PAGE_SHARE = 0.6
_MAX_FIRST_SHARE = 0.6
_MIN_PARTS = 2
# A row of a story holds a paragraph or more; a list of short same-class boxes is reader
# comments or a table of items, which trafilatura rightly reads from one container.
_MIN_MEAN_PART_CHARS = 300
_PART_MARK = "data-nc-part"
# Counted in C: this runs on every page, and Python-side text joins cost twice as much.
_CLASSED_PARAGRAPHS = etree.XPath("//p[../@class]")
_CHARS = etree.XPath("string-length(normalize-space())")


def find_split_body(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The containers, in page order, of an article split across same-class elements; else []."""
    chars_by_parent: dict[lxml.html.HtmlElement, int] = defaultdict(int)
    for paragraph in _CLASSED_PARAGRAPHS(tree):
        chars_by_parent[paragraph.getparent()] += int(_CHARS(paragraph))
    groups: dict[tuple[str, str], list[lxml.html.HtmlElement]] = defaultdict(list)
    for parent in chars_by_parent:
        groups[(parent.tag, parent.get("class", ""))].append(parent)
    if not groups:
        return []
    parts = max(groups.values(), key=lambda group: sum(chars_by_parent[p] for p in group))
    chars = sum(chars_by_parent[p] for p in parts)
    if len(parts) < _MIN_PARTS or chars < _MIN_PAGE_SHARE * sum(chars_by_parent.values()):
        return []
    if chars < _MIN_MEAN_PART_CHARS * len(parts):
        return []
    if chars_by_parent[parts[0]] > _MAX_FIRST_SHARE * chars or _EXCLUDED.search(names_of(parts[0])):
        return []
    return parts if _enclosing_article(parts) is not None else []


def joined_article(parts: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
    """A page holding a copy of the ``<article>`` the parts are in.

    In the copy the parts lose their class and id, so that no body XPath of trafilatura
    singles out the first part again; what sits between them (subheadings, quotes) stays.
    """
    # The common ancestor alone would lose a lead paragraph set before the first part.
    article = _enclosing_article(parts)
    if article is None:
        raise ValueError("the parts are no parts of one <article>")
    for part in parts:
        part.set(_PART_MARK, "1")
    try:
        article_copy = copy.deepcopy(article)
    finally:
        for part in parts:
            part.attrib.pop(_PART_MARK, None)
    article_copy.tail = None
    # The headline is its own field; on the page trafilatura leaves it out of the body.
    for headline in list(article_copy.iter("h1")):
        headline.drop_tree()
    for part in article_copy.iterfind(f".//*[@{_PART_MARK}]"):
        for name in (_PART_MARK, "class", "id"):
            part.attrib.pop(name, None)
    root = lxml.html.fromstring("<html><body></body></html>")
    root.find("body").append(article_copy)
    return root


def _enclosing_article(parts: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """The one ``<article>`` holding all parts and no other article; else None.

    A page of several posts (a blog's front page, a live ticker) repeats the container once
    a post: its parts share no <article>, or each sits in an <article> of its own.
    """
    ancestor = _common_ancestor(parts)
    if ancestor is None or next(ancestor.iterdescendants("article"), None) is not None:
        return None
    if ancestor.tag == "article":
        return ancestor
    return next(ancestor.iterancestors("article"), None)


def _common_ancestor(parts: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    others = [set(part.iterancestors()) for part in parts[1:]]
    return next((a for a in parts[0].iterancestors() if all(a in o for o in others)), None)
