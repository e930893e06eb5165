"""Lines of page furniture that trafilatura keeps as paragraphs of the body.

A site's copyright notice, the label of its comment section, the page's own address
printed for print-outs and a machine-readable timestamp sit beside the article text in
many templates, often in the same element; they are never the article's prose.
"""

from __future__ import annotations

import re

from newscrawler.extraction.vocabulary import COMMENT_LABELS, COPYRIGHT_MARKS

# A word ends at a word boundary ("Copyrighted" is no mark); a sign may touch its year.
_COPYRIGHT_MARK = re.compile(
    "^(?:" + "|".join(re.escape(m) + (r"\b" if m[-1].isalnum() else "") for m in COPYRIGHT_MARKS) + ")",
    re.IGNORECASE,
)
# "Copyright" alone opens sentences about copyright law; a notice names a year or a sign.
_YEAR_OR_SIGN = re.compile(r"\b(?:19|20)\d\d\b|[©ⓒ]")
_ISO_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$")
# "Comments", "12 Comments", "Kommentare (3)": the label of the comment section's tab or link.
_COMMENT_LABEL = re.compile(
    r"^\W*\d*\s*(?:" + "|".join(re.escape(label) for label in COMMENT_LABELS) + r")\s*\W*\d*\W*$",
    re.IGNORECASE,
)
# A notice is one short line; a long paragraph opened by "©" is a caption with a story.
_NOTICE_CHARS = 200


def without_notices(paragraphs: list[str], url: str) -> list[str]:
    """``paragraphs`` without copyright notices, comment-section labels, the page's URL, bare timestamps.

    >>> without_notices(["Story.", "https://example.com/a", "Copyright © 2019 Example Inc."], "https://example.com/a")
    ['Story.']
    >>> without_notices(["Story.", "Comments", "12 comments", "Kommentare (3)"], "https://example.com/a")
    ['Story.']
    >>> without_notices(["Copyright law protects the work of authors.", "See https://example.com/b"], "https://example.com/a")
    ['Copyright law protects the work of authors.', 'See https://example.com/b']
    """
    return [
        p
        for p in paragraphs
        if not (looks_like_copyright_notice(p) or _is_page_metadata(p, url) or _COMMENT_LABEL.match(p))
    ]


def looks_like_copyright_notice(paragraph: str) -> bool:
    """A short line opened by a copyright mark and naming a year or a copyright sign.

    >>> looks_like_copyright_notice("copyright Example 2019 - ISSN: 2283-5474")
    True
    >>> looks_like_copyright_notice("Copyright holders were not asked, the court found.")
    False
    """
    if len(paragraph) > _NOTICE_CHARS or not _COPYRIGHT_MARK.match(paragraph):
        return False
    return bool(_YEAR_OR_SIGN.search(paragraph))


def _is_page_metadata(paragraph: str, url: str) -> bool:
    line = paragraph.strip()
    return line.rstrip("/") == url.rstrip("/") or bool(_ISO_TIMESTAMP.match(line))
