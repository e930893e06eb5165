"""Is this page an article, or a listing (home, section, tag, search) or other page?

Declared types decide when they are specific (``og:type=article``, a JSON-LD article or
collection type); ``og:type=website`` is not: many blogs declare it on every page. Then
the site's own listing of the page as an item of its feed or news sitemap. Then the page's
structure: a listing is mostly link text, or a column of linked headlines, with less running
text than an article; an app's shell (almost no text, and app state in its scripts) is not
judged by its structure. What is left goes on to extraction, where too short a body is
dropped as not an article.
"""

from __future__ import annotations

import lxml.html

from newscrawler.extraction.appstate_payloads import has_state_scripts
from newscrawler.extraction.document import Document
from newscrawler.extraction.structured import has_type
from newscrawler.extraction.vocabulary import ARTICLE_TYPES, LISTING_TYPES

# Page chrome whose links say nothing about the page's own kind.
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "script", "style", "noscript"})
# Above this share of text inside links, a page is a list of links.
_MAX_LINK_SHARE = 0.5
# A column of this many linked headlines with little running text is a listing.
_MIN_HEADLINE_LINKS = 6
_MAX_LISTING_PARAGRAPH_TEXT = 1000
_MIN_RUNNING_TEXT = 400
_PARAGRAPH_CHARS = 80
_HEADINGS = frozenset({"h2", "h3", "h4"})


def looks_like_article_page(doc: Document, *, listed_as_article: bool = False) -> bool:
    """``listed_as_article``: the site's feed or news sitemap lists the page as an item, a
    statement of the site that outweighs what the structure suggests (not a declared type)."""
    declared = _declared_kind(doc)
    if declared is not None:
        return declared
    return listed_as_article or not _looks_like_listing(doc)


def _declared_kind(doc: Document) -> bool | None:
    og_type = (doc.meta("og:type") or "").lower()
    if og_type == "article" or og_type.startswith("article:"):
        return True
    for obj in doc.structured.jsonld:
        if has_type(obj, LISTING_TYPES):
            return False
        if has_type(obj, ARTICLE_TYPES - {"WebPage"}):
            return True
    return None


def _looks_like_listing(doc: Document) -> bool:
    body = doc.tree.find("body")
    if body is None:
        return True
    elements = _content_elements(body)
    teasers = {h.getparent() for h in elements if h.tag in _HEADINGS and h.find(".//a") is not None}
    total = linked = running_text = 0
    for element in elements:
        own = len((element.text or "").strip()) + sum(len((c.tail or "").strip()) for c in element)
        total += own
        if element.tag == "a" or any(a.tag == "a" for a in element.iterancestors()):
            linked += own
        # Running text: paragraphs that are not the summary beside a linked headline.
        if element.tag == "p" and own >= _PARAGRAPH_CHARS and element.getparent() not in teasers:
            running_text += own
    # No text outside page chrome (an ASP.NET page wraps all in a <form>): the structure says
    # nothing, and extraction decides by the body it finds.
    if total == 0:
        return False
    if total < _MIN_RUNNING_TEXT and has_state_scripts(doc):
        # An app's shell: a few words of chrome, the page itself in its scripts' state.
        # Extraction decides; without an article there, the empty body is dropped.
        return False
    # Running text of an article's length outweighs a heavy menu outside <nav>.
    if running_text >= _MAX_LISTING_PARAGRAPH_TEXT:
        return False
    if linked / total > _MAX_LINK_SHARE:
        return True
    if len(teasers) >= _MIN_HEADLINE_LINKS and running_text < _MAX_LISTING_PARAGRAPH_TEXT:
        return True
    # A small tag or section page: a few teasers and no running text of its own.
    return len(teasers) >= 2 and running_text < _MIN_RUNNING_TEXT


def _content_elements(body: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Elements outside page chrome, in document order."""
    found = []
    stack = [body]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _CHROME:
            continue
        found.append(element)
        stack.extend(reversed(list(element)))
    return found
