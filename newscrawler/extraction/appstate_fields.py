"""The article's other fields in app state: title, description, authors and dates.

Read from the object whose body was taken (:mod:`appstate`), by key tables
(``vocabulary.APP_STATE_*_KEYS``), most specific key first. Authors keep their profile
link, so that the author pages step can read their bios; dates may be ISO strings or Unix
times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newscrawler.extraction.appstate_text import Dereference, key_of, string_paragraphs
from newscrawler.extraction.authors import Author, clean_author_name, split_names
from newscrawler.extraction.dates import normalize_iso_date
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    APP_STATE_AUTHOR_KEYS,
    APP_STATE_DESCRIPTION_KEYS,
    APP_STATE_MODIFIED_KEYS,
    APP_STATE_PERSON_LINK_KEYS,
    APP_STATE_PERSON_NAME_KEYS,
    APP_STATE_PUBLISHED_KEYS,
    APP_STATE_TITLE_KEYS,
)

_PERSON_PARTS = (("firstname", "givenname"), ("lastname", "familyname", "surname"))


@dataclass(frozen=True)
class StateArticle:
    """The article read from app state; fields the object lacks are None or empty."""

    body: str
    title: str | None
    description: str | None
    authors: list[Author]
    """Names, and profile links where the state has them; bios are left to the HTML."""
    published_at: str | None
    modified_at: str | None


def _fields(obj: dict[str, Any]) -> dict[str, Any]:
    return {key_of(key): value for key, value in obj.items()}


def read_fields(
    body: str,
    objects: list[dict[str, Any]],
    is_headline: Callable[[str], bool],
    dereference: Dereference,
    base_url: str,
) -> StateArticle:
    """The article of ``body``: each other field from the first of ``objects`` (the one the
    body was read from, then the one naming the headline) that has it."""
    keyed = [_fields(obj) for obj in objects]

    def first(keys: Iterable[str], read: Any) -> Any:
        for fields in keyed:
            for key in keys:
                value = read(dereference(fields.get(key)))
                if value:
                    return value
        return None

    return StateArticle(
        body=body,
        title=first(
            APP_STATE_TITLE_KEYS,
            lambda v: clean_text(v) if isinstance(v, str) and is_headline(v) else None,
        ),
        description=first(APP_STATE_DESCRIPTION_KEYS, _plain_text),
        authors=first(APP_STATE_AUTHOR_KEYS, lambda v: _authors(v, dereference, base_url)) or [],
        published_at=first(APP_STATE_PUBLISHED_KEYS, _date),
        modified_at=first(APP_STATE_MODIFIED_KEYS, _date),
    )


def _plain_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_text(" ".join(string_paragraphs(value) or [value])) or None


def _authors(value: Any, dereference: Dereference, base_url: str, depth: int = 0) -> list[Author]:
    """Authors from a string of names, a person object (with its profile link) or a list."""
    value = dereference(value)
    if isinstance(value, str):
        return [Author(name=name, bio=None, url=None) for name in split_names(value)]
    if isinstance(value, list) and depth < 3:
        unique: dict[str, Author] = {}
        for member in value:
            for author in _authors(member, dereference, base_url, depth + 1):
                unique.setdefault(author["name"].casefold(), author)
        return list(unique.values())
    if not isinstance(value, dict):
        return []
    fields = _fields(value)
    name = next((fields[k] for k in APP_STATE_PERSON_NAME_KEYS if isinstance(fields.get(k), str)), None)
    if name is None:
        name = " ".join(
            next((fields[k] for k in keys if isinstance(fields.get(k), str)), "") for keys in _PERSON_PARTS
        )
    name = clean_author_name(name)
    if not name:
        return []
    link = next((fields[k] for k in APP_STATE_PERSON_LINK_KEYS if isinstance(fields.get(k), str)), None)
    return [Author(name=name, bio=None, url=(absolute_url(base_url, link) or None) if link else None)]


def _date(value: Any) -> str | None:
    """An ISO date string, or a Unix time in seconds or milliseconds."""
    if isinstance(value, str):
        return normalize_iso_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value >= 1e11 else value
        if 1e8 <= seconds < 1e10:
            return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
    return None
