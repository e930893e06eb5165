"""The article body as plain paragraphs.

trafilatura is the strongest open body extractor measured on our corpora; this module
prepares the tree for it (removing blocks we extract as other fields, so teasers and bios
never leak into the body) and shapes its output into blank-line separated paragraphs.
"""

from __future__ import annotations

import copy

import lxml.html
import trafilatura

from newscrawler.extraction.document import Document
from newscrawler.extraction.text import lines_to_paragraphs


def extract_body(doc: Document, exclude: list[lxml.html.HtmlElement] | None = None) -> str:
    """Plain-text body; ``exclude`` are elements (author boxes, related blocks) to drop first."""
    tree = _tree_without(doc.tree, exclude or [])
    text = trafilatura.extract(
        tree,
        url=doc.url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    return lines_to_paragraphs(text)


def _tree_without(
    tree: lxml.html.HtmlElement, exclude: list[lxml.html.HtmlElement]
) -> lxml.html.HtmlElement:
    """A copy of ``tree`` with the excluded elements removed (trafilatura edits its input)."""
    if not exclude:
        return copy.deepcopy(tree)
    marks = [element.get("data-nc-drop") for element in exclude]
    for element in exclude:
        element.set("data-nc-drop", "1")
    try:
        clone = copy.deepcopy(tree)
    finally:
        for element, previous in zip(exclude, marks, strict=True):
            if previous is None:
                element.attrib.pop("data-nc-drop", None)
            else:
                element.set("data-nc-drop", previous)
    for element in clone.xpath('//*[@data-nc-drop="1"]'):
        element.drop_tree()
    return clone
