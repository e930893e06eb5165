"""Structured data embedded in a page: JSON-LD objects and ``<meta>`` tags.

extruct parses every syntax through rdflib and costs more than the rest of extraction
together; the fields we need come from JSON-LD and meta tags, read here directly with a
tolerant JSON reader (real pages ship trailing commas, comments and raw newlines).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from newscrawler.extraction.vocabulary import ARTICLE_TYPES

JsonObject = dict[str, Any]

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f]")


@dataclass(frozen=True)
class StructuredData:
    """What a page says about itself, as opposed to what it shows."""

    jsonld: list[JsonObject] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def article(self) -> JsonObject | None:
        """The JSON-LD object describing the article itself, if any."""
        for obj in self.jsonld:
            if has_type(obj, ARTICLE_TYPES):
                return obj
        return None

    def objects_of_type(self, types: frozenset[str]) -> Iterator[JsonObject]:
        return (obj for obj in self.jsonld if has_type(obj, types))


def read_structured_data(tree: lxml.html.HtmlElement, url: str) -> StructuredData:
    return StructuredData(jsonld=list(_jsonld_objects(tree)), meta=_meta_tags(tree))


def has_type(obj: JsonObject, types: frozenset[str]) -> bool:
    declared = obj.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return any(isinstance(name, str) and name.split("/")[-1] in types for name in names)


def _jsonld_objects(tree: lxml.html.HtmlElement) -> Iterator[JsonObject]:
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        data = _loads_tolerant(script.text or "")
        yield from _flatten(data)


def _loads_tolerant(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    if not text:
        return None
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL_CHARS.sub(" ", text))):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


def _flatten(data: Any, depth: int = 0) -> Iterator[JsonObject]:
    """Top-level objects, lists of them and ``@graph`` members, in document order."""
    if depth > 4:
        return
    if isinstance(data, list):
        for member in data:
            yield from _flatten(member, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        if "@type" in data:
            yield data
            # Some sites nest the article under WebPage.mainEntity.
            main = data.get("mainEntity") or data.get("mainEntityOfPage")
            if isinstance(main, dict) and "@type" in main:
                yield from _flatten(main, depth + 1)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            # The first occurrence wins: later duplicates come from widgets and embeds.
            meta.setdefault(key.strip().lower(), content.strip())
    return meta


def resolve_reference(obj: Any, graph: list[JsonObject]) -> Any:
    """Follow an ``{"@id": …}`` reference into the page's ``@graph``."""
    if isinstance(obj, dict) and set(obj) == {"@id"}:
        for candidate in graph:
            if candidate.get("@id") == obj["@id"]:
                return candidate
    return obj


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first_string(value: Any) -> str | None:
    """A JSON-LD value that may be a string, a list, or an object with ``name``/``url``/``@value``."""
    for item in as_list(value):
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            for key in ("@value", "name", "url", "contentUrl"):
                inner = item.get(key)
                if isinstance(inner, str) and inner.strip():
                    return inner.strip()
    return None
