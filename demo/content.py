"""The demo site's content: every article, looked up by slug, plus site-wide constants.

Markups are assigned round-robin over the HTML articles of `ARTICLES` (WordPress, Ghost,
CMS, …) so each theme renders both languages; one more article is a Next.js app's page; `check_content()` guards that and the other invariants the tests
and `demo.expected` rely on.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from demo.articles_en import ARTICLES_EN
from demo.articles_fr import ARTICLES_FR
from demo.model import APP_STATE_MARKUPS, MARKUPS, Article, Author

SITE_NAME = "Le Fil Tech"
SECTIONS: dict[str, dict[str, str]] = {
    "tech": {"fr": "Tech", "en": "Tech"},
    "economie": {"fr": "Économie", "en": "Economy"},
}
PAGE_SIZE = 5
"""Listing pages show this many teasers, so the "tech" section spans two pages."""

ARTICLES: tuple[Article, ...] = ARTICLES_FR + ARTICLES_EN


def by_slug(slug: str) -> Article:
    """The article with this slug; KeyError if there is none."""
    for article in ARTICLES:
        if article.slug == slug:
            return article
    raise KeyError(slug)


def newest_first() -> list[Article]:
    """All articles, most recently published first (ISO strings with offsets compare badly)."""
    return sorted(ARTICLES, key=lambda a: datetime.fromisoformat(a.published), reverse=True)


def all_authors() -> list[Author]:
    """Every distinct author, in order of first appearance."""
    seen: dict[str, Author] = {}
    for article in ARTICLES:
        for author in article.authors:
            seen.setdefault(author.key, author)
    return list(seen.values())


def all_tags() -> list[str]:
    """Every distinct tag, in order of first appearance."""
    return list(dict.fromkeys(tag for article in ARTICLES for tag in article.tags))


def tag_slug(tag: str) -> str:
    """URL slug of a tag: lowercase ASCII words joined by hyphens."""
    ascii_tag = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode()
    return "-".join(ascii_tag.lower().split())


def check_content() -> None:
    """Raise ValueError if the data breaks an invariant the themes or tests depend on."""
    slugs = [a.slug for a in ARTICLES]
    if len(set(slugs)) != len(slugs):
        raise ValueError("duplicate slugs")
    for index, article in enumerate(a for a in ARTICLES if a.markup in MARKUPS):
        if article.markup != MARKUPS[index % len(MARKUPS)]:
            raise ValueError(f"{article.slug}: markup breaks the round-robin")
    for article in ARTICLES:
        if article.markup not in MARKUPS + APP_STATE_MARKUPS:
            raise ValueError(f"{article.slug}: unknown markup {article.markup}")
        if article.section not in SECTIONS:
            raise ValueError(f"{article.slug}: unknown section {article.section}")
        for block in article.related:
            if article.slug in block.slugs or not set(block.slugs) <= set(slugs):
                raise ValueError(f"{article.slug}: related block must point at other articles")
            if block.inline and len(block.slugs) != 1:
                raise ValueError(f"{article.slug}: an inline block holds exactly one link")
