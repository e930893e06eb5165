"""A WordPress single-post page: classic theme, Yoast-style meta, Jetpack add-ons.

As on real WordPress sites, plugins append their output to `the_content`, so the author
box, the share buttons and the Jetpack related posts sit *inside* `div.entry-content`,
after the body paragraphs: an extractor must leave them out of the body. The only
description is in <meta>; the theme labels every lead image "Post Thumbnail".
"""

from __future__ import annotations

from demo.content import SECTIONS, SITE_NAME, by_slug, newest_first, tag_slug
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
    locale = "fr_FR" if article.lang == "fr" else "en_US"
    authors = ", ".join(author.name for author in article.authors)
    return "\n".join(
        [
            f"<title>{esc(title_tag(article.title))}</title>",
            f'<meta name="description" content="{esc(article.description)}">',
            '<meta name="robots" content="index, follow, max-image-preview:large">',
            f'<link rel="canonical" href="{url}">',
            f'<meta property="og:locale" content="{locale}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(article.title)}">',
            f'<meta property="og:description" content="{esc(article.description)}">',
            f'<meta property="og:url" content="{url}">',
            f'<meta property="og:site_name" content="{SITE_NAME}">',
            f'<meta property="article:published_time" content="{article.published}">',
            f'<meta property="article:modified_time" content="{article.modified}">',
            f'<meta property="og:image" content="{base}{article.image_path}">',
            f'<meta name="author" content="{esc(authors)}">',
            '<meta name="generator" content="WordPress 6.8.3">',
            f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} » Flux" href="/feed.xml">',
            f'<link rel="shortlink" href="{base}/?p={article.id}">',
        ]
    )


def _byline(article: Article, base: str) -> str:
    by = "par" if article.lang == "fr" else "by"
    names = ", ".join(
        f'<span class="author vcard"><a class="url fn n" href="{base}{author.path}">{esc(author.name)}</a></span>'
        for author in article.authors
    )
    published = human_date(article.published, article.lang)
    on = "Publié le" if article.lang == "fr" else "Posted on"
    return (
        f'<div class="entry-meta"><span class="posted-on">{on} <a href="{base}{article.path}" rel="bookmark">'
        f'<time class="entry-date published" datetime="{article.published}">{published}</time>'
        f'<time class="updated" datetime="{article.modified}">{human_date(article.modified, article.lang)}</time>'
        f'</a></span><span class="byline"> {by} {names}</span></div>'
    )


def _author_box(author: Author, lang: str, base: str) -> str:
    # The seed page reads "Auteur: AIvengo"; English posts use the plugin's default label.
    label = "Auteur:" if lang == "fr" else "About the author:"
    bio = f'<p class="author-description">{esc(author.article_bio)}</p>' if author.article_bio else ""
    return (
        f'<div class="author-box"><img alt="" src="/media/avatar-{author.key}.jpg" '
        f'class="avatar avatar-96 photo" height="96" width="96" loading="lazy">'
        f'<h4>{label} <a href="{base}{author.path}">{esc(author.name)}</a></h4>{bio}</div>'
    )


def _sharing(article: Article, base: str) -> str:
    title = "Partager :" if article.lang == "fr" else "Share this:"
    buttons = "".join(
        f'<li class="share-{name.lower()}"><a rel="nofollow noopener noreferrer" '
        f'class="share-{name.lower()} sd-button" href="{base}{article.path}?share={name.lower()}" '
        f'target="_blank"><span>{name}</span></a></li>'
        for name in ("Facebook", "X", "LinkedIn", "Email")
    )
    return (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">'
        f'<h3 class="sd-title">{title}</h3><div class="sd-content"><ul>{buttons}</ul></div></div></div>'
    )


def _related(block: RelatedBlock, base: str) -> str:
    posts = []
    # No dates under the teasers: the seed page shows only headline and summary.
    for slug in block.slugs:
        target = by_slug(slug)
        excerpt = (
            f'<p class="jp-relatedposts-post-excerpt">{esc(target.description)}</p>'
            if block.with_summaries
            else ""
        )
        posts.append(
            f'<div class="jp-relatedposts-post" data-post-id="{target.id}">'
            f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" '
            f'href="{base}{target.path}" title="{esc(target.title)}">{esc(target.title)}</a></h4>'
            f"{excerpt}</div>"
        )
    return (
        '<div id="jp-relatedposts" class="jp-relatedposts">'
        f'<h3 class="jp-relatedposts-headline"><em>{esc(block.heading)}</em></h3>'
        f'<div class="jp-relatedposts-items jp-relatedposts-items-visual">{"".join(posts)}</div></div>'
    )


