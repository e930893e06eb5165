"""Matching class/id vocabularies against elements.

Themes spell one idea many ways (``author-bio``, ``author_bio``, ``c-author__bio``,
``AuthorBio-container-3xY``): names are lower-cased, ``_`` read as ``-``, and a token
matches when it sits between word boundaries (start, end, space, ``-``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def token_pattern(tokens: Iterable[str], *, prefix: bool = False) -> re.Pattern[str]:
    """A regex finding any of ``tokens`` as a whole word part (or a word prefix with ``prefix``).

    >>> bool(token_pattern(["author-bio"]).search(names_of_attrs("c-author-bio__text", "")))
    True
    >>> bool(token_pattern(["related"], prefix=True).search(names_of_attrs("relatedposts", "")))
    True
    >>> bool(token_pattern(["related"]).search(names_of_attrs("relatedposts", "")))
    False
    """
    alternatives = "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))
    end = "" if prefix else r"(?=$|[\s-])"
    return re.compile(rf"(?:^|[\s-])(?:{alternatives}){end}")


def names_of_attrs(class_: str | None, id_: str | None) -> str:
    return f"{class_ or ''} {id_ or ''}".lower().replace("_", "-").strip()


def names_of(element: Any) -> str:
    """The element's class and id, normalized for :func:`token_pattern`."""
    return names_of_attrs(element.get("class"), element.get("id"))


def has_class_word(element: Any, words: Iterable[str]) -> bool:
    """Exact class words only: ``hidden`` must not match ``hidden-xs`` (hidden on phones)."""
    classes = set((element.get("class") or "").lower().split())
    return any(word in classes for word in words)
