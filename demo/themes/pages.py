"""The site's own pages that are not articles: home, section, tag and author listings,
the about page and the 404 page. One plain "portal" markup; their job in tests is to be
pages a crawler visits and an extractor must *not* turn into article records.
"""

from __future__ import annotations

from demo.content import SITE_NAME
from demo.model import Article
from demo.themes.common import (
    document,
    esc,
    human_date,
    nav_menu,
    site_footer,
    title_tag,
)


def _teaser(article: Article) -> str:
    return (
        f'<article class="teaser teaser--{article.markup}" lang="{article.lang}">'
        f'<a class="teaser-image" href="{article.path}"><img src="{article.image_path}" '
        f'alt="{esc(article.image_alt)}" loading="lazy"></a>'
        f'<h2 class="teaser-title"><a href="{article.path}">{esc(article.title)}</a></h2>'
        f'<p class="teaser-summary">{esc(article.description)}</p>'
        f'<p class="teaser-meta"><time datetime="{article.published}">'
        f"{human_date(article.published, article.lang)}</time></p></article>"
    )


def _page(title: str, path: str, base: str, main: str, head_extra: str = "") -> str:
    head = (
        f"<title>{esc(title)}</title>\n"
        f'<link rel="canonical" href="{base}{path}">\n'
        f'<meta property="og:site_name" content="{SITE_NAME}">\n'
        '<meta property="og:type" content="website">\n'
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="/feed.xml">'
        f"{head_extra}"
    )
    body = (
        f'<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>'
        f'{nav_menu("fr", "main-nav")}</header><main class="site-main">{main}</main>'
        f"{site_footer('fr', 'site-footer')}"
    )
    return document("fr", head, "page-listing", body)


def render_listing(
    heading: str,
    intro: str | None,
    articles: list[Article],
    path: str,
    base: str,
    pages: tuple[int, int, str] = (1, 1, ""),
) -> str:
    """A list of teasers; `pages` is (current, total, first-page path) for pagination."""
    current, total, first = pages
    links: list[str] = []
    head_extra = ""
    if current > 1:
        previous = first if current == 2 else f"{first}page/{current - 1}/"
        links.append(f'<a class="prev page-numbers" rel="prev" href="{previous}">« Précédent</a>')
        head_extra += f'\n<link rel="prev" href="{base}{previous}">'
    if current < total:
        following = f"{first}page/{current + 1}/"
        links.append(f'<a class="next page-numbers" rel="next" href="{following}">Suivant »</a>')
        head_extra += f'\n<link rel="next" href="{base}{following}">'
    pagination = f'<nav class="pagination">{" ".join(links)}</nav>' if links else ""
    intro_html = f'<p class="archive-description">{esc(intro)}</p>' if intro else ""
    suffix = f" – page {current}" if current > 1 else ""
    main = (
        f'<header class="archive-header"><h1 class="archive-title">{esc(heading)}{suffix}</h1>{intro_html}</header>'
        f'<div class="teaser-list">{"".join(_teaser(a) for a in articles)}</div>{pagination}'
    )
    return _page(title_tag(heading + suffix), path, base, main, head_extra)


def render_about(base: str) -> str:
    """An "about us" page: prose, but not an article."""
    main = (
        '<article class="page"><h1 class="page-title">À propos</h1>'
        f"<p>{SITE_NAME} est un site d'information consacré aux technologies numériques, "
        "à l'intelligence artificielle et à leurs effets sur l'économie.</p>"
        "<p>La rédaction publie en français et en anglais. Nos articles sont relus par un "
        "second journaliste avant publication, et les corrections sont signalées en bas de page.</p>"
        "<p>Pour nous contacter : redaction@example.org.</p></article>"
    )
    return _page(title_tag("À propos"), "/about/", base, main)


def render_not_found(base: str) -> str:
    """The 404 page, as a themed HTML page like real sites serve."""
    main = (
        '<section class="error-404"><h1 class="page-title">Page introuvable</h1>'
        "<p>La page que vous cherchez n'existe pas ou a été déplacée.</p>"
        '<p><a href="/">Retour à l\'accueil</a></p></section>'
    )
    return _page(title_tag("Page introuvable"), "/404/", base, main)
