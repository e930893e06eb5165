"""One article whose paragraphs a script writes into the page after it loads.

The HTML holds the headline, the byline and an empty container; the paragraphs are only in
``/static/live-article.js``, which the page loads. No JSON state, no ``<noscript>`` copy:
only a browser recovers the text, so a crawl without rendering skips the page (no body) and
``-a render=auto`` (or ``render: auto`` in the sites file) archives it. The home page links
to it, so `make crawl` reaches it.
"""

from __future__ import annotations

import json

from demo.content import SITE_NAME
from demo.themes.common import document, esc, title_tag

PATH = "/live/2026/11/data-centre-heat/"
SCRIPT_PATH = "/static/live-article.js"
TITLE = "Data centres start heating the homes next door"
DESCRIPTION = "A pilot in Lyon pipes waste heat from servers into a district network."
PUBLISHED = "2026-11-20T09:15:00+01:00"
AUTHOR = "Camille Roux"
BODY = (
    "A data centre on the edge of Lyon began sending its waste heat into the city's district "
    "heating network this week, warming about four hundred flats through the winter.",
    "The servers run at a steady load, so the heat arrives at an even temperature; heat pumps "
    "lift it the last few degrees the network needs before it reaches the radiators.",
    "The operator says the pilot costs less than the cooling towers it replaces, because the "
    "heat no longer has to be blown into the air on warm days.",
    "Engineers will publish the first season's figures in the spring, with the share of the "
    "network's demand the servers covered in the coldest weeks.",
)


def article_html(base: str) -> str:
    """The page as served: headline and byline, an empty body, the script that fills it."""
    head = (
        f"<title>{esc(title_tag(TITLE))}</title>\n"
        f'<link rel="canonical" href="{base}{PATH}">\n'
        f'<meta name="description" content="{esc(DESCRIPTION)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:site_name" content="{SITE_NAME}">\n'
        f'<meta property="article:published_time" content="{PUBLISHED}">\n'
        f'<script src="{SCRIPT_PATH}" defer></script>'
    )
    body = (
        f'<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a></header>'
        f'<main><article class="live-article"><h1>{esc(TITLE)}</h1>'
        f'<p class="byline">By <span class="author">{esc(AUTHOR)}</span></p>'
        '<div id="article-body" class="article-body"></div></article></main>'
    )
    return document("en", head, "page-live", body)


def article_script() -> str:
    """The script that writes the paragraphs (strings in code, not a JSON state blob)."""
    lines = "\n".join(f"  add({json.dumps(text)});" for text in BODY)
    return (
        "(function () {\n"
        '  var container = document.getElementById("article-body");\n'
        "  function add(text) {\n"
        '    var paragraph = document.createElement("p");\n'
        "    paragraph.textContent = text;\n"
        "    container.appendChild(paragraph);\n"
        "  }\n"
        f"{lines}\n"
        "})();\n"
    )


def with_teaser(home: str) -> str:
    """The home page with a link to this article after its teaser list."""
    teaser = f'<p class="live-teaser">En direct : <a href="{PATH}">{esc(TITLE)}</a></p>'
    return home.replace("</main>", teaser + "</main>", 1)
