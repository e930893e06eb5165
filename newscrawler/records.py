"""Pure functions on article records: normalization and the content hash."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from newscrawler.discovery.urls import canonicalize
from newscrawler.extraction.text import clean_paragraphs, clean_text
from newscrawler.items import BIO_FROM_ARTICLE, BIO_FROM_AUTHOR_PAGE, ArticleRecord


def content_hash(title: str | None, body: str) -> str:
    """sha256 of the normalized title and body: what "the article changed" means.

    Metadata (dates, related teasers) is left out on purpose: a new teaser in the sidebar
    is not a new revision of the article.

    >>> content_hash("T", "B") == content_hash(" T ", "B\\n\\n")
    True
    """
    text = f"{clean_text(title)}\n\n{clean_paragraphs(body)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(url: str, canonical_url: str | None) -> str:
    """What identifies an article across URLs and revisions.

    The declared canonical URL when it is on the page's own host, else the page URL, both
    canonicalized. A canonical pointing to another host is often a syndication source or a
    mistake: it must not merge two different sites' articles.

    >>> article_key("https://ex.com/a?utm_source=x", "https://ex.com/story")
    'https://ex.com/story'
    >>> article_key("https://ex.com/a", "https://other.example/story")
    'https://ex.com/a'
    """
    if canonical_url and urlsplit(canonical_url).hostname == urlsplit(url).hostname:
        return canonicalize(canonical_url)
    return canonicalize(url)


def normalize_record(record: ArticleRecord) -> ArticleRecord:
    """Clean every text field, drop empty and duplicate authors and related items."""
    title = clean_text(record.title) or None
    body = clean_paragraphs(record.body)
    return replace(
        record,
        title=title,
        body=body,
        description=clean_text(record.description) or None,
        authors=_normalize_authors(record.authors),
        related=_normalize_related(record.related),
        language=(record.language or "").lower() or None,
        content_hash=content_hash(title, body),
    )


def _normalize_authors(authors: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    seen: set[str] = set()
    result = []
    for author in authors:
        name = clean_text(author.get("name"))
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        bio = clean_text(author.get("bio")) or None
        result.append(
            {
                "name": name,
                "bio": bio,
                "url": author.get("url") or None,
                "bio_source": _bio_source(author, bio),
            }
        )
    return result


def _bio_source(author: dict[str, str | None], bio: str | None) -> str | None:
    """Where the bio was read: the profile page when the author pages step says so, else the article."""
    if bio is None:
        return None
    return BIO_FROM_AUTHOR_PAGE if author.get("bio_source") == BIO_FROM_AUTHOR_PAGE else BIO_FROM_ARTICLE


def _normalize_related(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    result = []
    for block in blocks:
        items = []
        for item in block.get("items", []):
            title, url = clean_text(item.get("title")), item.get("url")
            if not title or not url or url in seen:
                continue
            seen.add(url)
            items.append({"title": title, "url": url, "summary": clean_text(item.get("summary")) or None})
        if items:
            result.append({"heading": clean_text(block.get("heading")) or None, "items": items})
    return result
