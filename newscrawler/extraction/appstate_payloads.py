"""The app state a page embeds: every JSON payload a JavaScript framework left in it.

Found in ``<script type="application/json">`` elements (Next.js ``__NEXT_DATA__``, Nuxt 3
``__NUXT_DATA__`` in devalue's flat form, SvelteKit's ``data-sveltekit-fetched`` responses,
and any other) and in inline scripts that assign a global (``window.__APOLLO_STATE__ =
{…}``, ``__INITIAL_STATE__``, ``__PRELOADED_STATE__``, ``__NUXT__``), as a literal or as
``JSON.parse("…")``; and how to follow the references inside one (devalue's indices,
Apollo's ``__ref``). Most pages hold none: a substring test rules them out before any
parsing. Malformed payloads are absent, never an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from newscrawler.extraction.appstate_text import Dereference
from newscrawler.extraction.document import Document
from newscrawler.extraction.jsliteral import read_js_literal, read_js_string
from newscrawler.extraction.vocabulary import APP_STATE_VARIABLES

# Above this, a payload is a whole store or a data dump, not one page's state: parsing it
# would cost more than the rest of the extraction.
MAX_PAYLOAD_CHARS = 5_000_000
# Deeper than this, a devalue or Apollo reference chain is a cycle or a pathological page.
MAX_DEPTH = 64

# What every state page holds: a JSON script's type, or part of a state global's name. Few
# and short, since each is a scan of the whole page when it is absent (most pages).
_MARKERS = ("application/json", *sorted({name[-8:] for name in APP_STATE_VARIABLES}))
# An assignment to one of the globals ("window.__X__ =", "var __X__=", "__X__ ="), not a
# comparison. It starts with the name itself: a pattern that starts with an alternation of
# prefixes is tried at every position of the script, ten times slower.
_ASSIGNMENT = re.compile(rf"(?:{'|'.join(re.escape(name) for name in APP_STATE_VARIABLES)})\s*=(?!=)\s*")
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*")
_SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")
# Scripts that may hold state, chosen in C: JSON ones, and those naming a state global.
_CANDIDATE_SCRIPTS = etree.XPath(
    "//script[contains(@type, 'json') or "
    + " or ".join(f"contains(., '{marker}')" for marker in _MARKERS[1:])
    + "]"
)
# devalue's tags for values that are not plain objects or arrays.
_DEVALUE_WRAPPERS = frozenset(
    {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef"}
)


def has_app_state(html: str) -> bool:
    """Whether the page may embed app state: a substring test per marker, no parsing."""
    return any(marker in html for marker in _MARKERS)


def has_state_scripts(doc: Document) -> bool:
    """Whether the page has a script that may hold state (a JSON one, or one naming a state
    global): surer than :func:`has_app_state`, which a ``<link type="application/json">``
    satisfies, and dearer."""
    return has_app_state(doc.html) and bool(_CANDIDATE_SCRIPTS(doc.tree))


def find_payloads(
    doc: Document, min_chars: int = 0, may_hold: Callable[[str], bool] | None = None
) -> list[Any]:
    """The page's app-state payloads as Python data, in document order.

    A payload whose source text is shorter than ``min_chars`` is skipped unparsed: its
    text cannot be longer than its source, so it cannot hold that much article. So is one
    whose source ``may_hold`` rejects (a quick text test). Callers test
    :func:`has_app_state` first, which rules out most pages for less.
    """
    payloads = []
    for source, read in _sources(doc):
        if min_chars <= len(source) <= MAX_PAYLOAD_CHARS and (may_hold is None or may_hold(source)):
            data = read(source)
            if data is not None:
                payloads.append(data)
    return payloads


def _sources(doc: Document) -> Iterator[tuple[str, Any]]:
    """(script text, the function that reads it) for each script that may hold state."""
    for script in _CANDIDATE_SCRIPTS(doc.tree):
        text = script.text or ""
        kind = (script.get("type") or "").strip().lower()
        if "json" in kind and "ld+json" not in kind:
            if script.get("id") == "__NUXT_DATA__" or script.get("data-nuxt-data") is not None:
                yield text, _read_devalue
            elif script.get("data-sveltekit-fetched") is not None:
                yield text, _read_fetched_response
            else:
                yield text, _read_json
        elif kind in _SCRIPT_TYPES and any(name in text for name in APP_STATE_VARIABLES):
            yield text, _read_assignments


def _read_json(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _read_fetched_response(text: str) -> Any:
    """A SvelteKit server fetch replayed to the client: the JSON response is a string in ``body``."""
    response = _read_json(text)
    if isinstance(response, dict) and isinstance(response.get("body"), str):
        return _read_json(response["body"])
    return response


def _read_assignments(text: str) -> Any:
    """The values assigned to the state globals in an inline script (a list when several)."""
    values = [
        value for match in _ASSIGNMENT.finditer(text) if (value := _value_at(text, match.end())) is not None
    ]
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def _value_at(text: str, position: int) -> Any:
    """The JavaScript value that starts at ``position``, when it is data."""
    call = _JSON_PARSE.match(text, position)
    if call is not None:
        # JSON.parse("…"): a string literal whose content is the JSON.
        literal = read_js_string(text, call.end())
        return _read_json(literal) if literal is not None else None
    if text[position : position + 1] not in ("{", "["):
        # Nuxt 2's "(function(a,b,…){return {…}}(…))" names its values as parameters: only a
        # JavaScript engine can fill them in, so that form is skipped.
        return None
    try:
        return json.JSONDecoder(strict=False).raw_decode(text, position)[0]
    except ValueError:
        return read_js_literal(text, position)


def _read_devalue(text: str) -> Any:
    """Nuxt 3's payload: devalue's flat array, where objects and arrays hold indices into it."""
    values = _read_json(text)
    if not isinstance(values, list) or not values:
        return None
    resolved: dict[int, Any] = {}

    def resolve(index: Any, depth: int) -> Any:
        # Negative indices are devalue's constants (undefined, NaN, holes…): no text there.
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(values):
            return None
        if index in resolved:
            return resolved[index]
        if depth > MAX_DEPTH:
            return None
        value = values[index]
        if isinstance(value, dict):
            result: Any = {}
            resolved[index] = result
            result.update((key, resolve(member, depth + 1)) for key, member in value.items())
        elif isinstance(value, list) and value and isinstance(value[0], str):
            result = _devalue_special(value, lambda member: resolve(member, depth + 1))
            resolved[index] = result
        elif isinstance(value, list):
            result = []
            resolved[index] = result
            result.extend(resolve(member, depth + 1) for member in value)
        else:
            result = value
        return result

    return resolve(0, 0)


def _devalue_special(value: list[Any], resolve: Any) -> Any:
    """A tagged devalue entry: ``["Reactive", i]``, ``["Date", "…"]``, ``["Set", i, …]``…"""
    tag, members = value[0], value[1:]
    if tag in _DEVALUE_WRAPPERS and members:
        return resolve(members[0])
    if tag == "Date" and members:
        return members[0]
    if tag == "Set":
        return [resolve(member) for member in members]
    if tag in ("Map", "null"):
        # Map: key and value indices in turn; "null": an object without prototype, keys inline.
        keys = [resolve(k) if tag == "Map" else k for k in members[0::2]]
        return {str(k): resolve(v) for k, v in zip(keys, members[1::2], strict=False)}
    return None


def dereferencer(payload: Any) -> Dereference:
    """How to follow the payload's references: Apollo's normalised cache holds every object
    once under "Type:id" and points to it with ``{"__ref": "Type:id"}``."""
    caches = list(_apollo_caches(payload, 0))
    if not caches:
        return _same

    def dereference(value: Any) -> Any:
        if isinstance(value, dict) and len(value) <= 3:
            key = value.get("__ref") or (value.get("id") if value.get("type") == "id" else None)
            if isinstance(key, str):
                for cache in caches:
                    if key in cache:
                        return cache[key]
        return value

    return dereference


def _apollo_caches(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict) and depth <= 4:
        if "ROOT_QUERY" in value:
            yield value
            return
        for member in value.values():
            yield from _apollo_caches(member, depth + 1)


def _same(value: Any) -> Any:
    return value
