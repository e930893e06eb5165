"""Regex alternations built from the vocabulary tables."""

from __future__ import annotations

import re


def alternation(*tables: tuple[str, ...] | dict[str, int]) -> str:
    """The words of ``tables`` as a regex alternation, escaped, longest first.

    ``re`` takes the first alternative that matches, so a longer word must come before a
    word it starts with ("Lesen Sie auch" before "Lesen"). Words of equal length cannot
    both match at one place, so their order does not matter.

    >>> alternation(("Lesen", "Lesen Sie auch"), ("a.m.",))
    'Lesen\\\\ Sie\\\\ auch|Lesen|a\\\\.m\\\\.'
    """
    words = {word for table in tables for word in table}
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
