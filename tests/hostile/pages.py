"""Hostile page bodies: articles in many encodings, malformed markup, bombs, XML payloads."""

from __future__ import annotations

import gzip
import html

import brotli

ENGLISH = (
    "The harbour authority said on Tuesday that the new breakwater would protect the old town "
    "from winter storms for at least fifty years, after a decade of floods that closed shops. "
)


def article(title: str, paragraph: str = ENGLISH, *, head: str = "", repeat: int = 3) -> str:
    """A small article page whose title and body the extractor finds reliably."""
    # Numbered: the extractor drops repeated paragraphs.
    body = "".join(f"<p>{n}. {html.escape(paragraph)}</p>" for n in range(1, repeat + 1))
    return (
        f"<html><head>{head}<title>{html.escape(title)}</title>"
        f'<meta property="og:type" content="article"></head>'
        f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )


# --- encodings: (title, paragraph) in each script ---------------------------------------

TEXTS = {
    # € “ ” – are 0x80-0x9F in cp1252: latin-1 would turn them into control characters.
    "cp1252": (
        "Café déjà vu: “l’euro” – 5 € de plus",
        "Le maire a confirmé mardi que le café de la place rouvrira après l’été; "
        "les habitués paieront 5 € de plus – une hausse «modeste», selon lui. " * 2,
    ),
    "shift_jis": (
        "東京の天気予報と市民の暮らし",
        "東京都は火曜日、新しい防波堤が少なくとも五十年間、冬の嵐から旧市街を守ると発表した。"
        "十年にわたる洪水で多くの店が閉店していた。市民は計画を歓迎している。" * 3,
    ),
    "gb18030": (
        "北京市民庆祝新年的传统活动",
        "北京市政府星期二表示，新的防波堤将保护老城区免受冬季风暴的影响至少五十年。"
        "十年来的洪水使许多商店关闭。市民对这一计划表示欢迎。" * 3,
    ),
    "iso-8859-2": (
        "Zażółć gęślą jaźń w Łodzi",
        "Władze portu poinformowały we wtorek, że nowy falochron będzie chronił stare miasto "
        "przed zimowymi sztormami przez co najmniej pięćdziesiąt lat; źródła są zgodne. " * 2,
    ),
}


def encoded_article(encoding: str, declared_in: str) -> tuple[bytes, str]:
    """``(body, content_type)`` for an article in ``encoding`` declared in the header,
    in ``<meta>``, or nowhere."""
    title, paragraph = TEXTS[encoding]
    head = f'<meta charset="{encoding}">' if declared_in == "meta" else ""
    # Each variant is its own article: one crawl archives the same title and body once.
    body = article(title, f"{paragraph} ({declared_in})", head=head).encode(encoding)
    content_type = f"text/html; charset={encoding}" if declared_in == "header" else "text/html"
    return body, content_type


BOM_TITLE = "Über die Straße: Größe zählt"


def bom_contradicting_header() -> bytes:
    """UTF-8 with a BOM, served as ISO-8859-1: the BOM wins (as in browsers)."""
    return b"\xef\xbb\xbf" + article(BOM_TITLE).encode("utf-8")


INVALID_UTF8_TITLE = "Naïve café résumé"


def invalid_utf8() -> bytes:
    """UTF-8 with stray invalid bytes in the body: the rest must survive intact."""
    page = article(INVALID_UTF8_TITLE).encode("utf-8")
    return page.replace(b"harbour", b"harb\xff\xfeour", 1)


# --- markup -------------------------------------------------------------------------------

UNCLOSED_TITLE = "Unclosed tags everywhere"


def unclosed() -> bytes:
    paragraphs = "".join(f"<p>{n}. {ENGLISH}<b>bold <i>italic " for n in range(3))
    return (
        f"<html><head><title>{UNCLOSED_TITLE}</title><meta property='og:type' content='article'>"
        f"<body><article><h1>{UNCLOSED_TITLE}</h1>{paragraphs}<div><span><table><tr><td>"
    ).encode()


