"""Text normalization shared by every field function.

All extracted text goes through :func:`clean_text` so that the archive never holds
HTML entities, zero-width characters, non-NFC sequences or runs of white space.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Zero-width and bidi control characters that carry no visible text but break matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def clean_text(value: str | None) -> str:
    """One line of text: entities decoded, NFC, invisible characters removed, spaces collapsed.

    >>> clean_text("  Caf&eacute;\u200b  au\\n lait ")
    'Café au lait'
    """
    if not value:
        return ""
    value = html.unescape(value)
    value = _INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    return " ".join(value.split())


def clean_paragraphs(value: str | None) -> str:
    """Multi-paragraph text: each paragraph cleaned, paragraphs joined by one blank line.

    >>> clean_paragraphs("First  line.\\n\\n\\nSecond\\nline.")
    'First line.\\n\\nSecond line.'
    """
    if not value:
        return ""
    paragraphs = (clean_text(part) for part in _BLANK_LINES.split(value))
    return "\n\n".join(p for p in paragraphs if p)


def lines_to_paragraphs(value: str | None) -> str:
    """Turn one-paragraph-per-line text (trafilatura's txt output) into blank-line paragraphs."""
    if not value:
        return ""
    return "\n\n".join(line for line in (clean_text(x) for x in value.splitlines()) if line)


def normalize_spaces_only(value: str) -> str:
    """Collapse horizontal white space but keep line structure (used before splitting)."""
    return _SPACES.sub(" ", value)
