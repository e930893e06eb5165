"""How much article-like prose a page holds: the yardstick of the body's safety net.

A body extractor that goes wrong on an unseen template rarely fails loudly: it returns the
first paragraph, or the part before a figure, and the record looks fine. The page's own
paragraphs say how much text there is to find. Counting them is cheap (one XPath pass in
C), so it can run on every page, and the costly second extraction only where the body
came out far shorter than the prose around it.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

# Paragraphs of running text: long enough to be a sentence or more, not inside page
# chrome, not inside a block set aside for a named reason (marked by the caller). List
# items count too: a guide of tips or products is an article made of long items.
_PARAGRAPHS = (
    "(//p|//li)[not(ancestor-or-self::*[@{mark}])]"
    "[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or ancestor::form)]"
    "[string-length(normalize-space()) >= {min_chars}]"
)
# Shorter lines are captions, bylines and teaser titles as often as text.
MIN_PARAGRAPH_CHARS = 80
# A paragraph that is mostly link text is a teaser or a list of links, not prose.
_MAX_LINK_SHARE = 0.5
_CHARS = etree.XPath("string-length(normalize-space())")


def prose_chars(tree: lxml.html.HtmlElement, excluded_mark: str) -> int:
    """Characters of running-text paragraphs outside elements carrying ``excluded_mark``.

    >>> html = "<html><body><p>" + "A sentence of the story. " * 8 + "</p>" + \\
    ...     "<nav><p>" + "Menu entry text. " * 8 + "</p></nav></body></html>"
    >>> prose_chars(lxml.html.fromstring(html), "data-drop")
    199
    """
    paragraphs = tree.xpath(_PARAGRAPHS.format(mark=excluded_mark, min_chars=MIN_PARAGRAPH_CHARS))
    total = 0
    for paragraph in paragraphs:
        chars = int(_CHARS(paragraph))
        if _link_chars(paragraph) <= _MAX_LINK_SHARE * chars:
            total += chars
    return total


def _link_chars(paragraph: lxml.html.HtmlElement) -> int:
    # XPath 1.0 has no sum over computed values: add the links' lengths one by one.
    return sum(int(_CHARS(link)) for link in paragraph.iter("a"))
