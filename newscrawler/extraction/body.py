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
from newscrawler.extraction.lead import holds, lost_bare_lead
from newscrawler.extraction.notices import without_notices
from newscrawler.extraction.prose import prose_chars
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
# The safety net. A body holding less than this share of the page's running-text
# paragraphs (those outside the blocks dropped for a named reason) may have lost part of
# the article without one: trafilatura's fast path stopped at a figure or an inline box,
# or a split article was read from the wrong rows. Then the full extraction (with
# trafilatura's own fallbacks) runs, and wins when it holds clearly more text. On the dev
# corpora 0.5 / 1.5 and 0.65 / 1.3 replace the same 4 of 910 bodies (the looser one runs
# the full extraction on 70 pages instead of 44); the looser one is kept so that an
# unseen long-form article cut after its first sections is caught too.
_MIN_PROSE_KEPT = 0.65
_MIN_PROSE_CHECKED = 500
_MIN_RECOVERY_GAIN = 1.3
# A lead the fast path lost (see extraction/lead.py) is taken back with the full path's
# text, unless that text is much shorter: then the full path lost more than it found.
_MIN_LEAD_RECOVERY_SHARE = 0.9


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
        ran_full = not looks_trustworthy(text)
        if ran_full:
            text = _trafilatura_text(tree, doc.url, prune, fast=False)
        if kept_too_little_prose(text, prose_chars(doc.tree, _DROP_MARK)):
            text = _recovered(doc, tree, prune, text, ran_full=ran_full)
        elif not ran_full and (lead := lost_bare_lead(doc, text)):
            text = _with_lead(doc, tree, prune, text, lead)
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


def kept_too_little_prose(text: str, prose: int) -> bool:
    """Whether a body kept too little of the page's running text to be trusted alone.

    >>> kept_too_little_prose("x" * 900, prose=4000)
    True
    >>> kept_too_little_prose("x" * 3000, prose=4000)
    False
    """
    return prose >= _MIN_PROSE_CHECKED and len(text) < _MIN_PROSE_KEPT * prose


def _recovered(
    doc: Document, tree: lxml.html.HtmlElement, prune: str | None, text: str, *, ran_full: bool
) -> str:
    """The longest of the full extractions not tried yet, when it holds clearly more text."""
    candidates = []
    if not ran_full:
        candidates.append(_trafilatura_text(tree, doc.url, prune, fast=False))
    if tree is not doc.tree:  # the split-article reading may itself be what lost the text
        candidates.append(_trafilatura_text(doc.tree, doc.url, prune, fast=False))
    best = max(candidates, key=len, default=text)
    return best if len(best) >= _MIN_RECOVERY_GAIN * len(text) else text


def _with_lead(doc: Document, tree: lxml.html.HtmlElement, prune: str | None, text: str, lead: str) -> str:
    """The full extraction, when it holds the lead the fast one lost and little less text."""
    full = _trafilatura_text(tree, doc.url, prune, fast=False)
    return full if holds(full, lead) and len(full) >= _MIN_LEAD_RECOVERY_SHARE * len(text) else text


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
