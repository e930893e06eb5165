"""Author names and profile URLs (bios are attached by :mod:`bios`).

Cascade, most trustworthy first: JSON-LD ``author`` persons → microdata/``rel=author``
markup → byline elements (class vocabulary, or text such as "By …", "Von …") → ``<meta
name=author>`` → JSON-LD organizations. Bylines sit next to the headline, so when a page
has several candidates (sidebars, teasers) the one closest after the h1 wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypedDict

import lxml.html
from lxml import etree

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.structured import as_list, has_type, resolve_reference
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    ARTICLE_FOOTER_TOKENS,
    AUTHOR_JOINERS,
    AUTHOR_NOISE_WORDS,
    AUTHOR_NON_NAMES,
    AUTHOR_TRAILING_LABELS,
    BYLINE_CLASS_TOKENS,
    BYLINE_EXCLUDED_TOKENS,
    BYLINE_PREFIXES,
    CREDIT_PREFIXES,
    MONTH_NUMBERS,
    ORGANIZATION_TYPES,
)


class Author(TypedDict):
    name: str
    bio: str | None
    url: str | None


_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"\s+@\w+$")
_DATE_TAIL = re.compile(
    r"\s*(?:[,|•·–-]|\bon\b|\ble\b|\bam\b|\bel\b)?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*$|\s*\b\d{1,2}:\d{2}.*$"
)
_PREFIXES = alternation(BYLINE_PREFIXES)
_PREFIX = re.compile(rf"^(?:{_PREFIXES})(?:\s*[:：]\s*|\s+)", re.IGNORECASE)
_BARE_PREFIX = re.compile(rf"^(?:{_PREFIXES})\s*[:：]?$", re.IGNORECASE)
# A byline is short text that starts with a prefix and a capitalized word ("By the numbers" is not).
_BYLINE_TEXT = re.compile(rf"^(?:{_PREFIXES})\s*:?\s+(?-i:[A-ZÀ-ÞА-Я])", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in CREDIT_PREFIXES) + r")(?:\s*:|\s|$)",
    re.IGNORECASE,
)
# Bylines separate names with commas and conjunctions, and the date with a bar or a bullet.
_JOINER = re.compile(
    r"\s*(?:[,;|•·]|\s(?:" + "|".join(re.escape(j) for j in AUTHOR_JOINERS) + r")\s)\s*",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"(?:[,|/–—-]\s*|^|\s(?=\S+\s))\b(?:" + "|".join(re.escape(w) for w in AUTHOR_NOISE_WORDS) + r")\b\.?$",
    re.IGNORECASE,
)
_TRAILING_LABEL = re.compile(
    r"\s*(?:" + "|".join(re.escape(w) for w in AUTHOR_TRAILING_LABELS) + r")\s*$",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(m) for m in MONTH_NUMBERS)
    + r")\b\.?\s*\d|\d\.?\s*(?:"
    + "|".join(re.escape(m) for m in MONTH_NUMBERS)
    + r")\b",
    re.IGNORECASE,
)
# Itemprop names inside authors, authors without one, rel=author links. Written from the
# attributes up ("//@itemprop[.='author']/parent::*"): libxml2 then tests the few
# attributes of that name instead of every element, twice as fast as "//*[@itemprop=…]".
_MARKUP_XPATH = etree.XPath(
    '//@itemprop[.="author"]/parent::*//@itemprop[.="name"]/parent::*'
    ' | //@itemprop[.="author"]/parent::*[not(.//@itemprop[.="name"])]'
    ' | //@rel[contains(concat(" ", normalize-space(.), " "), " author ")]/parent::a'
)
_MAX_BYLINE_CHARS = 120
# Substrings, not tokens: "author" also finds "c-article__authorName". One regex, not a
# Python loop over the table, because it meets every element of the page.
_BYLINE_CLASS = re.compile("|".join(re.escape(t) for t in BYLINE_CLASS_TOKENS))
_ARTICLE_FOOTER = re.compile("|".join(re.escape(t) for t in ARTICLE_FOOTER_TOKENS))
_BYLINE_EXCLUDED = re.compile("|".join(re.escape(t) for t in BYLINE_EXCLUDED_TOKENS))
_BYLINE_CLASS_TAGS = frozenset(
    {"a", "address", "div", "p", "span", "strong", "ul", "li", "h3", "h4", "h5", "h6"}
)
_BYLINE_TEXT_TAGS = frozenset({"p", "span", "div", "em", "strong", "address", "small", "li"})
_PREFIX_FIRST_WORDS = frozenset(p.split()[0].rstrip(":") for p in BYLINE_PREFIXES)
_STARTS_WITH_PREFIX = re.compile(rf"^\s*(?:{_PREFIXES})", re.IGNORECASE)


def extract_authors(doc: Document) -> list[Author]:
    sources: tuple[Callable[[Document], list[Author]], ...] = (
        _from_jsonld_people,
        _from_markup,
        _from_byline,
        _from_meta,
        _from_jsonld_organizations,
    )
    for source in sources:
        authors = _without_site_name(doc, _deduplicate(source(doc)))
        if authors:
            return _with_full_names(doc, authors, source)
    return []


def _with_full_names(
    doc: Document, authors: list[Author], source: Callable[[Document], list[Author]]
) -> list[Author]:
    """A first name alone ("Todd", a CMS display name) takes the full name the byline shows."""
    if source is _from_byline or all(" " in a["name"] for a in authors):
        return authors
    shown = [a["name"] for a in _from_byline(doc)]
    for author in authors:
        if " " not in author["name"]:
            prefix = author["name"].casefold() + " "
            author["name"] = next((n for n in shown if n.casefold().startswith(prefix)), author["name"])
    return authors


def _jsonld_authors(doc: Document, organizations: bool) -> list[Author]:
    article = doc.structured.article
    if not article:
        return []
    found: list[Author] = []
    for entry in as_list(article.get("author")) + as_list(article.get("creator")):
        entry = resolve_reference(entry, doc.structured.jsonld)
        if isinstance(entry, str) and not organizations:
            found.extend(_author(name, None) for name in split_names(entry))
        elif isinstance(entry, dict) and has_type(entry, ORGANIZATION_TYPES) == organizations:
            name = entry.get("name")
            if isinstance(name, str):
                url = _url_of(entry, doc.base_url)
                found.extend(_author(n, url) for n in split_names(name))
    return found


def _from_jsonld_people(doc: Document) -> list[Author]:
    return _jsonld_authors(doc, organizations=False)


def _from_jsonld_organizations(doc: Document) -> list[Author]:
    # An organization is the author only when nothing on the page names a person.
    return _jsonld_authors(doc, organizations=True)


def _from_markup(doc: Document) -> list[Author]:
    elements = [e for e in _MARKUP_XPATH(doc.tree) if not _in_excluded_block(e)]
    authors: list[Author] = []
    for element in _nearest_group(doc, elements):
        href = element.get("href") if element.tag == "a" else None
        url = (absolute_url(doc.base_url, href) or None) if href else None
        authors.extend(_author(name, url) for name in split_names(text_of(element)))
    return authors


def _from_byline(doc: Document) -> list[Author]:
    """Byline elements, by class vocabulary or by prefixed text, the one nearest the h1 first."""
    candidates = _byline_class_candidates(doc) + _byline_text_candidates(doc)
    # The innermost candidates: a byline wrapper's text includes dates and labels.
    inner = [c for c in candidates if not any(o is not c and _is_ancestor(c, o) for o in candidates)]
    for element in _by_distance_from_headline(doc, inner):
        authors = _byline_authors(doc, element)
        if authors:
            return authors
    return []


def _byline_class_candidates(doc: Document) -> list[lxml.html.HtmlElement]:
    candidates = []
    for element in doc.class_names.elements_containing(_BYLINE_CLASS):
        if element.tag not in _BYLINE_CLASS_TAGS:
            continue
        if 2 <= len(text_of(element)) <= _MAX_BYLINE_CHARS and not _in_excluded_block(element):
            candidates.append(element)
    return candidates


def _byline_text_candidates(doc: Document) -> list[lxml.html.HtmlElement]:
    """Elements whose text opens with a byline prefix ("By Jane Doe").

    Such an element's first text node opens with the prefix, so the search starts from the
    few text nodes that do and climbs while the text stays byline-short: reading the text
    of every element instead costs a walk of its whole subtree each.
    """
    candidates: dict[lxml.html.HtmlElement, None] = {}
    for node in doc.tree.iter():
        if node.tag in ("script", "style"):
            continue
        # A comment's text is not the page's; its tail is.
        own = node.text if isinstance(node.tag, str) else None
        for text, element in ((own, node), (node.tail, node.getparent())):
            if not text or not _opens_with_prefix(text):
                continue
            while element is not None:
                full = text_of(element)
                if len(full) > _MAX_BYLINE_CHARS:
                    break
                is_byline = element.tag in _BYLINE_TEXT_TAGS and _BYLINE_TEXT.match(full)
                if is_byline and not _in_excluded_block(element):
                    candidates[element] = None
                element = element.getparent()
    return _in_document_order(doc, list(candidates))


def _opens_with_prefix(text: str) -> bool:
    # A set lookup of the first word first: the prefix regex is slow on the page's every text.
    words = text[:40].split(None, 1)
    return (
        bool(words)
        and words[0].lower().rstrip(":：") in _PREFIX_FIRST_WORDS
        and bool(_STARTS_WITH_PREFIX.match(text))
    )


def _in_document_order(doc: Document, elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    if len(elements) <= 1:
        return elements
    order = _document_order(doc)
    return sorted(elements, key=lambda e: order.get(e, 0))


def _byline_authors(doc: Document, element: lxml.html.HtmlElement) -> list[Author]:
    """Names in one byline element: its person links if any, else its text split."""
    text = text_of(element)
    if _CREDIT.match(text):
        return []
    parent = element.getparent()
    if _BARE_PREFIX.match(text) and parent is not None:
        # "<span>By</span> <a>Jane Doe</a>": the label alone; the name is in its parent.
        element = parent
    links = [a for a in element.iter("a") if clean_author_name(text_of(a))]
    if links:
        return [_author(text_of(a), absolute_url(doc.base_url, a.get("href", "")) or None) for a in links]
    return [_author(name, None) for name in split_names(text_of(element))]


def _from_meta(doc: Document) -> list[Author]:
    value = doc.meta(
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    )
    if not value or value.startswith("http"):
        return []
    return [_author(name, None) for name in split_names(value)]


def _document_order(doc: Document) -> dict[lxml.html.HtmlElement, int]:
    return {element: index for index, element in enumerate(doc.tree.iter())}


def _by_distance_from_headline(
    doc: Document, elements: list[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """Candidates after the h1 nearest first, then those before it (bylines follow headlines)."""
    headline = next(doc.tree.iter("h1"), None)
    if len(elements) <= 1 or headline is None:
        return elements
    order = _document_order(doc)
    start = order.get(headline, 0)
    return sorted(elements, key=lambda e: (order.get(e, 0) < start, abs(order.get(e, 0) - start)))


def _nearest_group(doc: Document, elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """The candidates of the byline closest after the headline (all of them without an h1).

    Sidebars and teaser lists repeat author markup; the article's byline follows its h1.
    Candidates sharing the chosen one's grandparent belong to the same byline.
    """
    ranked = _by_distance_from_headline(doc, elements)
    if len(ranked) <= 1 or next(doc.tree.iter("h1"), None) is None:
        return ranked
    chosen = ranked[0]
    scope = chosen.getparent()
    scope = scope.getparent() if scope is not None and scope.getparent() is not None else scope
    return [e for e in elements if scope is not None and _is_ancestor(scope, e)] or [chosen]


def _in_excluded_block(element: lxml.html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag == "body":
            # body classes describe the page ("genesis-footer-widgets-visible"), not a block
            return False
        if ancestor.tag in ("footer", "nav"):
            return True
        attributes = _ARTICLE_FOOTER.sub("", f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower())
        if _BYLINE_EXCLUDED.search(attributes):
            return True
    return False


def _is_ancestor(candidate: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> bool:
    return any(parent is candidate for parent in element.iterancestors())


def _without_site_name(doc: Document, authors: list[Author]) -> list[Author]:
    """Drop the publication's own name (og:site_name, a domain) when it is not alone a person's."""
    site = (doc.meta("og:site_name", "application-name") or "").casefold()
    return [a for a in authors if a["name"].casefold() != site and not _looks_like_domain(a["name"])]


def _looks_like_domain(name: str) -> bool:
    return " " not in name and re.search(r"\.[a-z]{2,6}$", name, re.IGNORECASE) is not None


def _author(name: str, url: str | None) -> Author:
    return {"name": clean_author_name(name), "bio": None, "url": url}


def _url_of(entry: dict[str, Any], base: str) -> str | None:
    url = entry.get("url") or entry.get("@id") or entry.get("sameAs")
    if isinstance(url, list):
        url = next((u for u in url if isinstance(u, str)), None)
    if isinstance(url, str) and url.strip() and not url.startswith("#"):
        return absolute_url(base, url) or None
    return None


def split_names(text: str) -> list[str]:
    """Several names from one byline.

    >>> split_names("By Jane Doe and John Smith")
    ['Jane Doe', 'John Smith']
    >>> split_names("Par Marie Curie et Paul Langevin, le 3 mai 2024")
    ['Marie Curie', 'Paul Langevin']
    """
    text = _PREFIX.sub("", clean_text(text))
    text = _EMAIL.sub("", text)
    names = [clean_author_name(part) for part in _JOINER.split(text)]
    return [n for n in names if n]


def clean_author_name(name: str) -> str:
    """A bare person name: no byline prefix, role, date, handle or e-mail; "" when none is left.

    >>> clean_author_name("By Jane Doe, Staff Writer")
    'Jane Doe'
    >>> clean_author_name("View all posts by Jane Doe")
    'Jane Doe'
    """
    name = clean_text(name)
    previous = None
    while previous != name:
        previous = name
        name = _PREFIX.sub("", name)
        # A byline that is only a role ("Redaktion", "Staff Writer") names the desk: kept.
        name = _NOISE.sub("", name).strip(" ,;|-–—:·•") or name
        name = _TRAILING_LABEL.sub("", name)
    if _BARE_PREFIX.match(name) or _CREDIT.match(name):
        return ""
    name = _HANDLE.sub("", _EMAIL.sub("", name))
    name = _DATE_TAIL.sub("", name).strip(" ,;|-–—:·•")
    if not looks_like_name(name):
        return ""
    return name


def looks_like_name(name: str) -> bool:
    """Short, has letters, is not a date, a sentence or a known non-name label."""
    lowercase_words = sum(1 for word in name.split() if word[:1].islower())
    return bool(
        lowercase_words <= 2
        and ":" not in name
        and name
        and len(name) <= 60
        and len(name.split()) <= 6
        and any(ch.isalpha() for ch in name)
        and name.casefold().rstrip(".") not in AUTHOR_NON_NAMES
        and not _MONTH_DATE.search(name)
    )


def _deduplicate(authors: list[Author]) -> list[Author]:
    seen: dict[str, Author] = {}
    for author in authors:
        if not author["name"]:
            continue
        key = author["name"].casefold()
        if key not in seen:
            seen[key] = author
        elif not seen[key]["url"] and author["url"]:
            seen[key]["url"] = author["url"]
    return list(seen.values())
