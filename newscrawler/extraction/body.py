"""The article body as plain paragraphs.

trafilatura is the strongest open body extractor measured on our corpora; this module
keeps blocks we extract as other fields (author bios, related teasers) out of its input,
and shapes its output into blank-line separated paragraphs.
"""

from __future__ import annotations

import lxml.html
import trafilatura

from newscrawler.extraction.boilerplate import find_boilerplate
from newscrawler.extraction.document import Document
from newscrawler.extraction.notices import without_notices
from newscrawler.extraction.remnants import without_remnants
from newscrawler.extraction.split_body import find_split_body, joined_article
from newscrawler.extraction.text import lines_to_paragraphs

_DROP_MARK = "data-nc-drop"
# An exclusion holding this share of the page's paragraph text is the article itself,
# misread as a teaser or bio block: dropping it would leave an empty body.
_MAX_EXCLUDED_SHARE = 0.4
# trafilatura's fallbacks (readability, then jusText) cost a third of its time and change
# the result mostly where its own extraction came out short, or came out a menu (a column
# of short lines): only then do we run them. Measured on the dev corpora: 13% of pages
# re-run, body F1 as good as always running them.
_TRUSTED_BODY_CHARS = 1000
_PROSE_LINE_CHARS = 60
_MIN_PROSE_SHARE = 0.5


def extract_body(doc: Document, exclude: list[lxml.html.HtmlElement] | None = None) -> str:
    """Plain-text body; ``exclude`` are elements (author boxes, related blocks) to drop first."""
    dropped = plausible_exclusions(doc, [*(exclude or []), *find_boilerplate(doc)])
    # trafilatura copies the tree it is given and prunes the copy, so marking the original
    # for a moment spares a deep copy of our own; the marks are gone before we return.
    for element in dropped:
        element.set(_DROP_MARK, "1")
    prune = f"//*[@{_DROP_MARK}]" if dropped else None
    try:
        # A split article is read from a copy of its <article>, which carries the marks set above.
        parts = find_split_body(doc.tree)
        tree = joined_article(parts) if parts else doc.tree
        text = _trafilatura_text(tree, doc.url, prune, fast=True)
        if not looks_trustworthy(text):
            text = _trafilatura_text(tree, doc.url, prune, fast=False)
    finally:
        for element in dropped:
            element.attrib.pop(_DROP_MARK, None)
    paragraphs = lines_to_paragraphs(text).split("\n\n")
    return "\n\n".join(without_notices(without_remnants(paragraphs), doc.url))


def _trafilatura_text(tree: lxml.html.HtmlElement, url: str, prune: str | None, *, fast: bool) -> str:
    text = trafilatura.extract(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        prune_xpath=prune,
        fast=fast,
    )
    return text or ""


def looks_trustworthy(text: str) -> bool:
    """Long enough, and mostly lines of prose rather than menu labels.

    >>> looks_trustworthy("Home\\nNews\\nSport\\n" * 100)
    False
    >>> looks_trustworthy("A sentence of the article that runs on for a while. " * 30)
    True
    """
    if len(text) < _TRUSTED_BODY_CHARS:
        return False
    prose = sum(len(line) for line in text.splitlines() if len(line) >= _PROSE_LINE_CHARS)
    return prose >= _MIN_PROSE_SHARE * len(text.replace("\n", ""))


def plausible_exclusions(doc: Document, exclude: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The exclusions that are not the article: none holding the h1 or much of the page's text."""
    if not exclude:
        return []
    total = sum(_paragraph_chars(p) for p in doc.tree.iter("p"))
    kept = []
    for element in exclude:
        if element.get(_DROP_MARK) is not None or next(element.iter("h1"), None) is not None:
            continue
        inside = sum(_paragraph_chars(p) for p in element.iter("p"))
        if total and inside > _MAX_EXCLUDED_SHARE * total:
            continue
        kept.append(element)
    return kept


def _paragraph_chars(paragraph: lxml.html.HtmlElement) -> int:
    return len(paragraph.text_content().strip())
