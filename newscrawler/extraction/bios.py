"""Author bios: "about the author" boxes, bio sentences and structured descriptions.

Sources, in order of trust:

1. author boxes found by the class/id vocabulary of common CMS themes, by microdata
   (``itemprop=description`` inside an ``author``/Person scope) or by a label heading
   ("About the author", "Auteur", "Über den Autor", "O autorze", …);
2. bio sentences beside the byline ("Jane Doe is a senior reporter covering …"), kept only
   when they open with the name of an author of the page;
3. JSON-LD ``author.description``, only when the page also shows it.

Each bio is attached to the author it names; a lone box goes to a lone author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from newscrawler.extraction.authors import Author, clean_author_name, extract_authors
from newscrawler.extraction.bio_text import (
    MAX_BIO_CHARS,
    MIN_BIO_CHARS,
    bio_sentence_pattern,
    box_bio,
    clean_bio,
    name_in_bio,
    name_variants,
)
from newscrawler.extraction.classes import token_pattern
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.structured import as_list, resolve_reference
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import AUTHOR_BOX_LABELS, AUTHOR_BOX_TOKENS

_BOX = token_pattern(AUTHOR_BOX_TOKENS)
_BOX_TAGS = ("div", "section", "aside", "footer", "article", "li", "figure", "p", "dl", "span")
_BOX_TAG_SET = frozenset(_BOX_TAGS)
_LABEL_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "p", "div", "dt", "header", "label")
_LABELS = frozenset(AUTHOR_BOX_LABELS)
# Author or Person scopes holding a description, found from the descriptions up: libxml2
# then tests the page's few itemprop attributes, not every element and its subtree.
_MICRODATA_BOXES = etree.XPath(
    '//@itemprop[.="description"]/../ancestor::*[@itemprop="author" or contains(@itemtype, "Person")]'
)
_MAX_BOX_CHARS = 2500
_PARAGRAPH_CHARS = 80
_MAX_BOX_PARAGRAPHS = 2
_MAX_LABEL_CHARS = 80
_MAX_NAME_WORDS = 5
_SENTENCE_BLOCKS = ("p", "div", "figcaption", "dd", "span")
# Characters of a structured description that the page's text must hold to show it.
_SHOWN_OPENING_CHARS = 60


@dataclass(frozen=True)
class AuthorBox:
    element: lxml.html.HtmlElement
    name: str | None
    url: str | None
    bio: str


def find_author_boxes(doc: Document, authors: list[Author] | None = None) -> list[AuthorBox]:
    """Author boxes and bio sentences in document order, outermost element of each.

    ``authors`` are the page's authors when the caller has them (else they are extracted):
    bio sentences open with one of their names.
    """
    candidates = _boxes_by_vocabulary(doc) + _boxes_by_microdata(doc.tree) + _boxes_by_label(doc.tree)
    boxes = [box for element in _outermost(candidates) if (box := _read_box(doc, element)) is not None]
    taken = {box.element for box in boxes}
    for box in _bio_sentences(doc, extract_authors(doc) if authors is None else authors):
        if not _inside_any(box.element, taken):
            boxes.append(box)
            taken.add(box.element)
    return boxes


def attach_bios(doc: Document, authors: list[Author], boxes: list[AuthorBox]) -> list[Author]:
    """Fill ``bio`` (and a missing ``url``) of ``authors`` from boxes, then from JSON-LD."""
    people: list[Author] = _without_duplicates([Author(**a) for a in authors])
    unmatched = []
    for box in boxes:
        target = _match(people, box.name)
        if target is None:
            unmatched.append(box)
            continue
        target["bio"] = target["bio"] or box.bio
        target["url"] = target["url"] or box.url
    if not people:
        people = [Author(name=b.name, bio=b.bio, url=b.url) for b in unmatched if b.name]
    else:
        # Boxes that name nobody go to the authors still without a bio, in page order.
        waiting = [a for a in people if not a["bio"]]
        nameless = [b for b in unmatched if not b.name or len(people) == 1]
        if len(waiting) == len(nameless) or (len(waiting) == 1 and nameless):
            for author, box in zip(waiting, nameless, strict=False):
                author["bio"] = box.bio
    _bios_from_jsonld(doc, people)
    return people


def _boxes_by_vocabulary(doc: Document) -> list[lxml.html.HtmlElement]:
    return [element for element in doc.class_names.elements_matching(_BOX) if element.tag in _BOX_TAG_SET]


def _boxes_by_microdata(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = _MICRODATA_BOXES(tree)
    return found


def _boxes_by_label(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The box around a short label element ("About the author", "Auteur :")."""
    found = []
    for label in tree.iter(*_LABEL_TAGS):
        # Cheap tests first: this loop meets most elements of the page.
        if not label.text or len(label) > 3 or len(label.text) > 4 * _MAX_LABEL_CHARS or label.text.isspace():
            continue
        own = clean_text(label.text).lower().rstrip(" :")
        if not own or len(own) > _MAX_LABEL_CHARS or len(label) > 3:
            continue
        if (
            own in _LABELS
            or _full_label(label, own) in _LABELS
            or (own.split(":")[0] in _LABELS and ":" in own)
        ):
            parent = label.getparent()
            if parent is not None and parent.tag not in ("body", "html"):
                found.append(parent)
    return found


