"""The bio inside an author box, and bio sentences beside the byline.

A bio is sentence-like text about the author: six words or more, ending like a sentence
or opening with "<name> is/ist/est/…". A byline ("By Jane Doe | 3 May 2024"), a name, a
list of social links or a call to action is not a bio.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from newscrawler.extraction.document import loose_text, text_of
from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    AUTHOR_ABOUT_PREFIXES,
    AUTHOR_BOX_LABELS,
    BIO_CALLS_TO_ACTION,
    BIO_DISCLAIMERS,
    BIO_VERBS,
    BYLINE_PREFIXES,
)

MIN_BIO_CHARS = 30
MIN_BIO_WORDS = 6
# A bio of one short sentence, taken only from a paragraph of its own in an author box.
MIN_SHORT_BIO_CHARS = 15
MIN_SHORT_BIO_WORDS = 3
MAX_SHORT_BIO_CHARS = 80
MAX_BIO_CHARS = 1500
_BLOCKS = frozenset({"p", "div", "span", "figcaption", "dd", "section", "blockquote", "li", "td"})
_BLOCK_CHILDREN = frozenset(
    {"p", "div", "figcaption", "dd", "section", "ul", "ol", "table", "h2", "h3", "h4"}
)
_LABEL = re.compile(
    r"^(?:" + alternation(AUTHOR_BOX_LABELS) + r")\b\s*:?\s*",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\s*\b(?:" + alternation(BIO_CALLS_TO_ACTION) + r")\b.*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:" + alternation(BYLINE_PREFIXES) + r")\s",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"\s*\b(?:" + "|".join(re.escape(d) for d in BIO_DISCLAIMERS) + r")\b[^.]*\.?\s*$", re.IGNORECASE
)
_ALL_LINK_SHARE = 0.9
_HANDLE_TAIL = re.compile(r"(?:\s+@\w+)+\s*$")
_SENTENCE_END = re.compile(r"[.!?…»”\")]\s*$")
# A full stop inside the text, before a word that starts a sentence: the text holds at least
# one finished sentence, though its last one has no full stop ("… la realidad en la que vivimos").
_INNER_SENTENCE = re.compile(r"\w{3,}[.!?…]\s+[A-ZÀ-ÞА-Я]")
_VERBS = alternation(BIO_VERBS)
_ABOUT = alternation(AUTHOR_ABOUT_PREFIXES)
_MAX_NAME_OFFSET = 60
_NAME_TO_VERB = re.compile(rf"(?:\s*\([^)]{{0,80}}\))?(?:,[^,.]{{0,80}},)?\s+(?:{_VERBS})\s", re.IGNORECASE)
_NAME_TO_APPOSITION = re.compile(r",\s+[a-zà-ÿąćęłńóśźż]")
_VERB_WORDS = frozenset(v for v in BIO_VERBS if " " not in v)
_CAMEL_JOIN = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")


def box_bio(box: lxml.html.HtmlElement, name: str | None) -> str:
    """The longest bio-like text block of an author box, cleaned; "" when there is none."""
    best = ""
    for text in _block_texts(box):
        text = clean_bio(text, name)
        if len(text) > len(best) and looks_like_bio(text, name):
            best = text
    return best or (_short_bio(box, name) if name else "")


def _short_bio(box: lxml.html.HtmlElement, name: str) -> str:
    """A one-line bio ("Senior editor at Gizmodo."): in a box that names its author, a
    paragraph of its own that is a finished sentence of a few words. Too short for
    ``looks_like_bio``, so only the box's own evidence lets it in."""
    for paragraph in box.iter("p"):
        text = clean_text(text_of(paragraph))
        if _is_all_link(paragraph, text):
            continue
        text = clean_bio(text, name)
        one_line = MIN_SHORT_BIO_CHARS <= len(text) <= MAX_SHORT_BIO_CHARS
        sentence = len(text.split()) >= MIN_SHORT_BIO_WORDS and text.endswith(".")
        # Not a byline ("By Jane Doe, staff writer."), which also names the author.
        if one_line and sentence and not _BYLINE.match(text) and name.casefold() not in text.casefold():
            return text
    return ""


