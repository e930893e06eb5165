"""Is this page an article, or a listing (home, section, tag, search) or other page?

Declared types decide when present (og:type, JSON-LD ``@type``); otherwise the page's
structure: an article has a run of real paragraphs outside links, a listing is mostly
teaser links.
"""

from __future__ import annotations

from newscrawler.extraction.document import Document
from newscrawler.extraction.structured import has_type
from newscrawler.extraction.vocabulary import ARTICLE_TYPES, LISTING_TYPES

# A paragraph of running text (not a teaser line) has at least this many characters.
_PARAGRAPH_CHARS = 80
_MIN_ARTICLE_TEXT = 400
_CHROME = ("nav", "header", "footer", "aside", "form")


def looks_like_article_page(doc: Document) -> bool:
    declared = _declared_kind(doc)
    if declared is not None:
        return declared
    return _paragraph_text_chars(doc) >= _MIN_ARTICLE_TEXT


def _declared_kind(doc: Document) -> bool | None:
    og_type = (doc.meta("og:type") or "").lower()
    if og_type == "article" or og_type.startswith("article:"):
        return True
    for obj in doc.structured.jsonld:
        if has_type(obj, LISTING_TYPES):
            return False
        if has_type(obj, ARTICLE_TYPES - {"WebPage"}):
            return True
    if og_type in ("website", "profile", "video.other", "music.song"):
        return False
    return None


def _paragraph_text_chars(doc: Document) -> int:
    """Characters of running-text paragraphs outside links and page chrome."""
    total = 0
    for paragraph in doc.tree.iter("p"):
        if any(a.tag in _CHROME for a in paragraph.iterancestors()):
            continue
        linked = sum(len(" ".join(a.itertext())) for a in paragraph.iter("a"))
        text = " ".join(" ".join(paragraph.itertext()).split())
        own = len(text) - linked
        if own >= _PARAGRAPH_CHARS and linked < 0.5 * len(text):
            total += own
    return total