def _comments(article: Article) -> str:
    fr = article.lang == "fr"
    reply = "Laisser un commentaire" if fr else "Leave a Reply"
    notes = (
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"
        if fr
        else "Your email address will not be published. Required fields are marked *"
    )
    comment, name = ("Commentaire", "Nom") if fr else ("Comment", "Name")
    return (
        '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
        f'<h3 id="reply-title" class="comment-reply-title">{reply}</h3>'
        '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
        f'<p class="comment-notes">{notes}</p>'
        f'<p class="comment-form-comment"><label for="comment">{comment} *</label>'
        '<textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>'
        f'<p class="comment-form-author"><label for="author">{name} *</label>'
        '<input id="author" name="author" type="text" required></p>'
        '<p class="comment-form-email"><label for="email">E-mail *</label>'
        '<input id="email" name="email" type="email" required></p>'
        f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{reply}">'
        f'<input type="hidden" name="comment_post_ID" value="{article.id}" id="comment_post_ID"></p>'
        "</form></div></div>"
    )


def _sidebar(article: Article, base: str) -> str:
    recent = "".join(
        f'<li><a href="{base}{other.path}">{esc(other.title)}</a></li>' for other in newest_first()[:5]
    )
    search = "Rechercher" if article.lang == "fr" else "Search"
    return (
        '<aside id="secondary" class="widget-area">'
        '<section id="search-2" class="widget widget_search"><form role="search" method="get" '
        f'class="search-form" action="/"><input type="search" class="search-field" name="s" '
        f'placeholder="{search}…"></form></section>'
        '<section id="recent-posts-2" class="widget widget_recent_entries">'
        f'<h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section></aside>'
    )


def render_article(article: Article, base: str) -> str:
    """The full single-post page of `article` as WordPress would serve it."""
    section = SECTIONS[article.section][article.lang]
    in_label, tags_label = ("Publié dans", "Étiquettes :") if article.lang == "fr" else ("Posted in", "Tags:")
    tags = ", ".join(f'<a href="{base}/tag/{tag_slug(t)}/" rel="tag">{esc(t)}</a>' for t in article.tags)
    paragraphs = "\n".join(f"<p>{esc(text)}</p>" for text in article.body)
    boxes = "".join(_author_box(author, article.lang, base) for author in article.authors)
    related = "".join(_related(block, base) for block in article.related)
    classes = (
        f"post-{article.id} post type-post status-publish format-standard has-post-thumbnail hentry "
        f"category-{article.section} " + " ".join(f"tag-{tag_slug(t)}" for t in article.tags)
    )
    body = (
        '<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">'
        f"{'Aller au contenu' if article.lang == 'fr' else 'Skip to content'}</a>"
        '<header id="masthead" class="site-header"><div class="site-branding">'
        f'<p class="site-title"><a href="{base}/" rel="home">{SITE_NAME}</a></p></div>'
        f"{nav_menu(article.lang, 'main-navigation')}</header>"
        '<div id="content" class="site-content"><div id="primary" class="content-area">'
        f'<main id="main" class="site-main"><article id="post-{article.id}" class="{classes}">'
        '<div class="post-thumbnail"><img width="1200" height="675" '
        f'src="{article.image_path}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" '
        'alt="Post Thumbnail" decoding="async"></div>'
        f'<header class="entry-header"><h1 class="entry-title">{esc(article.title)}</h1>'
        f"{_byline(article, base)}</header>"
        f'<div class="entry-content">\n{paragraphs}\n{boxes}{_sharing(article, base)}{related}</div>'
        f'<footer class="entry-footer"><span class="cat-links">{in_label} '
        f'<a href="{base}/section/{article.section}/" rel="category tag">{section}</a></span> '
        f'<span class="tags-links">{tags_label} {tags}</span></footer></article>'
        f"{_comments(article)}</main></div>{_sidebar(article, base)}</div>"
        f"{site_footer(article.lang, 'site-footer')}</div>"
        '<script>window._wpemojiSettings = {"baseUrl": "https://s.w.org/images/core/emoji/16.0.1/72x72/"};</script>'
    )
    lang_attr = "fr-FR" if article.lang == "fr" else "en-US"
    body_class = f"post-template-default single single-post postid-{article.id} single-format-standard"
    return document(lang_attr, _head(article, base), body_class, body)
