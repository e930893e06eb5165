"""The headline: ``extract_title``'s cascade, most trustworthy source first."""

from __future__ import annotations

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.structured import first_string
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import TITLE_SEPARATORS


def extract_title(doc: Document) -> str | None:
    """The article headline, without the site name.

    Cascade: a visible h1 that agrees with the declared title (og:title, JSON-LD headline,
    ``<title>``) → the declared title with its site-name suffix removed → the sole h1.
    """
    declared = declared_titles(doc)
    headings = [clean_text(text_of(h)) for h in doc.tree.iter("h1")]
    headings = [h for h in headings if h]
    # 1. A visible headline that one of the declared titles confirms.
    for heading in headings:
        if any(_agrees(heading, title) for title in declared):
            return heading
    # 2. A declared title, cut at the site-name separator.
    for title in declared:
        stripped = strip_site_name(title, doc)
        if stripped:
            return stripped
    # 3. The only h1 on the page.
    if len(headings) == 1:
        return headings[0]
    return None


def declared_titles(doc: Document) -> list[str]:
    """The titles the page declares for itself, most specific first (site names included)."""
    article = doc.structured.article or {}
    candidates = [
        first_string(article.get("headline")),
        doc.meta("og:title", "twitter:title", "dc.title", "title"),
        first_string(article.get("name")),
        clean_text(doc.tree.findtext(".//title")),
    ]
    return [clean_text(c) for c in candidates if c and clean_text(c)]


def _agrees(heading: str, declared: str) -> bool:
    """The declared title is the heading, starts with it, or has it as its longest part.

    The longest part, because the shorter one is the site name (often an h1 logo too).
    """
    heading_lower, declared_lower = heading.casefold(), declared.casefold()
    if heading_lower == declared_lower:
        return True
    if len(heading_lower) >= 10 and declared_lower.startswith(heading_lower):
        return True
    return any(
        heading_lower == max((part.strip() for part in declared_lower.split(separator)), key=len)
        for separator in TITLE_SEPARATORS
        if separator in declared_lower
    )


def strip_site_name(title: str, doc: Document) -> str:
    """Remove a ``| Site Name`` style suffix or prefix from a declared title."""
    site_name = (doc.meta("og:site_name", "application-name") or "").casefold()
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        parts = [p.strip() for p in title.split(separator)]
        # The site name is the shortest end part, or the one equal to og:site_name.
        if site_name and parts[-1].casefold() == site_name:
            return separator.join(parts[:-1]).strip()
        if site_name and parts[0].casefold() == site_name:
            return separator.join(parts[1:]).strip()
        longest = max(parts, key=len)
        if len(longest) >= 0.5 * len(title):
            return longest
    return title
