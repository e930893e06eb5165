"""A Ghost post page in the style of the default themes (Casper, Source).

Ghost shows the custom excerpt as a standfirst (`p.gh-article-excerpt`), puts the body in
`section.gh-content`, and follows it with author cards, a members newsletter form and a
"read next" feed of `article.gh-card` teasers. The visible date carries only the day;
the full timestamps with offset are in the `article:*_time` meta tags. No JSON-LD here,
so extractors must work from the DOM and the Open Graph tags.
"""

from __future__ import annotations

from demo.content import SITE_NAME, by_slug, tag_slug
from demo.model import Article, Author, RelatedBlock
from demo.themes.common import (
    document,
    esc,
    human_date,
    nav_menu,
    site_footer,
    title_tag,
)


def _head(article: Article, base: str) -> str:
    url = base + article.path
    lines = [
        f"<title>{esc(title_tag(article.title))}</title>",
        f'<link rel="canonical" href="{url}">',
        '<meta name="referrer" content="no-referrer-when-downgrade">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:description" content="{esc(article.description)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{base}{article.image_path}">',
        f'<meta property="article:published_time" content="{article.published}">',
        f'<meta property="article:modified_time" content="{article.modified}">',
        *(f'<meta property="article:tag" content="{esc(tag)}">' for tag in article.tags),
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{esc(article.title)}">',
        f'<meta name="twitter:description" content="{esc(article.description)}">',
        '<meta name="twitter:label1" content="Written by">',
        f'<meta name="twitter:data1" content="{esc(", ".join(a.name for a in article.authors))}">',
        '<meta name="generator" content="Ghost 6.3">',
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="{base}/feed.xml">',
    ]
    return "\n".join(lines)


def _meta(article: Article) -> str:
    images = "".join(
        f'<a href="{author.path}" class="gh-author-image"><img class="author-profile-image" '
        f'src="/media/avatar-{author.key}.jpg" alt="{esc(author.name)}"></a>'
        for author in article.authors
    )
    names = ", ".join(f'<a href="{a.path}">{esc(a.name)}</a>' for a in article.authors)
    minutes = max(1, round(sum(len(p.split()) for p in article.body) / 200))
    reading = f"{minutes} min de lecture" if article.lang == "fr" else f"{minutes} min read"
    return (
        f'<div class="gh-article-meta"><div class="gh-article-author-image">{images}</div>'
        f'<div class="gh-article-meta-wrapper"><h4 class="gh-article-author-name">{names}</h4>'
        f'<div class="gh-article-meta-content"><time class="gh-article-meta-date" '
        f'datetime="{article.published[:10]}">{human_date(article.published, article.lang)}</time>'
        f'<span class="gh-article-meta-length"><span class="bull">—</span> {reading}</span></div></div></div>'
    )


def _author_card(author: Author) -> str:
    bio = f'<p class="author-card-bio">{esc(author.article_bio)}</p>' if author.article_bio else ""
    return (
        f'<div class="author-card"><a href="{author.path}" class="author-card-image">'
        f'<img class="author-profile-image" src="/media/avatar-{author.key}.jpg" alt="{esc(author.name)}"></a>'
        f'<div class="author-card-content"><h4 class="author-card-name"><a href="{author.path}">'
        f"{esc(author.name)}</a></h4>{bio}</div></div>"
    )


def _newsletter(lang: str) -> str:
    if lang == "fr":
        title, text, button = (
            "Abonnez-vous à la newsletter",
            "Les dernières actualités de la tech, chaque matin dans votre boîte mail.",
            "S'abonner",
        )
    else:
        title, text, button = (
            "Sign up for the newsletter",
            "The latest technology news, in your inbox every morning.",
            "Subscribe",
        )
    return (
        f'<section class="gh-cta gh-newsletter"><h2 class="gh-cta-title">{title}</h2>'
        f'<p class="gh-cta-text">{text}</p><form data-members-form="subscribe" class="gh-form">'
        '<input data-members-email type="email" class="gh-form-input" placeholder="jamie@example.com" required>'
        f'<button class="gh-button" type="submit">{esc(button)}</button></form></section>'
    )


def _read_next(block: RelatedBlock) -> str:
    cards = []
    for slug in block.slugs:
        target = by_slug(slug)
        excerpt = (
            f'<div class="gh-card-excerpt">{esc(target.description)}</div>' if block.with_summaries else ""
        )
        cards.append(
            f'<article class="gh-card post"><a class="gh-card-link" href="{target.path}">'
            f'<figure class="gh-card-image"><img src="{target.image_path}" alt="{esc(target.image_alt)}" '
            f'loading="lazy"></figure><div class="gh-card-wrapper">'
            f'<h3 class="gh-card-title is-title">{esc(target.title)}</h3>{excerpt}'
            f'<footer class="gh-card-meta"><time class="gh-card-date" datetime="{target.published[:10]}">'
            f"{human_date(target.published, target.lang)}</time></footer></div></a></article>"
        )
    return (
        f'<section class="gh-read-next gh-canvas"><h3 class="gh-read-next-title">{esc(block.heading)}</h3>'
        f'<div class="gh-read-next-feed">{"".join(cards)}</div></section>'
    )


def render_article(article: Article, base: str) -> str:
    """The full post page of `article` as a Ghost site would serve it."""
    primary = tag_slug(article.tags[0])
    paragraphs = "\n".join(f"<p>{esc(text)}</p>" for text in article.body)
    cards = "".join(_author_card(author) for author in article.authors)
    signup = "S'abonner" if article.lang == "fr" else "Subscribe"
    body = (
        '<div class="gh-site"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">'
        f'<div class="gh-head-brand"><a class="gh-head-logo" href="{base}/">{SITE_NAME}</a></div>'
        f"{nav_menu(article.lang, 'gh-head-menu', 'nav')}"
        '<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup" '
        f'data-portal="signup">{esc(signup)}</a></div></div></header>'
        f'<main id="site-main" class="site-main"><article class="gh-article post tag-{primary}">'
        '<header class="gh-article-header gh-canvas">'
        f'<a class="gh-article-tag" href="/tag/{primary}/">{esc(article.tags[0])}</a>'
        f'<h1 class="gh-article-title is-title">{esc(article.title)}</h1>'
        f'<p class="gh-article-excerpt is-body">{esc(article.description)}</p>{_meta(article)}'
        f'<figure class="gh-article-image"><img src="{article.image_path}" alt="{esc(article.image_alt)}">'
        "</figure></header>"
        f'<section class="gh-content gh-canvas is-body">\n{paragraphs}\n</section>'
        f'<section class="gh-author-card gh-canvas">{cards}</section></article>'
        f"{_newsletter(article.lang)}{''.join(_read_next(block) for block in article.related)}</main>"
        f"{site_footer(article.lang, 'gh-foot outer')}"
        '<p class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></p>'
        "</div>"
    )
    return document(article.lang, _head(article, base), f"post-template tag-{primary}", body)
