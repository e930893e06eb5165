"""What a correct extractor must return for each demo article, keyed by absolute URL.

A record has: url, title, description, authors [{name, bio, url, bio_source}] (bio None
when the site shows none, read from the author page when only that page shows it; url
absolute or None), published_at and modified_at (ISO 8601 with offset,
exactly as the pages state them), language ("fr" or "en"), image (absolute URL of the lead
image), body_source ("app_state" for the Next.js page, "html" for the others), body (the
article's own paragraphs only: no author box, share buttons, ads or
"À lire aussi" line), and related: the article's related-news blocks in page order, each
{heading, items: [{title, url (absolute), summary or None}]}. The inline one-link
"À lire aussi : …" / "Read also: …" paragraph of CMS pages counts as a block of its own,
with no summary. Sidebar teaser lists ("Recent Posts" on WordPress pages, "Most read" /
"Les plus lus" on CMS pages) are related blocks too, as the corpus labels define them (a list
of teasers to other articles, "most read" tabs included), without the page's own link;
menus, footers and tag clouds are not.
"""

from __future__ import annotations

from typing import Any

from demo.content import ARTICLES, by_slug, newest_first
from demo.model import APP_STATE_MARKUPS, Article, Author, RelatedBlock
from demo.site import HTML, build_site

Record = dict[str, Any]


def _root(base_url: str) -> str:
    return base_url.rstrip("/")


def _author(author: Author, base: str) -> dict[str, str | None]:
    """The crawl's author: a bio shown only on the author page is read there."""
    source = None if author.bio is None else ("article" if author.bio_on_articles else "author_page")
    return {
        "name": author.name,
        "bio": author.bio,
        "url": base + author.path if author.path else None,
        "bio_source": source,
    }


def _block(block: RelatedBlock, base: str) -> Record:
    items = []
    for slug in block.slugs:
        target = by_slug(slug)
        items.append(
            {
                "title": target.title,
                "url": base + target.path,
                "summary": target.description if block.with_summaries else None,
            }
        )
    return {"heading": block.heading, "items": items}


def _sidebar_block(article: Article, base: str) -> list[Record]:
    """The sidebar list each theme renders (see themes/wordpress.py and themes/cms.py)."""
    if article.markup == "wordpress":
        heading, listed = "Recent Posts", newest_first()[:5]
    elif article.markup == "cms":
        heading = "Les plus lus" if article.lang == "fr" else "Most read"
        listed = newest_first()[::-1][:4]
    else:
        return []
    items = [
        {"title": other.title, "url": base + other.path, "summary": None}
        for other in listed
        if other is not article
    ]
    return [{"heading": heading, "items": items}]


def _record(article: Article, base: str) -> Record:
    # The CMS prints its inline read-also link inside the body, before the aside.
    blocks = sorted(article.related, key=lambda block: not block.inline)
    return {
        "url": base + article.path,
        "title": article.title,
        "description": article.description,
        "authors": [_author(author, base) for author in article.authors],
        "published_at": article.published,
        "modified_at": article.modified,
        "language": article.lang,
        "image": base + article.image_path,
        "body": list(article.body),
        "body_source": "app_state" if article.markup in APP_STATE_MARKUPS else "html",
        "related": [_block(block, base) for block in blocks] + _sidebar_block(article, base),
    }


def expected_records(base_url: str) -> dict[str, Record]:
    """Every article URL of the site at `base_url`, mapped to its expected record."""
    base = _root(base_url)
    return {base + article.path: _record(article, base) for article in ARTICLES}


def article_urls(base_url: str) -> list[str]:
    """Absolute URLs of all articles, in data order (French first, then English)."""
    base = _root(base_url)
    return [base + article.path for article in ARTICLES]


def non_article_urls(base_url: str) -> list[str]:
    """Absolute URLs of the site's HTML pages that are not articles (must yield no record):
    home, section pages (with pagination), tag and author pages, the about page."""
    base = _root(base_url)
    articles = {article.path for article in ARTICLES}
    site = build_site(base)
    return sorted(
        base + path for path, page in site.items() if page.content_type == HTML and path not in articles
    )
