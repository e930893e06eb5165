"""A classic newspaper CMS page: JSON-LD NewsArticle, Open Graph, byline, ads, cookie banner.

This is the markup where structured data does most of the work: the JSON-LD carries the
headline, dates, authors (with url and bio), image, language and description. The DOM
repeats them for readers, plus the traps such pages have: an inline "À lire aussi : …"
link and an ad slot *inside* the article body, a "Most read" list and a "related" aside.
"""

from __future__ import annotations

from demo.content import SECTIONS, SITE_NAME, by_slug, newest_first
from demo.model import Article, Author, RelatedBlock
from demo.themes.common import (
    document,
    esc,
    human_date,
    json_for_script,
    nav_menu,
    site_footer,
    title_tag,
)


def _person(author: Author, base: str) -> dict[str, str]:
    person = {"@type": "Person", "name": author.name}
    if author.path:
        person["url"] = base + author.path
    if author.article_bio:
        person["description"] = author.article_bio
    return person


def _json_ld(article: Article, base: str) -> str:
    url = base + article.path
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title,
        "description": article.description,
        "image": [base + article.image_path],
        "datePublished": article.published,
        "dateModified": article.modified,
        "inLanguage": "fr-FR" if article.lang == "fr" else "en-GB",
        "articleSection": SECTIONS[article.section][article.lang],
        "keywords": list(article.tags),
    }
    if article.authors:
        data["author"] = [_person(author, base) for author in article.authors]
    data["publisher"] = {
        "@type": "NewsMediaOrganization",
        "name": SITE_NAME,
        "url": base + "/",
        "logo": {"@type": "ImageObject", "url": base + "/media/logo.jpg"},
    }
    home = "Accueil" if article.lang == "fr" else "Home"
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": home, "item": base + "/"},
            {
                "@type": "ListItem",
                "position": 2,
                "name": SECTIONS[article.section][article.lang],
                "item": f"{base}/section/{article.section}/",
            },
        ],
    }
    return (
        f'<script type="application/ld+json">\n{json_for_script(data)}\n</script>\n'
        f'<script type="application/ld+json">{json_for_script(crumbs)}</script>'
    )


def _head(article: Article, base: str) -> str:
    url = base + article.path
    lines = [
        f"<title>{esc(title_tag(article.title))}</title>",
        f'<meta name="description" content="{esc(article.description)}">',
        f'<link rel="canonical" href="{url}">',
        f'<meta property="og:locale" content="{"fr_FR" if article.lang == "fr" else "en_GB"}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:description" content="{esc(article.description)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{base}{article.image_path}">',
        f'<meta property="article:published_time" content="{article.published}">',
        f'<meta property="article:modified_time" content="{article.modified}">',
        f'<meta property="article:section" content="{SECTIONS[article.section][article.lang]}">',
        *(f'<meta property="article:author" content="{base}{a.path}">' for a in article.authors if a.path),
    ]
    if article.authors:
        lines.append(f'<meta name="author" content="{esc(", ".join(a.name for a in article.authors))}">')
    return "\n".join(lines) + "\n" + _json_ld(article, base)


def _name_link(author: Author) -> str:
    if author.path is None:
        return f'<span class="author-name">{esc(author.name)}</span>'
    return f'<a rel="author" href="{author.path}">{esc(author.name)}</a>'


def _byline(article: Article) -> str:
    if not article.authors:
        return ""
    by, conj = ("Par", "et") if article.lang == "fr" else ("By", "and")
    names = [_name_link(author) for author in article.authors]
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conj} {names[-1]}"
    return f'<p class="byline">{by} {joined}</p>'


def _dateline(article: Article) -> str:
    fr = article.lang == "fr"
    published = human_date(article.published, article.lang, with_time=True)
    text = f'{"Publié le" if fr else "Published"} <time class="published" datetime="{article.published}">{published}</time>'
    if article.modified != article.published:
        modified = human_date(article.modified, article.lang, with_time=True)
        text += (
            f", {'mis à jour le' if fr else 'updated'} "
            f'<time class="updated" datetime="{article.modified}">{modified}</time>'
        )
    return f'<p class="dateline">{text}</p>'


def _ad(slot: str) -> str:
    return f'<div class="ad-slot ad-{slot}" data-ad-slot="{slot}" aria-hidden="true"><span class="ad-label">Publicité</span></div>'


