"""One related item from the links of one teaser: its title, URL and summary.

The title is the teaser's headline: the heading inside (or around) a link to the item,
else its longest link text, without the kicker ("Politik", "Premium") or the trailing
date some sites glue to it. The summary is the longest other text of the teaser unit,
not a date, byline or kicker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypedDict

import lxml.html

from newscrawler.extraction.classes import names_of, token_pattern
from newscrawler.extraction.document import loose_text, text_of
from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.related_links import TeaserLink
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    KICKER_TOKENS,
    READ_MORE_LABELS,
    TEASER_META_TOKENS,
    TITLE_TOKENS,
)


class RelatedItem(TypedDict):
    title: str
    url: str
    summary: str | None


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE = token_pattern(TITLE_TOKENS)
_KICKER = token_pattern(KICKER_TOKENS)
_META = token_pattern(TEASER_META_TOKENS)
_READ_MORE = alternation(READ_MORE_LABELS)
_READ_MORE_ONLY = re.compile(rf"^(?:{_READ_MORE})\W*$", re.IGNORECASE)
_READ_MORE_TAIL = re.compile(rf"\s*[|»›→…]*\s*\b(?:{_READ_MORE})\W*$", re.IGNORECASE)
_DATE_TAIL = re.compile(
    r"\s*[,|–-]\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s*,?\s*\d{1,2}[:.]\d{2}(?:\s*uhr)?)?$", re.I
)
_DATE_LIKE = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_WORD = re.compile(r"[^\W\d_]")
_INLINE_TAGS = ("strong", "b", "em", "i", "span", "small", "mark")
_MIN_SUMMARY_CHARS = 30
_MAX_KICKER_WORDS = 4
# Bold text this long inside a teaser link is its headline, not a kicker ("Politik:").
_MIN_BOLD_HEADLINE_CHARS = 20
_MIN_BOLD_HEADLINE_WORDS = 4
# A first link this long, followed by one this many times longer, is a headline and its dek.
_MIN_FIRST_HEADLINE_CHARS = 10
_DEK_TO_HEADLINE = 1.5


def build_item(unit: lxml.html.HtmlElement, links: list[TeaserLink]) -> RelatedItem | None:
    """The item of one teaser unit; ``links`` are the unit's links to the item's URL."""
    title_element = _title_element(unit, links)
    title = _title_text(title_element) if title_element is not None else ""
    if not title:
        title = max(
            (link.text for link in links if not _READ_MORE_ONLY.match(link.text)), key=len, default=""
        )
    if not title:
        return None
    summary = _summary(unit, title_element, title)
    return RelatedItem(title=title, url=links[0].url, summary=summary)


def _title_element(unit: lxml.html.HtmlElement, links: list[TeaserLink]) -> lxml.html.HtmlElement | None:
    """The heading in or around a link, else the link with the longest headline text."""
    for link in links:
        for inner in link.element.iter():
            if inner is not link.element and (inner.tag in _HEADINGS or _is_title_class(inner)):
                return inner
        for ancestor in link.element.iterancestors():
            if ancestor.tag in _HEADINGS or _is_title_class(ancestor):
                return link.element
            if ancestor is unit:
                break
    # "<a><strong>Headline</strong> dek</a>": the bold part is the headline, the rest its dek.
    for link in links:
        for inner in link.element.iter("strong", "b"):
            bold = clean_text(text_of(inner))
            if len(bold) >= _MIN_BOLD_HEADLINE_CHARS and len(bold.split()) >= _MIN_BOLD_HEADLINE_WORDS:
                return inner
    readable = [
        link for link in links if not _READ_MORE_ONLY.match(link.text) and clean_text(text_of(link.element))
    ]
    if not readable:
        return None
    longest = max(readable, key=lambda link: len(link.text))
    first = readable[0]
    # Headline, then its dek, each a link to the story: the dek is the longer one, but the
    # headline comes first.
    headline_then_dek = len(first.text) >= _MIN_FIRST_HEADLINE_CHARS and len(longest.text) >= (
        _DEK_TO_HEADLINE * len(first.text)
    )
    return first.element if first is not longest and headline_then_dek else longest.element


def _is_title_class(element: lxml.html.HtmlElement) -> bool:
    names = names_of(element)
    return bool(names and _TITLE.search(names) and not _KICKER.search(names))


def _title_text(element: lxml.html.HtmlElement) -> str:
    skipped = set(_kickers(element))
    text = clean_text(" ".join(_texts_outside(element, skipped))) or clean_text(text_of(element))
    return _DATE_TAIL.sub("", text)


def _kickers(element: lxml.html.HtmlElement) -> Iterable[lxml.html.HtmlElement]:
    """Kicker labels inside a title link: by class, or a short bold run glued to the title
    ("<strong>Aero-Kultur</strong>Junkers Ju 52…", shown on its own line by the site's CSS)."""
    for inner in element.iterdescendants():
        if not isinstance(inner.tag, str):
            continue
        names = names_of(inner)
        if names and _KICKER.search(names):
            yield inner
        elif inner.tag in _INLINE_TAGS and inner.tail and not inner.tail[:1].isspace():
            own = clean_text(text_of(inner))
            if own and len(own.split()) <= _MAX_KICKER_WORDS:
                yield inner


def _texts_outside(element: lxml.html.HtmlElement, skipped: set[lxml.html.HtmlElement]) -> Iterable[str]:
    """``element``'s text with the ``skipped`` subtrees left out (their tails kept)."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child not in skipped:
            yield from _texts_outside(child, skipped)
        if child.tail:
            yield " " + child.tail


def _summary(
    unit: lxml.html.HtmlElement, title_element: lxml.html.HtmlElement | None, title: str
) -> str | None:
    excluded = set(title_element.iterancestors()) | {title_element} if title_element is not None else set()
    best = ""
    for element in unit.iter("p", "div", "span", "dd", "a"):
        if element in excluded or _inside(element, title_element, unit) or _is_meta(element, excluded):
            continue
        if any(inner.tag in ("p", "div") for inner in element.iterdescendants()):
            continue
        text = _READ_MORE_TAIL.sub("", clean_text(text_of(element)))
        if len(text) > len(best) and text != title and text not in title and not _is_date_line(text):
            best = text
    if title_element is None or len(best) >= _MIN_SUMMARY_CHARS:
        return best if len(best) >= _MIN_SUMMARY_CHARS else None
    # A bold headline and loose text after it in the same link: the link's own layout says
    # that text is the dek, so it counts however short ("<a><b>Headline</b> Stunning</a>").
    dek_in_link = _dek_after_bold_headline(title_element)
    if dek_in_link:
        return dek_in_link
    best = max(best, _beside_title(unit, title_element), key=len)
    return best if len(best) >= _MIN_SUMMARY_CHARS else None


def _dek_after_bold_headline(title_element: lxml.html.HtmlElement) -> str:
    """Text beside the bold headline inside its link, when it holds a word."""
    if title_element.tag not in ("strong", "b"):
        return ""
    text = next(_loose_texts_above(title_element, lambda ancestor: ancestor.tag == "a"), "")
    return text if _WORD.search(text) and not _is_date_line(text) else ""


def _beside_title(unit: lxml.html.HtmlElement, title_element: lxml.html.HtmlElement) -> str:
    """The dek written loose beside the headline (``<a><strong>Headline</strong> Dek text</a>``):
    the innermost ancestor's own text, outside its child elements (bylines, dates and
    counters sit in elements of their own)."""
    texts = _loose_texts_above(title_element, lambda ancestor: ancestor is unit)
    return next((text for text in texts if not _is_date_line(text)), "")


def _loose_texts_above(
    element: lxml.html.HtmlElement, is_last: Callable[[lxml.html.HtmlElement], bool]
) -> Iterator[str]:
    """The own text (beside their children) of ``element``'s ancestors, innermost first and
    empty ones skipped, up to the first ancestor ``is_last`` accepts."""
    for ancestor in element.iterancestors():
        text = _READ_MORE_TAIL.sub("", clean_text(loose_text(ancestor)))
        if text:
            yield text
        if is_last(ancestor):
            return


def _inside(
    element: lxml.html.HtmlElement, title_element: lxml.html.HtmlElement | None, unit: lxml.html.HtmlElement
) -> bool:
    if title_element is None:
        return False
    for ancestor in element.iterancestors():
        if ancestor is title_element:
            return True
        if ancestor is unit:
            return False
    return False


def _is_meta(element: lxml.html.HtmlElement, stop: set[lxml.html.HtmlElement]) -> bool:
    """Dates, bylines and kickers of the teaser, by tag or class, on the element or above it
    up to the part shared with the title (a list named "category-articles" is no kicker)."""
    node: lxml.html.HtmlElement | None = element
    while node is not None and node not in stop:
        if node.tag in ("time", "figcaption", "button"):
            return True
        names = names_of(node)
        if names and (_META.search(names) or _KICKER.search(names)):
            return True
        node = node.getparent()
    return False


def _is_date_line(text: str) -> bool:
    return len(text) <= 60 and bool(_DATE_LIKE.search(text))
