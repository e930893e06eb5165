"""The shape of the demo site's data: authors, related-news blocks, articles.

Kept apart from the texts (`demo.articles_fr`, `demo.articles_en`) so that the themes,
the site map and the expected records all read one small, typed model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Markup = Literal["wordpress", "ghost", "cms", "nextjs"]
# The markups whose pages show the article in their HTML, assigned round-robin. "nextjs" is
# a page whose article is only in its app state (`__NEXT_DATA__`), used once.
MARKUPS: tuple[Markup, ...] = ("wordpress", "ghost", "cms")
APP_STATE_MARKUPS: tuple[Markup, ...] = ("nextjs",)


@dataclass(frozen=True)
class Author:
    """A writer. `has_page` False means the site links nowhere for them (freelancer);
    `bio_on_articles` False means the bio shows on their author page only, as on many sites."""

    key: str
    name: str
    bio: str | None
    has_page: bool = True
    bio_on_articles: bool = True

    @property
    def article_bio(self) -> str | None:
        """The bio an article page shows for this author."""
        return self.bio if self.bio_on_articles else None

    @property
    def path(self) -> str | None:
        """Site path of the author's page, or None when the site has none."""
        return f"/author/{self.key}/" if self.has_page else None


@dataclass(frozen=True)
class RelatedBlock:
    """A block of teasers pointing at other demo articles, by slug.

    Teaser titles are the targets' titles; summaries, when the block shows them, are the
    targets' descriptions. `inline` marks the one-link "À lire aussi : …" paragraph that
    the CMS theme puts inside the body rather than in an aside.
    """

    heading: str
    slugs: tuple[str, ...]
    with_summaries: bool
    inline: bool = False


@dataclass(frozen=True)
class Article:
    """One demo article; `path` depends on the markup, as on real sites."""

    slug: str
    id: int
    lang: Literal["fr", "en"]
    markup: Markup
    section: str
    tags: tuple[str, ...]
    title: str
    description: str
    body: tuple[str, ...]
    authors: tuple[Author, ...]
    published: str
    modified: str
    image_alt: str
    related: tuple[RelatedBlock, ...]

    @property
    def path(self) -> str:
        """URL path: WordPress dates it, Ghost keeps the slug, the CMS adds section and id,
        the Next.js app files it under /stories/."""
        if self.markup == "nextjs":
            return f"/stories/{self.slug}/"
        if self.markup == "wordpress":
            return f"/{self.published[:4]}/{self.published[5:7]}/{self.slug}/"
        if self.markup == "ghost":
            return f"/{self.slug}/"
        return f"/actualites/{self.section}/{self.slug}-{self.id}.html"

    @property
    def image_path(self) -> str:
        """Site path of the lead image."""
        return f"/media/{self.slug}.jpg"