MALFORMED_TITLE = "Malformed markup survives"


def malformed() -> bytes:
    junk = "</div></span><!-- a -- b --><p =broken attr=x'>&bogus;&#xZZ;</td></tr><<>>"
    return (
        article(MALFORMED_TITLE).replace("<article>", f"<article>{junk}") + "</html></html><<<>>>"
    ).encode()


def unclosed_quote() -> bytes:
    """An attribute quote never closed: the parser swallows the article into it."""
    return article("Quote never closed").replace("<article>", '<article><div class="lead>').encode()


def deep_nesting(levels: int = 10_000) -> bytes:
    return (
        "<html><body>" + "<div>" * levels + f"<p>{ENGLISH}</p>" + "</div>" * levels + "</body></html>"
    ).encode()


def binary_as_html() -> bytes:
    return bytes(range(256)) * 64


# --- transport ------------------------------------------------------------------------------


def gzip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """``size`` bytes of zeros, gzip-compressed to about ``size / 1000``."""
    return gzip.compress(b"\0" * size, compresslevel=9)


def brotli_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    return bytes(brotli.compress(b"\0" * size, quality=5))


# --- XML payloads ---------------------------------------------------------------------------

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def billion_laughs(root: str) -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>'.encode() + _xml_body(root, "&lol9;")


def external_entity(root: str, secret_path: str, probe_url: str) -> bytes:
    """XXE: one entity reads a local file, one fetches a URL (a probe on the test server)."""
    dtd = (
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file://{secret_path}"><!ENTITY probe SYSTEM "{probe_url}">]>'
    )
    return f'<?xml version="1.0"?>{dtd}'.encode() + _xml_body(root, "&xxe;&probe;")


def _xml_body(root: str, payload: str) -> bytes:
    if root == "urlset":
        return f"<urlset {SITEMAP_NS}><url><loc>/xml/{payload}</loc></url></urlset>".encode()
    return (
        f"<rss version='2.0'><channel><title>{payload}</title>"
        f"<item><title>{payload}</title><link>/xml/{payload}</link></item></channel></rss>"
    ).encode()


def sitemap(paths: list[str], *, cut_at: int | None = None) -> bytes:
    entries = "".join(f"<url><loc>{p}</loc></url>" for p in paths)
    document = f'<?xml version="1.0"?><urlset {SITEMAP_NS}>{entries}</urlset>'.encode()
    return document[:cut_at] if cut_at else document


def million_url_sitemap(count: int = 1_000_000) -> bytes:
    """A gzip sitemap of ``count`` article URLs (about 2 MB compressed, 50 MB inflated)."""
    entries = "".join(f"<url><loc>/a/{n}/</loc></url>" for n in range(count))
    document = f'<?xml version="1.0"?><urlset {SITEMAP_NS}>{entries}</urlset>'.encode()
    return gzip.compress(document, compresslevel=1)


# --- pathological for the extractor -----------------------------------------------------------


def huge_table(rows: int = 3000, columns: int = 30) -> bytes:
    cells = "".join("<tr>" + "<td>cell text here</td>" * columns + "</tr>" for _ in range(rows))
    return article("A very large table").replace("</article>", f"<table>{cells}</table></article>").encode()


def thousands_of_links(count: int = 20_000) -> bytes:
    links = "".join(f'<li><a href="/l/{n}">Related headline number {n}</a></li>' for n in range(count))
    return article("Thousands of links").replace("</article>", f"</article><ul>{links}</ul>").encode()


def div_soup(count: int = 2000, depth: int = 40) -> bytes:
    block = "<div class='x'>" * depth + f"<span>{ENGLISH[:60]}</span>" + "</div>" * depth
    return article("Deep div soup").replace("</article>", "</article>" + block * count).encode()
