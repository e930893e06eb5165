"""A Next.js page that renders in the browser only: the article is in `__NEXT_DATA__` alone.

The server sends the head (title, canonical, Open Graph and article tags, as such sites do
for link previews) and a shell: the shared menu, an empty `<div id="__next">`, the footer.
Headline, standfirst, authors and every paragraph are only in the JSON blob the app
hydrates from, in a content API's shape: a post object whose body is a list of rich-text
blocks, each paragraph split into runs. An extractor that reads the DOM finds no article.
"""

from __future__ import annotations

from demo.content import SITE_NAME
from demo.model import Article
from demo.themes.common import document, esc, json_for_script, nav_menu, site_footer, title_tag


def _head(article: Article, base: str) -> str:
    url = base + article.path
    lines = [
        f"<title>{esc(title_tag(article.title))}</title>",
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:description" content="{esc(article.description)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{base}{article.image_path}">',
        f'<meta property="article:published_time" content="{article.published}">',
        f'<meta property="article:modified_time" content="{article.modified}">',
        '<meta name="next-head-count" content="11">',
        '<script src="/_next/static/chunks/main.js" defer></script>',
    ]
    return "\n".join(lines)


def _runs(text: str) -> list[dict[str, object]]:
    """A paragraph as an editor stores it: its first sentence in bold, the rest plain."""
    cut = text.find(". ") + 2 if ". " in text else len(text)
    runs: list[dict[str, object]] = [{"text": text[:cut], "bold": True}]
    if text[cut:]:
        runs.append({"text": text[cut:]})
    return runs


def next_data(article: Article) -> dict[str, object]:
    """The page's `__NEXT_DATA__`: the props the app renders the post from."""
    post = {
        "id": article.id,
        "slug": article.slug,
        "title": article.title,
        "excerpt": article.description,
        "authors": [
            {"name": author.name, "url": author.path, "avatar": f"/media/avatar-{author.key}.jpg"}
            for author in article.authors
        ],
        "publishedAt": article.published,
        "updatedAt": article.modified,
        "coverImage": {"url": article.image_path, "alt": article.image_alt},
        "content": [{"type": "paragraph", "children": _runs(text)} for text in article.body],
        "tags": list(article.tags),
    }
    return {
        "props": {"pageProps": {"post": post, "section": article.section}, "__N_SSG": True},
        "page": "/[year]/[slug]",
        "query": {"slug": article.slug},
        "buildId": "demo-build",
        "isFallback": False,
        "gsp": True,
    }


def render_article(article: Article, base: str) -> str:
    """The shell of `article`'s page with its `__NEXT_DATA__`."""
    body = (
        f'<header class="site-header"><a class="logo" href="{base}/">{SITE_NAME}</a>'
        f"{nav_menu(article.lang, 'site-nav')}</header>"
        '<div id="__next"></div>'
        f"{site_footer(article.lang, 'site-footer')}"
        f'<script id="__NEXT_DATA__" type="application/json">{json_for_script(next_data(article))}</script>'
    )
    return document(article.lang, _head(article, base), "app-shell", body)
