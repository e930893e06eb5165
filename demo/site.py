"""The whole site as a map from path to response, built for one base URL.

Building everything up front keeps the server trivial and lets tests inspect pages without
HTTP. `base` is the absolute root seen by the client (scheme and Host, no trailing slash),
so canonical links and feed URLs are right whatever port the server got.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from demo import scripted
from demo.content import (
    ARTICLES,
    PAGE_SIZE,
    SECTIONS,
    all_authors,
    all_tags,
    newest_first,
    tag_slug,
)
from demo.feeds import feed_xml, robots_txt, sitemap_xml
from demo.media import jpeg_for
from demo.model import Article, Markup
from demo.themes import cms, ghost, nextjs, wordpress
from demo.themes.pages import render_about, render_listing, render_not_found

HTML = "text/html; charset=utf-8"
THEMES: dict[Markup, Callable[[Article, str], str]] = {
    "wordpress": wordpress.render_article,
    "ghost": ghost.render_article,
    "cms": cms.render_article,
    "nextjs": nextjs.render_article,
}


@dataclass(frozen=True)
class Resource:
    """One HTTP response: status, content type, body and any extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


def _html(text: str) -> Resource:
    return Resource(200, HTML, text.encode("utf-8"))


def _listings(base: str) -> dict[str, Resource]:
    """Home, section (paginated), tag and author pages."""
    pages = {"/": _html(render_listing("À la une", None, newest_first(), "/", base))}
    groups: list[tuple[str, str | None, str, list[Article]]] = []
    for key, labels in SECTIONS.items():
        members = [a for a in newest_first() if a.section == key]
        groups.append((labels["fr"], None, f"/section/{key}/", members))
    for tag in all_tags():
        members = [a for a in newest_first() if tag in a.tags]
        groups.append((f"Mot-clé : {tag}", None, f"/tag/{tag_slug(tag)}/", members))
    for author in all_authors():
        if author.path is not None:
            members = [a for a in newest_first() if author in a.authors]
            groups.append((author.name, author.bio, author.path, members))
    for heading, intro, first, members in groups:
        total = max(1, -(-len(members) // PAGE_SIZE))
        for number in range(1, total + 1):
            path = first if number == 1 else f"{first}page/{number}/"
            chunk = members[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            pages[path] = _html(render_listing(heading, intro, chunk, path, base, (number, total, first)))
    return pages


def _media() -> dict[str, Resource]:
    names = [a.image_path for a in ARTICLES]
    names += [f"/media/avatar-{author.key}.jpg" for author in all_authors()]
    names.append("/media/logo.jpg")
    return {name: Resource(200, "image/jpeg", jpeg_for(name)) for name in names}


def build_site(base: str) -> dict[str, Resource]:
    """Every servable path of the site, for clients that reach it at `base`."""
    base = base.rstrip("/")
    site = {article.path: _html(THEMES[article.markup](article, base)) for article in ARTICLES}
    site.update(_listings(base))
    site["/about/"] = _html(render_about(base))
    site["/robots.txt"] = Resource(200, "text/plain; charset=utf-8", robots_txt(base).encode())
    site["/sitemap.xml"] = Resource(200, "application/xml; charset=utf-8", sitemap_xml(base).encode())
    site["/feed.xml"] = Resource(200, "application/rss+xml; charset=utf-8", feed_xml(base).encode())
    site.update(_media())
    site[scripted.PATH] = _html(scripted.article_html(base))
    site["/"] = _html(scripted.with_teaser(site["/"].body.decode("utf-8")))
    site[scripted.SCRIPT_PATH] = Resource(
        200, "text/javascript; charset=utf-8", scripted.article_script().encode()
    )
    return site


def resolve(site: dict[str, Resource], target: str, base: str) -> Resource:
    """The response for a request target: the page, a slash-adding redirect, or a 404."""
    path = urlsplit(target).path or "/"
    if path in site:
        return site[path]
    if not path.endswith("/") and path + "/" in site:
        # WordPress and Ghost both redirect a missing trailing slash; so do we.
        location = base.rstrip("/") + path + "/"
        return Resource(301, HTML, b"", (("Location", location),))
    return Resource(404, HTML, render_not_found(base.rstrip("/")).encode("utf-8"))
