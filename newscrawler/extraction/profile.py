"""An author's bio read from the author's own profile page on the site.

Many sites print the bio only there: the article names the author and links the profile.
Sources, in order of trust:

1. a JSON-LD ``Person`` of that name (alone or as a ``ProfilePage``'s main entity) whose
   ``description`` the page also shows;
2. an author box on the profile page (the same boxes :mod:`bios` finds on articles);
3. the first paragraph that opens with the author's name and a bio verb
   ("Jane Doe is a reporter covering …");
4. the introduction under a headline that is the author's name: the first sentence-like
   paragraph after it and before the first headline link (the list of their articles);
5. the page's description (``og:description``/``description``) when it reads as that
   author's bio (it names the author and is sentence-like).

A profile page is mostly a list of the author's articles: a teaser summary is never taken
for a bio, as it neither opens with the author's name and a bio verb nor comes before the
first headline link.
"""

from __future__ import annotations

from newscrawler.extraction.authors import Author
from newscrawler.extraction.bio_text import (
    MAX_BIO_CHARS,
    MIN_BIO_CHARS,
    bio_sentence_pattern,
    clean_bio,
    looks_like_bio,
    name_variants,
)
from newscrawler.extraction.bios import find_author_boxes, shown_on_page
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.structured import JsonObject, as_list
from newscrawler.extraction.text import clean_text

_PERSON = frozenset({"Person"})
_PROFILE = frozenset({"ProfilePage"})
_PARAGRAPHS = ("p", "div", "dd", "span")
# A link this long after the name is a headline: the author's article list has begun.
_MIN_HEADLINE_CHARS = 20
# Elements after the name looked at for its introduction (a header's worth).
_MAX_FOLLOWING = 200


def extract_profile_bio(doc: Document, name: str) -> str | None:
    """The bio of ``name`` on their profile page ``doc``, or None when it shows none."""
    for source in (_from_jsonld, _from_boxes, _from_paragraphs, _from_introduction, _from_description):
        bio = source(doc, name)
        if bio:
            return bio
    return None


def _names_match(name: str, other: str | None) -> bool:
    if not other:
        return False
    wanted = {variant.casefold() for variant in name_variants(name)}
    found = other.casefold()
    return any(variant == found or variant in found or found in variant for variant in wanted)


def _people(doc: Document) -> list[JsonObject]:
    people = list(doc.structured.objects_of_type(_PERSON))
    for page in doc.structured.objects_of_type(_PROFILE):
        people += [entity for entity in as_list(page.get("mainEntity")) if isinstance(entity, dict)]
    return people


def _from_jsonld(doc: Document, name: str) -> str | None:
    people = _people(doc)
    for person in people:
        described = person.get("description")
        if not isinstance(described, str):
            continue
        if not (_names_match(name, person.get("name")) or len(people) == 1):
            continue
        description = clean_bio(clean_text(described), name)
        if looks_like_bio(description, name) and shown_on_page(doc, description):
            return description
    return None


def _from_boxes(doc: Document, name: str) -> str | None:
    boxes = find_author_boxes(doc, [Author(name=name, bio=None, url=doc.url)])
    named = [box for box in boxes if _names_match(name, box.name)]
    chosen = named or (boxes if len(boxes) == 1 else [])
    return chosen[0].bio if chosen else None


def _from_paragraphs(doc: Document, name: str) -> str | None:
    pattern = bio_sentence_pattern(name_variants(name))
    for block in doc.tree.iter(*_PARAGRAPHS):
        if next(block.iterdescendants("p", "div"), None) is not None:
            continue
        text = clean_text(text_of(block))
        if MIN_BIO_CHARS <= len(text) <= MAX_BIO_CHARS and pattern.search(text):
            return clean_bio(text, name)
    return None


def _from_introduction(doc: Document, name: str) -> str | None:
    heading = next((h for h in doc.tree.iter("h1") if _names_match(name, clean_text(text_of(h)))), None)
    if heading is None:
        return None
    for node in heading.xpath("following::*")[:_MAX_FOLLOWING]:
        if node.tag == "a" and len(clean_text(text_of(node))) >= _MIN_HEADLINE_CHARS:
            return None  # the article list begins: no introduction before it
        if node.tag in _PARAGRAPHS and next(node.iterdescendants("p", "div"), None) is None:
            text = clean_bio(clean_text(text_of(node)), name)
            if looks_like_bio(text, name):
                return text
    return None


def _from_description(doc: Document, name: str) -> str | None:
    description = doc.meta("og:description", "description")
    if not description:
        return None
    text = clean_bio(clean_text(description), name)
    named = any(variant.casefold() in text.casefold() for variant in name_variants(name))
    return text if named and looks_like_bio(text, name) else None
