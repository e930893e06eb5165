"""Author names and profile URLs (bios are attached by :mod:`bios`).

Cascade: JSON-LD ``author`` Person objects → microdata/``rel=author`` links → byline
text ("By …", "Par …") → ``<meta name=author>``. Organizations are kept only when no
person is named.
"""

from __future__ import annotations

import re
from typing import Any, TypedDict

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.structured import (
    as_list,
    has_type,
    resolve_reference,
)
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    AUTHOR_JOINERS,
    AUTHOR_NOISE_WORDS,
    BYLINE_PREFIXES,
    ORGANIZATION_TYPES,
)


class Author(TypedDict):
    name: str
    bio: str | None
    url: str | None


_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DATE_TAIL = re.compile(
    r"\s*(?:[,|•·–-]|\bon\b|\ble\b|\bam\b|\bel\b)?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*$|\s*\b\d{1,2}:\d{2}.*$"
)
_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True)) + r")\b\s*:?\s*",
    re.IGNORECASE,
)
_JOINER = re.compile(
    r"\s*(?:,|;|\s(?:" + "|".join(re.escape(j) for j in AUTHOR_JOINERS) + r")\s)\s*", re.IGNORECASE
)
_NOISE = re.compile(
    r"[,|/–—-]?\s*\b(?:" + "|".join(re.escape(w) for w in AUTHOR_NOISE_WORDS) + r")\b\.?$",
    re.IGNORECASE,
)
_BYLINE_XPATH = (
    '//*[@itemprop="author"]//*[@itemprop="name"] | //*[@itemprop="author" and not(.//*[@itemprop="name"])]'
    ' | //a[contains(concat(" ", normalize-space(@rel), " "), " author ")]'
)
_BYLINE_CLASS_XPATH = (
    '//*[contains(@class, "byline") or contains(@class, "author-name") or contains(@class, "article-author")'
    ' or contains(@class, "entry-author") or contains(@class, "post-author-name")]'
)


def extract_authors(doc: Document) -> list[Author]:
    for source in (_from_jsonld, _from_markup, _from_byline_text, _from_meta):
        authors = _deduplicate(source(doc))
        if authors:
            return authors
    return []


def _from_jsonld(doc: Document) -> list[Author]:
    article = doc.structured.article
    if not article:
        return []
    people: list[Author] = []
    organizations: list[Author] = []
    for entry in as_list(article.get("author")) + as_list(article.get("creator")):
        entry = resolve_reference(entry, doc.structured.jsonld)
        if isinstance(entry, str):
            people.extend(_author(name, None) for name in split_names(entry))
        elif isinstance(entry, dict):
            name = entry.get("name")
            if not isinstance(name, str) or not clean_author_name(name):
                continue
            url = _url_of(entry, doc.url)
            target = organizations if has_type(entry, ORGANIZATION_TYPES) else people
            target.extend(_author(n, url) for n in split_names(name))
    return people or organizations


def _from_markup(doc: Document) -> list[Author]:
    authors: list[Author] = []
    for element in doc.tree.xpath(_BYLINE_XPATH):
        href = element.get("href") if element.tag == "a" else None
        url = absolute_url(doc.url, href) if href else None
        authors.extend(_author(name, url) for name in split_names(text_of(element)))
    return authors


def _from_byline_text(doc: Document) -> list[Author]:
    for element in doc.tree.xpath(_BYLINE_CLASS_XPATH):
        text = clean_text(text_of(element))
        if not text or len(text) > 120:
            continue
        links = [a for a in element.iter("a") if clean_text(text_of(a))]
        if links:
            return [
                _author(clean_text(text_of(a)), absolute_url(doc.url, a.get("href", "")))
                for a in links
                if clean_author_name(text_of(a))
            ]
        return [_author(name, None) for name in split_names(text)]
    return []


def _from_meta(doc: Document) -> list[Author]:
    value = doc.meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
    if not value or value.startswith("http"):
        return []
    return [_author(name, None) for name in split_names(value)]


def _author(name: str, url: str | None) -> Author:
    return {"name": clean_author_name(name), "bio": None, "url": url}


def _url_of(entry: dict[str, Any], base: str) -> str | None:
    url = entry.get("url") or entry.get("@id") or entry.get("sameAs")
    if isinstance(url, list):
        url = next((u for u in url if isinstance(u, str)), None)
    if isinstance(url, str) and url.strip() and not url.startswith("#"):
        return absolute_url(base, url)
    return None


def split_names(text: str) -> list[str]:
    """Several names from one byline.

    >>> split_names("By Jane Doe and John Smith")
    ['Jane Doe', 'John Smith']
    >>> split_names("Par Marie Curie et Paul Langevin, le 3 mai 2024")
    ['Marie Curie', 'Paul Langevin']
    """
    text = clean_text(text)
    text = _PREFIX.sub("", text)
    text = _EMAIL.sub("", text)
    names = [clean_author_name(part) for part in _JOINER.split(text)]
    return [n for n in names if n]


def clean_author_name(name: str) -> str:
    """A bare person name: no byline prefix, role, date or e-mail.

    >>> clean_author_name("By Jane Doe, Staff Writer")
    'Jane Doe'
    """
    name = clean_text(name)
    name = _PREFIX.sub("", name)
    name = _EMAIL.sub("", name)
    name = _DATE_TAIL.sub("", name)
    previous = None
    while previous != name:
        previous = name
        name = _NOISE.sub("", name).strip(" ,;|-–—:")
    if not name or len(name) > 60 or len(name.split()) > 6 or not any(ch.isalpha() for ch in name):
        return ""
    return name


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
