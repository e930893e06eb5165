"""Matching class/id vocabularies against elements.

Themes spell one idea many ways (``author-bio``, ``author_bio``, ``c-author__bio``,
``AuthorBio-container-3xY``): names are lower-cased, ``_`` read as ``-``, and a token
matches when it sits between word boundaries (start, end, space, ``-``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import lxml.html
from lxml import etree

_CLASS_AND_ID = etree.XPath("//@class | //@id")


@dataclass(frozen=True)
class TokenPattern:
    """A class/id vocabulary compiled twice: for one element's names, and for a page's
    names one per line (:class:`ClassNames`), where each name follows a line break and the
    regex can open on a character class, which ``re`` scans for quickly."""

    in_names: re.Pattern[str]
    in_lines: re.Pattern[str]

    def search(self, names: str) -> re.Match[str] | None:
        """A token in ``names`` (see :func:`names_of`)."""
        return self.in_names.search(names)


def token_pattern(tokens: Iterable[str], *, prefix: bool = False) -> TokenPattern:
    """A regex finding any of ``tokens`` as a whole word part (or a word prefix with ``prefix``).

    >>> bool(token_pattern(["author-bio"]).search(names_of_attrs("c-author-bio__text", "")))
    True
    >>> bool(token_pattern(["related"], prefix=True).search(names_of_attrs("relatedposts", "")))
    True
    >>> bool(token_pattern(["related"]).search(names_of_attrs("relatedposts", "")))
    False
    >>> bool(token_pattern(["author-description"]).search(names_of_attrs("entry-author__description", "")))
    True
    """
    # BEM names double the separator ("entry-author__description" reads "author--description"):
    # a hyphen of a token matches a run of them.
    alternatives = _trie(set(tokens)).replace(r"\-", "-+")
    end = "" if prefix else r"(?=$|[\s-])"
    return TokenPattern(
        in_names=re.compile(rf"(?:^|[\s-]){alternatives}{end}"),
        in_lines=re.compile(rf"[\s-]{alternatives}{end}"),
    )


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` that branches on one character at a time.

    ``re`` tries a flat alternation's branches one after the other at every position; here
    the next character picks the branch. The words matched are the same.

    >>> _trie(["ad", "ads", "adv", "bio"])
    '(?:a(?:d(?:s|v)?)|b(?:i(?:o)))'
    """
    rests: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            rests.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    if not rests:
        return ""
    branches = "|".join(re.escape(first) + _trie(rest) for first, rest in sorted(rests.items()))
    return f"(?:{branches})?" if ends_here else f"(?:{branches})"


def names_of_attrs(class_: str | None, id_: str | None) -> str:
    return f"{class_ or ''} {id_ or ''}".lower().replace("_", "-").strip()


def names_of(element: Any) -> str:
    """The element's class and id, normalized for :func:`token_pattern`."""
    return names_of_attrs(element.get("class"), element.get("id"))


def has_class_word(element: Any, words: Iterable[str]) -> bool:
    """Exact class words only: ``hidden`` must not match ``hidden-xs`` (hidden on phones)."""
    classes = set((element.get("class") or "").lower().split())
    return any(word in classes for word in words)


class ClassNames:
    """A page's class and id values, read once and matched in one pass per vocabulary.

    Several field functions look for their vocabulary in every class and id of the page.
    Asking lxml for the attributes once, and running each table's regex once over all
    values joined into one string, replaces thousands of per-element Python calls.

    A value matches as it would alone: vocabulary tokens hold no white space, so no match
    runs across the line break that separates two values. An element's class and id match
    as :func:`names_of` joins them, for the same reason.
    """

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        # lxml "smart" strings: each value knows its element (getparent()).
        self._values: list[Any] = _CLASS_AND_ID(tree)
        lowered = [value.lower() for value in self._values]
        # A line break before every value, the first too: see TokenPattern.in_lines.
        self._lowered = "".join(f"\n{value}" for value in lowered)
        # "_" -> "-" keeps every offset, so both strings share one table of value starts.
        self._normalized = self._lowered.replace("_", "-")
        self._starts = list(accumulate((len(value) + 1 for value in lowered), initial=0))

    def values_matching(self, tokens: TokenPattern) -> list[Any]:
        """The values holding one of ``tokens`` (as :func:`names_of` normalizes them), in
        document order."""
        return self._values_with(tokens.in_lines, self._normalized)

    def values_containing(self, pattern: re.Pattern[str]) -> list[Any]:
        """The values, lower-cased, in which ``pattern`` matches, in document order."""
        return self._values_with(pattern, self._lowered)

    def elements_matching(self, tokens: TokenPattern) -> list[lxml.html.HtmlElement]:
        """Elements whose class or id holds one of ``tokens``, in document order."""
        return _parents(self.values_matching(tokens))

    def elements_containing(self, pattern: re.Pattern[str]) -> list[lxml.html.HtmlElement]:
        """Elements whose lower-cased class or id ``pattern`` matches in, in document order."""
        return _parents(self.values_containing(pattern))

    def _values_with(self, pattern: re.Pattern[str], text: str) -> list[Any]:
        found: dict[int, None] = {}
        for match in pattern.finditer(text):
            # A match may open on the line break before its value, never end on one;
            # value i's line break is at offset starts[i].
            found[bisect_right(self._starts, match.end() - 1) - 1] = None
        return [self._values[index] for index in found]


def _parents(values: list[Any]) -> list[lxml.html.HtmlElement]:
    return list(dict.fromkeys(value.getparent() for value in values))
