"""Page-level metadata: canonical URL, description (standfirst) and lead image."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.structured import first_string
from newscrawler.extraction.text import clean_text


def extract_canonical_url(doc: Document) -> str | None:
    """``<link rel=canonical>``, then og:url, resolved against the page URL."""
    for href in doc.tree.xpath(
        '//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'
    ):
        if href.strip():
            return absolute_url(doc.base_url, href) or None
    og_url = doc.meta("og:url")
    return (absolute_url(doc.base_url, og_url) or None) if og_url else None


def extract_description(doc: Document) -> str | None:
    """The standfirst: JSON-LD description, og/meta description, then a lead-paragraph class."""
    article = doc.structured.article or {}
    candidate = first_string(article.get("description")) or doc.meta(
        "og:description", "description", "twitter:description", "dc.description"
    )
    if candidate:
        return clean_text(candidate) or None
    for element in doc.tree.xpath(
        '//*[contains(@class, "excerpt") or contains(@class, "standfirst") '
        'or contains(@class, "lead") or contains(@class, "chapo") or contains(@class, "intro")]'
    ):
        text = clean_text(text_of(element))
        if 40 <= len(text) <= 600:
            return text
    return None


def extract_image(doc: Document) -> str | None:
    """The lead image: og:image, JSON-LD image, twitter:image, then the first article figure.

    Only an http(s) URL counts: lazy-loading themes put ``data:`` placeholders in ``src``.

    >>> from newscrawler.extraction.document import parse_document
    >>> extract_image(parse_document('<html><body><article><img src="data:image/svg+xml,x">'
    ...                              '<img src="/lead.jpg"></article></body></html>', "https://ex.com/a"))
    'https://ex.com/lead.jpg'
    """
    article = doc.structured.article or {}
    declared = [
        doc.meta("og:image", "og:image:url", "og:image:secure_url"),
        first_string(article.get("image")),
        doc.meta("twitter:image", "twitter:image:src"),
    ]
    shown = doc.tree.xpath("//article//img/@src | //main//img/@src | //figure//img/@src")
    for candidate in [*declared, *shown]:
        url = absolute_url(doc.base_url, str(candidate)) if candidate else ""
        if url.startswith(("http://", "https://")):
            return url
    return None


def absolute_url(base: str, href: str) -> str:
    """``href`` resolved against ``base``; "" when it is no URL at all.

    >>> absolute_url("https://example.com/a/b", "../c"), absolute_url("https://example.com/", "https://[menu]/x")
    ('https://example.com/c', '')
    """
    href = clean_text(href)
    # Brackets mark an IPv6 host; anything else in them ("https://[ccpa-preferences]", a
    # template placeholder) makes urlsplit raise, and one such link must not fail the page.
    if "[" in href:
        try:
            urlsplit(urljoin(base, href))
        except ValueError:
            return ""
    # Most links on a page are absolute already; urljoin would only re-split and re-join them.
    if href.startswith(("https://", "http://")):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        # Malformed on the page ("http://[not-an-ip]/"): no usable URL.
        return ""
