"""Per-site selectors that win over generic extraction, for sites where it fails."""

from __future__ import annotations

from typing import Any

import lxml.html

from newscrawler.extraction.authors import split_names
from newscrawler.extraction.dates import normalize_iso_date
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.selectors import select
from newscrawler.extraction.text import clean_paragraphs, clean_text


def apply_overrides(
    doc: Document, fields: dict[str, Any], selectors: dict[str, tuple[str, ...]]
) -> dict[str, Any]:
    fields = dict(fields)
    for name, expressions in selectors.items():
        for expression in expressions:
            matches = [
                m if isinstance(m, str) else _element_value(m, name) for m in select(doc.tree, expression)
            ]
            values = [clean_text(v) if name != "body" else v for v in matches if v and v.strip()]
            if values:
                fields[name] = _as_field(doc, name, values)
                break
    return fields


def _element_value(element: lxml.html.HtmlElement, name: str) -> str:
    if name == "image":
        return element.get("src") or element.get("content") or ""
    if name in ("published_at", "modified_at"):
        return element.get("datetime") or element.get("content") or text_of(element)
    if name == "body":
        blocks = element.xpath(".//p | .//h2 | .//h3 | .//li | .//blockquote") or [element]
        return "\n\n".join(text_of(b) for b in blocks)
    return text_of(element)


def _as_field(doc: Document, name: str, values: list[str]) -> Any:
    if name == "authors":
        names = [n for value in values for n in split_names(value)]
        return [{"name": n, "bio": None, "url": None} for n in dict.fromkeys(names)]
    if name == "body":
        return clean_paragraphs("\n\n".join(values))
    if name == "image":
        return absolute_url(doc.base_url, values[0]) or None
    if name in ("published_at", "modified_at"):
        return normalize_iso_date(values[0])
    return values[0]
