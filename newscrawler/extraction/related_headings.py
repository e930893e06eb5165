"""Headings of related blocks, and the vocabulary that names a single-teaser box.

A heading is an ``h1``–``h6`` or a short element whose class says title/heading/label,
found inside the block before its first teaser or just before the block. A heading
hidden from sighted readers (``screen-reader-text``) is no heading: the reader sees none.
"""

from __future__ import annotations

import re

import lxml.html

from newscrawler.extraction.classes import has_class_word, names_of, token_pattern
from newscrawler.extraction.document import text_of
from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    ACTIVE_TAB_WORDS,
    BLOCK_HEADING_TOKENS,
    HIDDEN_TOKENS,
    READ_ALSO_LABELS,
    RELATED_CONTAINER_TOKENS,
    RELATED_HEADINGS,
    TAB_TOKENS,
)

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_CLASS = token_pattern(BLOCK_HEADING_TOKENS)
_RELATED_BOX = token_pattern(RELATED_CONTAINER_TOKENS, prefix=True)
_RELATED_HEADING = re.compile(
    r"^(?:" + alternation(RELATED_HEADINGS) + r")\b",
    re.IGNORECASE,
)
_READ_ALSO = re.compile(
    r"^(?:" + alternation(READ_ALSO_LABELS) + r")\s*[:>»|–—-]?\s*",
    re.IGNORECASE,
)
_TABS = token_pattern(TAB_TOKENS)
_MAX_HEADING_CHARS = 100
_MAX_READ_ALSO_EXTRA_CHARS = 40
_INLINE = frozenset(
    {
        "a",
        "span",
        "strong",
        "em",
        "b",
        "i",
        "small",
        "img",
        "svg",
        "path",
        "use",
        "br",
        "abbr",
        "time",
        "sup",
        "mark",
    }
)


def find_heading(block: lxml.html.HtmlElement, first_link: lxml.html.HtmlElement) -> str | None:
    """The block's visible heading: inside it before ``first_link``, else just before it."""
    for node in block.iter():
        if node is first_link:
            break
        if node is not block and _is_heading(node) and not _contains(node, first_link):
            return _visible_text(node)
    node = block
    for _ in range(3):
        previous = _previous_content(node)
        if previous is not None:
            heading = previous if _is_heading(previous) else _last_heading_in(previous)
            heading = heading if heading is not None else _active_tab(previous)
            return _visible_text(heading) if heading is not None else None
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def looks_like_related_box(unit: lxml.html.HtmlElement, link: lxml.html.HtmlElement) -> bool:
    """A one-teaser box that says it is related: by class/id, or by its heading."""
    node: lxml.html.HtmlElement | None = link
    while node is not None:
        names = names_of(node)
        if names and _RELATED_BOX.search(names):
            return True
        if node is unit:
            break
        node = node.getparent()
    heading = find_heading(unit, link)
    return bool(heading and _RELATED_HEADING.match(heading))


def read_also_label(unit: lxml.html.HtmlElement, link: lxml.html.HtmlElement) -> str | None:
    """The label of a "À lire aussi : <link>" line, when ``unit`` is such a line."""
    text = clean_text(text_of(unit))
    match = _READ_ALSO.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    if len(rest) > len(clean_text(text_of(link))) + _MAX_READ_ALSO_EXTRA_CHARS:
        return None
    return match.group(0).strip(" :>»|–—-") or None


def _is_heading(node: lxml.html.HtmlElement) -> bool:
    """An h2–h6, or a box of inline text whose class says heading (the page's h1 is its title)."""
    if not isinstance(node.tag, str) or node.tag == "h1":
        return False
    if node.tag not in _HEADING_TAGS:
        names = names_of(node)
        if node.tag not in ("div", "span", "p", "strong", "b", "header", "label") or not (
            names and _HEADING_CLASS.search(names)
        ):
            return False
        if any(isinstance(inner.tag, str) and inner.tag not in _INLINE for inner in node.iterdescendants()):
            return False
    text = clean_text(text_of(node))
    return 0 < len(text) <= _MAX_HEADING_CHARS


def _visible_text(node: lxml.html.HtmlElement) -> str | None:
    for element in (node, *node.iterancestors()):
        if has_class_word(element, HIDDEN_TOKENS) or element.get("aria-hidden") == "true":
            return None
        if element.tag in ("section", "aside", "article", "body"):
            break
    return clean_text(text_of(node)).rstrip(" :") or None


def _contains(node: lxml.html.HtmlElement, inner: lxml.html.HtmlElement) -> bool:
    return any(ancestor is node for ancestor in inner.iterancestors())


def _previous_content(node: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest previous sibling element that shows text."""
    previous = node.getprevious()
    while previous is not None:
        shown = isinstance(previous.tag, str) and previous.tag not in ("script", "style", "template")
        if shown and clean_text(text_of(previous)):
            return previous
        previous = previous.getprevious()
    return None


def _active_tab(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """Tabs over a list ("Most read | Most shared"): the selected tab names the list shown."""
    names = names_of(element)
    if element.get("role") != "tablist" and not (names and _TABS.search(names)):
        return None
    for tab in element.iterdescendants():
        if has_class_word(tab, ACTIVE_TAB_WORDS) or tab.get("aria-selected") == "true":
            return tab
    return None


def _last_heading_in(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """A heading wrapped in a small box of its own (``<div class=label><h2>…</h2></div>``)."""
    if len(clean_text(text_of(element))) > _MAX_HEADING_CHARS:
        return None
    headings = [node for node in element.iterdescendants() if _is_heading(node)]
    return headings[-1] if headings else None
