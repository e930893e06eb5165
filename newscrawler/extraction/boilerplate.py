"""Blocks inside the article container that are no part of the article.

trafilatura drops most page chrome, but boxes that themes put *inside* the post's own
content element (a newsletter form, Jetpack's share and like buttons, a paywall teaser,
the comment form, an image credit) pass its filters; their class or id says what they are.
"""

from __future__ import annotations

import lxml.html

from newscrawler.extraction.classes import token_pattern
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.vocabulary import BOILERPLATE_TOKENS

_BOILERPLATE = token_pattern(BOILERPLATE_TOKENS)
# Never dropped for their class: themes put "comments-open" or "has-newsletter" on these.
_CONTAINERS = frozenset({"html", "body", "main", "article"})
# Widgets are short; a long box with such a name wraps content ("paywall-container" holds
# the article's free part), and its inner widgets are looked at instead.
_MAX_BOX_CHARS = 1200
# A paragraph is a widget's text only when it is short and alone: a long one, or one of a
# run of paragraphs of the same class, is the article's own text that a theme classes
# for its paywall script (<p class="paywall"> on every paragraph behind the paywall).
_MAX_NOTICE_PARAGRAPH_CHARS = 400


def find_boilerplate(doc: Document) -> list[lxml.html.HtmlElement]:
    """Outermost elements whose class or id names a boilerplate block."""
    found: list[lxml.html.HtmlElement] = []
    # Attribute values are matched before any element is looked at: most are no hit, and
    # building an element proxy for each cost more than the rest of this function.
    for name in doc.class_names.values_matching(_BOILERPLATE):
        element = name.getparent()
        if element.tag in _CONTAINERS or (found and element is found[-1]):
            continue
        if found and _inside(element, found[-1]):
            continue
        if len(text_of(element)) > _MAX_BOX_CHARS or _is_running_text(element):
            continue
        found.append(element)
    return found


def _is_running_text(element: lxml.html.HtmlElement) -> bool:
    if element.tag != "p":
        return False
    if len(text_of(element)) > _MAX_NOTICE_PARAGRAPH_CHARS:
        return True
    parent, classes = element.getparent(), element.get("class")
    if parent is None or not classes:
        return False
    siblings = parent.iterchildren("p")
    return any(sibling is not element and sibling.get("class") == classes for sibling in siblings)


def _inside(element: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False
