"""Author bios: the "about the author" boxes and JSON-LD descriptions shown on the page.

A box is found by the class/id vocabulary of common CMS themes or by a label heading
("About the author", "Auteur", "Über den Autor", …). Its bio is attached to the author it
names; a lone box goes to a lone author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from newscrawler.extraction.authors import Author, clean_author_name
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.structured import as_list, resolve_reference
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import AUTHOR_BOX_LABELS, AUTHOR_BOX_TOKENS

_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(label) for label in sorted(AUTHOR_BOX_LABELS, key=len, reverse=True)) + r")\s*:?\s*",
    re.IGNORECASE,
)
_MIN_BIO_CHARS = 30
_MAX_BOX_CHARS = 2000
# Calls to action that author boxes append to the bio.
_BOX_NOISE = re.compile(
    r"\b(?:view all posts|all posts by|see all articles|more articles by|voir tous les articles|"
    r"tous les articles de|alle artikel von|ver todos los artículos|follow on)\b.*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AuthorBox:
    element: lxml.html.HtmlElement
    name: str | None
    url: str | None
    bio: str


def find_author_boxes(doc: Document) -> list[AuthorBox]:
    """Author boxes in document order, outermost element of each."""
    candidates = _boxes_by_vocabulary(doc.tree) + _boxes_by_label(doc.tree)
    outermost = _outermost(candidates)
    boxes = (_read_box(doc, element) for element in outermost)
    return [box for box in boxes if box is not None]


def attach_bios(doc: Document, authors: list[Author], boxes: list[AuthorBox]) -> list[Author]:
    """Fill ``bio`` (and missing ``url``) of ``authors`` from boxes, then from JSON-LD."""
    authors = [dict(a) for a in authors]  # type: ignore[misc]
    unmatched = []
    for box in boxes:
        target = _match(authors, box.name)
        if target is None:
            unmatched.append(box)
            continue
        target["bio"] = target["bio"] or box.bio
        target["url"] = target["url"] or box.url
    if not authors:
        authors = [{"name": b.name, "bio": b.bio, "url": b.url} for b in unmatched if b.name]
    elif len(authors) == 1 and len(unmatched) == 1 and not authors[0]["bio"]:
        authors[0]["bio"] = unmatched[0].bio
    _bios_from_jsonld(doc, authors)
    return authors  # type: ignore[return-value]


def _boxes_by_vocabulary(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    for element in tree.iter("div", "section", "aside", "footer", "article", "li"):
        tokens = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if any(token in tokens for token in AUTHOR_BOX_TOKENS):
            found.append(element)
    return found


def _boxes_by_label(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6", "strong", "span", "p", "div"):
        own = clean_text(heading.text or "").lower()
        full = clean_text(text_of(heading)).lower()
        if len(full) > 80 or not full:
            continue
        if _LABEL.match(full) and (own.rstrip(" :") in AUTHOR_BOX_LABELS or full.rstrip(" :") in AUTHOR_BOX_LABELS or ":" in full):
            parent = heading.getparent()
            if parent is not None and parent.tag not in ("body", "html"):
                found.append(parent)
    return found


def _outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    unique = list(dict.fromkeys(elements))
    kept = []
    for element in unique:
        if any(other is not element and _is_ancestor(other, element) for other in unique):
            continue
        if len(text_of(element)) <= _MAX_BOX_CHARS:
            kept.append(element)
    return kept


def _is_ancestor(candidate: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> bool:
    return any(parent is candidate for parent in element.iterancestors())


def _read_box(doc: Document, element: lxml.html.HtmlElement) -> AuthorBox | None:
    name, url = _box_name(doc, element)
    texts = []
    for block in element.iter("p", "div", "span"):
        text = clean_text(text_of(block))
        if len(text) >= _MIN_BIO_CHARS and not block.xpath(".//p"):
            texts.append(text)
    bio = max(texts, key=len) if texts else ""
    bio = _BOX_NOISE.sub("", _LABEL.sub("", bio)).strip()
    if name and bio.startswith(name) and len(bio) - len(name) < _MIN_BIO_CHARS:
        bio = ""
    if len(bio) < _MIN_BIO_CHARS:
        return None
    return AuthorBox(element=element, name=name, url=url, bio=bio)


def _box_name(doc: Document, element: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    for link in element.iter("a"):
        name = clean_author_name(_LABEL.sub("", clean_text(text_of(link))))
        if name and len(name.split()) <= 5:
            return name, absolute_url(doc.url, link.get("href", "")) if link.get("href") else None
    for heading in element.iter("h2", "h3", "h4", "h5", "strong", "b"):
        name = clean_author_name(_LABEL.sub("", clean_text(text_of(heading))))
        if name and len(name.split()) <= 5:
            return name, None
    return None, None


def _match(authors: list[dict[str, str | None]], name: str | None) -> dict[str, str | None] | None:
    if not name:
        return None
    key = name.casefold()
    for author in authors:
        other = (author["name"] or "").casefold()
        if other == key or other in key or key in other:
            return author
    return None


def _bios_from_jsonld(doc: Document, authors: list[dict[str, str | None]]) -> None:
    """JSON-LD ``author.description``, only when the page also shows it."""
    article = doc.structured.article or {}
    page_text = None
    for entry in as_list(article.get("author")):
        entry = resolve_reference(entry, doc.structured.jsonld)
        if not isinstance(entry, dict) or not isinstance(entry.get("description"), str):
            continue
        target = _match(authors, entry.get("name") if isinstance(entry.get("name"), str) else None)
        description = clean_text(entry["description"])
        if target is None or target["bio"] or len(description) < _MIN_BIO_CHARS:
            continue
        page_text = page_text or clean_text(text_of(doc.tree.body if doc.tree.find("body") is not None else doc.tree))
        if description[:60] in page_text:
            target["bio"] = description