def _body(article: Article) -> str:
    """Body paragraphs, with the inline read-also link and an ad after the second one."""
    inserts = []
    for block in article.related:
        if block.inline:
            target = by_slug(block.slugs[0])
            colon = " :" if article.lang == "fr" else ":"
            inserts.append(
                f'<p class="read-also"><strong>{esc(block.heading)}{colon}</strong> '
                f'<a href="{target.path}">{esc(target.title)}</a></p>'
            )
    inserts.append(_ad("inread"))
    parts = [f"<p>{esc(text)}</p>" for text in article.body]
    parts[2:2] = inserts
    return '<div class="article-body">\n' + "\n".join(parts) + "\n</div>"


def _author_bios(article: Article) -> str:
    heading = "À propos de l'auteur" if article.lang == "fr" else "About the author"
    return "".join(
        f'<div class="author-bio"><h3 class="author-bio__title">{esc(heading)}</h3>'
        f'<p class="author-bio__name">{_name_link(author)}</p>'
        f'<p class="author-bio__text">{esc(author.article_bio)}</p></div>'
        for author in article.authors
        if author.article_bio
    )


def _related(block: RelatedBlock) -> str:
    items = []
    for slug in block.slugs:
        target = by_slug(slug)
        summary = f"<p>{esc(target.description)}</p>" if block.with_summaries else ""
        items.append(f'<li><a href="{target.path}">{esc(target.title)}</a>{summary}</li>')
    return f'<aside class="related"><h2>{esc(block.heading)}</h2><ul>{"".join(items)}</ul></aside>'


def _sidebar(article: Article) -> str:
    heading = "Les plus lus" if article.lang == "fr" else "Most read"
    most_read = "".join(
        f'<li><a href="{other.path}">{esc(other.title)}</a></li>' for other in newest_first()[::-1][:4]
    )
    return f'<aside class="sidebar">{_ad("mpu")}<section class="most-read"><h2>{heading}</h2><ol>{most_read}</ol></section></aside>'


def _chrome(lang: str) -> tuple[str, str]:
    """Cookie banner and newsletter box, in the page's language."""
    if lang == "fr":
        cookie = (
            "Nous utilisons des cookies pour mesurer l'audience et afficher des publicités.",
            "Accepter",
            "Refuser",
        )
        letter = (
            "La newsletter du matin",
            "Recevez l'essentiel de l'actualité tech avant 8 heures.",
            "Je m'inscris",
        )
    else:
        cookie = (
            "We use cookies to measure our audience and show advertising.",
            "Accept",
            "Reject",
        )
        letter = (
            "The morning briefing",
            "Get the day's essential tech news before 8am.",
            "Sign up",
        )
    banner = (
        f'<div id="cookie-banner" class="cookie-banner" role="dialog"><p>{esc(cookie[0])}</p>'
        f'<button class="cookie-accept">{cookie[1]}</button><button class="cookie-reject">{cookie[2]}</button></div>'
    )
    newsletter = (
        f'<section class="newsletter-box"><h2>{esc(letter[0])}</h2><p>{esc(letter[1])}</p>'
        '<form action="/newsletter/" method="post"><input type="email" name="email" required>'
        f'<button type="submit">{esc(letter[2])}</button></form></section>'
    )
    return banner, newsletter


def render_article(article: Article, base: str) -> str:
    """The full article page of `article` as a newspaper CMS would serve it."""
    section = SECTIONS[article.section][article.lang]
    banner, newsletter = _chrome(article.lang)
    home = "Accueil" if article.lang == "fr" else "Home"
    aside = "".join(_related(block) for block in article.related if not block.inline)
    body = (
        f'{banner}{_ad("leaderboard")}<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>'
        f"{nav_menu(article.lang, 'main-nav')}</header>"
        f'<nav class="breadcrumb"><ol><li><a href="/">{home}</a></li>'
        f'<li><a href="/section/{article.section}/">{section}</a></li></ol></nav>'
        '<div class="layout"><main class="main-column"><article class="article article--news">'
        f'<header class="article-header"><p class="article-kicker"><a href="/section/{article.section}/">{section}</a></p>'
        f'<h1 class="article-title">{esc(article.title)}</h1>'
        f'<p class="article-standfirst">{esc(article.description)}</p>{_byline(article)}{_dateline(article)}</header>'
        f'<figure class="article-figure"><img src="{article.image_path}" alt="{esc(article.image_alt)}" '
        f'width="1200" height="675"><figcaption>{esc(article.image_alt)} <span class="credit">© {SITE_NAME}</span>'
        f"</figcaption></figure>{_body(article)}{_author_bios(article)}</article>"
        f"{aside}{newsletter}</main>{_sidebar(article)}</div>{site_footer(article.lang, 'site-footer')}"
    )
    return document(article.lang, _head(article, base), "page-article", body)
