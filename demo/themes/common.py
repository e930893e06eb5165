"""Pieces every page shares: escaping, dates, the navigation menu and the footer.

Real sites share a menu and a footer across engines, so do we; what differs between the
themes is the article markup, which is what the extractor has to cope with.
"""

from __future__ import annotations

import html
import json
from datetime import datetime

from demo.content import SECTIONS, SITE_NAME, all_tags, tag_slug

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def esc(text: str) -> str:
    """Escape text for an HTML element or a double-quoted attribute."""
    return html.escape(text, quote=True)


def json_for_script(data: object) -> str:
    """JSON safe inside <script>: a "</" in a string would end the element."""
    return json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")


def human_date(iso: str, lang: str, with_time: bool = False) -> str:
    """A date as readers see it: "6 novembre 2026 à 09h14" or "November 6, 2026 at 09:14"."""
    moment = datetime.fromisoformat(iso)
    if lang == "fr":
        text = f"{moment.day} {MONTHS_FR[moment.month - 1]} {moment.year}"
        return f"{text} à {moment:%Hh%M}" if with_time else text
    text = f"{MONTHS_EN[moment.month - 1]} {moment.day}, {moment.year}"
    return f"{text} at {moment:%H:%M}" if with_time else text


def title_tag(headline: str) -> str:
    """The <title> text: "Headline – Site Name"."""
    return f"{headline} – {SITE_NAME}"


def nav_items(lang: str) -> list[tuple[str, str]]:
    """(label, path) pairs of the main menu, in the page's language."""
    home, about = ("Accueil", "À propos") if lang == "fr" else ("Home", "About")
    sections = [(labels[lang], f"/section/{key}/") for key, labels in SECTIONS.items()]
    return [(home, "/"), *sections, (about, "/about/")]


def nav_menu(lang: str, nav_class: str, ul_class: str = "menu") -> str:
    """The main navigation as a <nav> with a <ul> of links."""
    links = "".join(
        f'<li class="menu-item"><a href="{path}">{esc(label)}</a></li>' for label, path in nav_items(lang)
    )
    label = "Menu principal" if lang == "fr" else "Main menu"
    return f'<nav class="{nav_class}" aria-label="{label}"><ul class="{ul_class}">{links}</ul></nav>'


def tag_cloud(lang: str) -> str:
    """The footer's tag cloud, linking to every tag page."""
    heading = "Mots-clés" if lang == "fr" else "Tags"
    links = " ".join(
        f'<a href="/tag/{tag_slug(tag)}/" class="tag-cloud-link">{esc(tag)}</a>' for tag in all_tags()
    )
    return f'<div class="tagcloud"><h2 class="widget-title">{heading}</h2>{links}</div>'


def site_footer(lang: str, footer_class: str) -> str:
    """Footer with tag cloud, secondary links and copyright."""
    rights = "Tous droits réservés" if lang == "fr" else "All rights reserved"
    legal = "Mentions légales" if lang == "fr" else "Legal notice"
    return (
        f'<footer class="{footer_class}">{tag_cloud(lang)}'
        f'<ul class="footer-links"><li><a href="/about/">{legal}</a></li>'
        '<li><a href="/feed.xml">RSS</a></li><li><a href="/sitemap.xml">Sitemap</a></li></ul>'
        f'<p class="copyright">© 2026 {SITE_NAME}. {rights}.</p></footer>'
    )


def document(lang_attr: str, head: str, body_class: str, body: str) -> str:
    """A whole HTML5 page around the given <head> contents and <body> markup."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang_attr}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'{head}\n</head>\n<body class="{body_class}">\n{body}\n</body>\n</html>\n'
    )