def clean_bio(text: str, name: str | None) -> str:
    """Without the box label ("About the author:", "Über Jane Doe"), trailing handles and
    calls to action ("View all posts by …")."""
    text = _LABEL.sub("", text)
    if name:
        text = re.sub(rf"^(?:{_ABOUT})\s+{re.escape(name)}\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = _CALL_TO_ACTION.sub("", text)
    text = _DISCLAIMER.sub("", text)
    return _HANDLE_TAIL.sub("", text).strip(" |·•–—-")


def looks_like_bio(text: str, name: str | None) -> bool:
    if len(text) < MIN_BIO_CHARS or len(text) > MAX_BIO_CHARS or len(text.split()) < MIN_BIO_WORDS:
        return False
    if _BYLINE.match(text) and not _SENTENCE_END.search(text):
        return False
    return bool(
        _SENTENCE_END.search(text)
        or _INNER_SENTENCE.search(text)
        or (name and bio_sentence_pattern([name]).search(text) is not None)
    )


class BioSentencePattern:
    """ "<name> (optional aside) is/ist/est … " near the start of a paragraph.

    Two regexes: the names' one is built per page and small; the verb table's one is
    large and compiled once (compiling it per page cost more than all the matching).

    >>> BioSentencePattern(["Jane Doe"]).search("Jane Doe (right) is a reporter covering science.")
    'Jane Doe (right) is '
    >>> BioSentencePattern(["Jane Doe"]).search("Jane Doe says it is late.") is None
    True
    >>> BioSentencePattern(["Ewa Nowak"]).search("Ewa Nowak, dziennikarka i badaczka historii.")
    'Ewa Nowak, d'
    """

    def __init__(self, names: Iterable[str]) -> None:
        ordered = sorted({n for n in names if n}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in ordered)
        # Where a name starts (a lookahead finds overlapping starts), then which name it is.
        self._starts = re.compile(rf"\b(?=(?:{alternatives}))", re.IGNORECASE) if ordered else None
        self._names = [re.compile(re.escape(n), re.IGNORECASE) for n in ordered]

    def search(self, text: str) -> str | None:
        """The opening from the start through the verb, or None."""
        if self._starts is None:
            return None
        for start in self._starts.finditer(text):
            if start.start() > _MAX_NAME_OFFSET:
                break
            for name in self._names:
                found = name.match(text, start.start())
                verb = _NAME_TO_VERB.match(text, found.end()) if found else None
                if verb:
                    return text[: verb.end()]
                # "<Full Name>, <what they are>": a bio in apposition, the way Polish,
                # Italian or Spanish sites write them; only a paragraph that opens with it.
                if found and start.start() == 0 and " " in found.group(0):
                    apposition = _NAME_TO_APPOSITION.match(text, found.end())
                    if apposition:
                        return text[: apposition.end()]
        return None


def bio_sentence_pattern(names: Iterable[str]) -> BioSentencePattern:
    return BioSentencePattern(names)


def name_in_bio(bio: str) -> str | None:
    """The name a bio opens with ("Marta Zielińska jest dziennikarką …" → "Marta Zielińska").

    >>> name_in_bio("Jane van Doe is a reporter covering the courts.")
    'Jane van Doe'
    """
    words = bio.split()
    for end in range(2, min(len(words), 6)):
        if words[end].lower() in _VERB_WORDS:
            name = words[:end]
            if name[0][:1].isupper() and name[-1][:1].isupper():
                return " ".join(name)
            return None
    return None


def name_variants(name: str) -> list[str]:
    """The name and, for text glued by markup ("Jeff FoustMonday"), its first two or three words."""
    words = _CAMEL_JOIN.sub(" ", name).split()
    variants = [name]
    if len(words) >= 3 or words != name.split():
        variants += [" ".join(words[:3]), " ".join(words[:2])]
    return [v for v in dict.fromkeys(variants) if len(v.split()) >= 2 or v == name]


def _block_texts(element: lxml.html.HtmlElement) -> Iterable[str]:
    """Texts of blocks holding no other block (a bio paragraph, not the box around it), and
    the loose text of the others (a bio written straight into the box, beside its picture)."""
    for node in element.iter():
        if node.tag not in _BLOCKS and node is not element:
            continue
        if not any(inner.tag in _BLOCK_CHILDREN for inner in node.iterdescendants()):
            text = clean_text(text_of(node))
            # A block that is all link is a teaser headline ("latest from this author"),
            # not a bio, however sentence-like it reads.
            if not _is_all_link(node, text):
                yield text
        else:
            yield clean_text(loose_text(node))


def _is_all_link(node: lxml.html.HtmlElement, text: str) -> bool:
    linked = sum(len(clean_text(text_of(link))) for link in node.iter("a"))
    return bool(text) and linked >= _ALL_LINK_SHARE * len(text)
