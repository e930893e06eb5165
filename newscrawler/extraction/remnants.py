"""What is left of a teaser block after trafilatura removed its links.

trafilatura drops link lists, but often keeps the heading that introduced one ("Mehr
Themen:", "Lesen Sie auch die folgenden Beiträge:") as the body's last paragraph, the
short titles when they were not links, and "read also" lines set inside the text ("Le
puede interesar: <other headline>"). None of them is the article's text.
"""

from __future__ import annotations

import re

from newscrawler.extraction.patterns import alternation
from newscrawler.extraction.vocabulary import READ_ALSO_LABELS, RELATED_HEADINGS, TEASER_HEADINGS

_TEASER_HEADING = re.compile(rf"^(?:{alternation(RELATED_HEADINGS, TEASER_HEADINGS)})\b", re.IGNORECASE)
_READ_ALSO_LINE = re.compile(
    rf"^(?:{alternation(READ_ALSO_LABELS, RELATED_HEADINGS, TEASER_HEADINGS)})\s*:", re.IGNORECASE
)
# A heading is a short line; the titles of a teaser list are short lines too.
_HEADING_CHARS = 100
_READ_ALSO_CHARS = 200
# The teaser block sits in the body's last few paragraphs, never in its first half.
_TAIL_PARAGRAPHS = 8


def without_remnants(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without read-also lines and without a teaser heading (and its titles) at the end.

    >>> without_remnants(["Story text.", "Le puede interesar: Other story", "More text.", "Mehr Themen:"])
    ['Story text.', 'More text.']
    >>> without_remnants(["Story text.", "The report is here:"])
    ['Story text.', 'The report is here:']
    >>> without_remnants(["Story.", "Text.", "Weitere Beiträge aus der Kolumne:", "Title one", "Title two"])
    ['Story.', 'Text.']
    >>> without_remnants(["Story.", "Text.", "You may also like...", "Title one", "Title two"])
    ['Story.', 'Text.']
    """
    kept = [p for p in paragraphs if not looks_like_read_also_line(p)]
    start = max(len(kept) // 2, len(kept) - _TAIL_PARAGRAPHS)
    for index in range(start, len(kept)):
        if looks_like_teaser_heading(kept[index]) and all(len(p) <= _HEADING_CHARS for p in kept[index:]):
            kept = kept[:index]
            break
    return kept


def looks_like_read_also_line(paragraph: str) -> bool:
    """A short line opened by a "read also" label and a colon."""
    return len(paragraph) <= _READ_ALSO_CHARS and bool(_READ_ALSO_LINE.match(paragraph))


def looks_like_teaser_heading(paragraph: str) -> bool:
    """A short line opened by a related-block heading, not a sentence ending in a full stop."""
    return (
        len(paragraph) <= _HEADING_CHARS
        and not _ends_a_sentence(paragraph)
        and bool(_TEASER_HEADING.match(paragraph))
    )


def _ends_a_sentence(paragraph: str) -> bool:
    # An ellipsis ("You may also like...") leads on to what follows; a full stop ends.
    return paragraph.endswith(".") and not paragraph.endswith(("..", "…"))
