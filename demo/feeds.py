"""The site's machine-readable files: robots.txt, sitemap.xml and an RSS 2.0 feed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from demo.content import ARTICLES, SITE_NAME, newest_first


def robots_txt(base: str) -> str:
    """Allow everything and point at the sitemap, as most news sites do."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n"


def sitemap_xml(base: str) -> str:
    """A sitemap listing every article with its last modification time."""
    urls = "".join(
        f"  <url>\n    <loc>{escape(base + article.path)}</loc>\n"
        f"    <lastmod>{article.modified}</lastmod>\n  </url>\n"
        for article in ARTICLES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    )


def _rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))


def feed_xml(base: str) -> str:
    """An RSS 2.0 feed of every article, newest first."""
    items = []
    for article in newest_first():
        url = escape(base + article.path)
        creators = "".join(f"      <dc:creator>{escape(a.name)}</dc:creator>\n" for a in article.authors)
        categories = "".join(f"      <category>{escape(tag)}</category>\n" for tag in article.tags)
        items.append(
            f"    <item>\n      <title>{escape(article.title)}</title>\n      <link>{url}</link>\n"
            f'      <guid isPermaLink="true">{url}</guid>\n'
            f"      <pubDate>{_rfc822(article.published)}</pubDate>\n{creators}{categories}"
            f"      <description>{escape(article.description)}</description>\n    </item>\n"
        )
    latest = _rfc822(newest_first()[0].published)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n'
        f"    <title>{SITE_NAME}</title>\n    <link>{base}/</link>\n"
        f'    <atom:link href="{base}/feed.xml" rel="self" type="application/rss+xml"/>\n'
        "    <description>Technologie, IA et économie numérique</description>\n"
        f"    <language>fr</language>\n    <lastBuildDate>{latest}</lastBuildDate>\n"
        f"{''.join(items)}  </channel>\n</rss>\n"
    )
