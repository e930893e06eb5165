"""The lead a page announces in its description, and whether the body lost it.

Most pages repeat their first sentences in ``og:description``. When that opening is shown
on the page as bare text (a ``<div>``'s own text, or the tail after a photo box or an ad
slot, in no paragraph) and the body lacks it, the body lost its lead: trafilatura's fast
path drops text that follows a block it removes, while its full path keeps it.
"""

from __future__ import annotations

from lxml import etree

from newscrawler.extraction.document import Document

# Long enough that a match is the same sentence, short enough that a description cut
# with "…" still holds it.
LEAD_CHARS = 60
_BARE_TEXTS = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
    "[parent::div or parent::section or parent::article or parent::td or parent::main]"
)


def announced_lead(doc: Document) -> str | None:
    """The first ``LEAD_CHARS`` characters of the page's description, spaces collapsed."""
    description = doc.meta("og:description", "description", "twitter:description") or ""
    opening = " ".join(description.split())[:LEAD_CHARS]
    return opening if len(opening) == LEAD_CHARS else None


def lost_bare_lead(doc: Document, body: str) -> str | None:
    """The announced lead, when the page shows it as bare text and ``body`` lacks it."""
    lead = announced_lead(doc)
    if lead is None or holds(body, lead):
        return None
    return lead if any(holds(str(text), lead) for text in _BARE_TEXTS(doc.tree)) else None


def holds(text: str, lead: str) -> bool:
    """Whether ``text``, spaces collapsed, contains ``lead``."""
    return lead in " ".join(text.split())