def _full_label(label: lxml.html.HtmlElement, own: str) -> str:
    """The label's whole text, read as ``own`` (its own text) was ("<b>About <i>the</i> author</b>")."""
    if len(label) == 0:
        # All its text is its own: clean_text collapses white space whether text_of did or
        # not. Reading it again cost a tenth of the author boxes' time.
        return own
    return clean_text(text_of(label)).lower().rstrip(" :")


def _outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Box-sized candidates not nested in another one (one walk up each)."""
    sized = [element for element in dict.fromkeys(elements) if _is_box_sized(element)]
    unique = set(sized)
    return [element for element in sized if not _inside_any(element, unique)]


def _is_box_sized(element: lxml.html.HtmlElement) -> bool:
    """A box holds a bio or two, not the article: a label "Autor:" in a byline would
    otherwise make the whole article its box."""
    if len(text_of(element)) > _MAX_BOX_CHARS:
        return False
    paragraphs = sum(1 for p in element.iter("p") if len(text_of(p)) >= _PARAGRAPH_CHARS)
    return paragraphs <= _MAX_BOX_PARAGRAPHS


def _inside_any(element: lxml.html.HtmlElement, others: set[lxml.html.HtmlElement]) -> bool:
    return any(ancestor in others for ancestor in element.iterancestors())


def _read_box(doc: Document, element: lxml.html.HtmlElement) -> AuthorBox | None:
    name, url = _box_name(doc, element)
    bio = box_bio(element, name)
    if not bio or (name and bio.casefold() == name.casefold()):
        return None
    # A box naming nobody (its only heading is the label) may still open with the name.
    name = name or name_in_bio(bio)
    return AuthorBox(element=element, name=name, url=url, bio=bio)


def _box_name(doc: Document, element: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """The author a box names: a short link (profile) or a short heading inside it."""
    for link in element.iter("a"):
        name = clean_author_name(clean_bio(clean_text(text_of(link)), None))
        href = link.get("href") or ""
        # Not an e-mail, phone or @handle link: those name a channel, not the person.
        usable = not href.startswith(("mailto:", "tel:")) and not name.startswith("@")
        if name and usable and len(name.split()) <= _MAX_NAME_WORDS:
            return name, (absolute_url(doc.base_url, href) or None) if href else None
    for heading in element.iter("h2", "h3", "h4", "h5", "h6", "strong", "b"):
        name = clean_author_name(clean_bio(clean_text(text_of(heading)), None))
        if name and len(name.split()) <= _MAX_NAME_WORDS and name.lower() not in _LABELS:
            return name, None
    return None, None


def _bio_sentences(doc: Document, authors: list[Author]) -> list[AuthorBox]:
    """Paragraphs that open with an author's name and a bio verb ("… is a reporter")."""
    names = [v for author in authors for v in name_variants(author["name"])]
    if not names:
        return []
    pattern = bio_sentence_pattern(names)
    boxes = []
    for block in doc.tree.iter(*_SENTENCE_BLOCKS):
        # (the tag filter runs in C: this test meets every block of the page)
        if next(block.iterdescendants("p", "div"), None) is not None:
            continue
        text = clean_text(text_of(block))
        if not MIN_BIO_CHARS <= len(text) <= MAX_BIO_CHARS:
            continue
        opening = pattern.search(text)
        if opening:
            named = next((n for n in names if n.casefold() in opening.casefold()), None)
            boxes.append(AuthorBox(element=block, name=named, url=None, bio=clean_bio(text, named)))
    return boxes


def _without_duplicates(authors: list[Author]) -> list[Author]:
    """Drop an author whose name is another's plus words around it: a call to action
    ("SHOW ALL ARTICLES OF Jane Doe") read as a second byline."""
    keys = [re.sub(r"\W+", "", a["name"].casefold()) for a in authors]
    kept = []
    for author, key in zip(authors, keys, strict=True):
        if any(other != key and other and other in key for other in keys):
            continue
        kept.append(author)
    return kept


def _match(authors: list[Author], name: str | None) -> Author | None:
    if not name:
        return None
    key = name.casefold()
    for author in authors:
        for variant in name_variants(author["name"]):
            other = variant.casefold()
            if other == key or other in key or key in other:
                return author
    return None


def _bios_from_jsonld(doc: Document, authors: list[Author]) -> None:
    """JSON-LD ``author.description``, only when the page also shows it."""
    article = doc.structured.article or {}
    for entry in as_list(article.get("author")):
        entry = resolve_reference(entry, doc.structured.jsonld)
        if not isinstance(entry, dict) or not isinstance(entry.get("description"), str):
            continue
        name = entry.get("name")
        target = _match(authors, name if isinstance(name, str) else None)
        if target is None and len(authors) == 1:
            target = authors[0]
        description = clean_text(entry["description"])
        if target is None or target["bio"] or len(description) < MIN_BIO_CHARS:
            continue
        if shown_on_page(doc, description):
            target["bio"] = description


def shown_on_page(doc: Document, description: str) -> bool:
    """Whether the page shows a structured description to its readers (its opening is in
    the page's text): one kept for search engines alone may be stale or someone else's."""
    return description[:_SHOWN_OPENING_CHARS] in doc.body_text
