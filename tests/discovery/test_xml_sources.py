"""Feeds and sitemaps: parsed in a stream, safe on hostile XML."""

from __future__ import annotations

import gzip
from pathlib import Path

from newscrawler.discovery.feeds import feed_links, parse_feed
from newscrawler.discovery.sitemaps import parse_sitemap, sitemaps_in_robots
from newscrawler.extraction import parse_document

BASE = "https://news.example/"
MB = 1024 * 1024


def test_rss_atom_and_rdf_entries() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><item><title>One</title>
        <link>/a/1</link><pubDate>Tue, 03 Nov 2026 08:00:00 +0100</pubDate></item></channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Two</title>
        <link rel="alternate" href="https://news.example/a/2"/><published>2026-11-03</published></entry></feed>"""
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <item rdf:about="https://news.example/a/3"><title>Three</title></item></rdf:RDF>"""
    entries = [e for body in (rss, atom, rdf) for e in parse_feed(body, BASE, MB, 10)]
    assert [(e.url, e.title) for e in entries] == [
        ("https://news.example/a/1", "One"),
        ("https://news.example/a/2", "Two"),
        ("https://news.example/a/3", "Three"),
    ]
    assert entries[0].published == "2026-11-03T08:00:00+01:00"


def test_feed_autodiscovery() -> None:
    doc = parse_document(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        '<link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://news.example/atom">'
        '<link rel="stylesheet" href="/s.css"></head><body></body></html>',
        BASE,
    )
    assert feed_links(doc.tree, BASE) == ["https://news.example/rss", "https://news.example/atom"]


def test_google_news_sitemap_keeps_title_and_date_and_reads_gzip() -> None:
    body = gzip.compress(
        b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://news.example/a</loc>
        <image:image><image:title>A photo</image:title></image:image>
        <news:news><news:publication_date>2026-11-02T10:00:00Z</news:publication_date>
        <news:title>Headline A</news:title></news:news></url></urlset>"""
    )
    (entry,) = parse_sitemap(body, BASE, MB, 10)
    assert (entry.url, entry.news_title, entry.news_published) == (
        "https://news.example/a",
        "Headline A",
        "2026-11-02T10:00:00Z",
    )


def test_sitemap_index_and_limit() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>/s2.xml.gz</loc></sitemap></sitemapindex>"""
    entries = list(parse_sitemap(index, BASE, MB, 10))
    assert [(e.url, e.is_sitemap) for e in entries] == [
        ("https://news.example/s1.xml", True),
        ("https://news.example/s2.xml.gz", True),
    ]
    many = b"<urlset>" + b"".join(b"<url><loc>/p%d</loc></url>" % i for i in range(1000)) + b"</urlset>"
    assert len(list(parse_sitemap(many, BASE, MB, 25))) == 25


def test_billion_laughs_is_not_expanded() -> None:
    laughs = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <urlset><url><loc>/a&lol4;</loc></url><url><loc>/b</loc></url></urlset>"""
    urls = [e.url for e in parse_sitemap(laughs, BASE, MB, 10)]
    assert all(len(u) < 100 for u in urls)
    assert "https://news.example/b" in urls


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = f"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>
        <rss><channel><item><title>&x;</title><link>/a</link></item></channel></rss>""".encode()
    entries = list(parse_feed(xxe, BASE, MB, 10))
    assert "TOP-SECRET" not in repr(entries)


def test_malformed_xml_keeps_what_came_before() -> None:
    broken = b"<urlset><url><loc>/a</loc></url><url><loc>/b</loc></url><url><loc>/c</lo"
    assert [e.url for e in parse_sitemap(broken, BASE, MB, 10)][:2] == [
        "https://news.example/a",
        "https://news.example/b",
    ]


def test_decompression_bomb_is_capped() -> None:
    bomb = gzip.compress(b"<urlset>" + b"<url><loc>/x</loc></url>" * 200_000 + b"</urlset>")
    assert len(list(parse_sitemap(bomb, BASE, 64 * 1024, 10**9))) < 3000


def test_sitemaps_in_robots() -> None:
    robots = "User-agent: *\nDisallow: /x\nSitemap: /news.xml\nsitemap: https://cdn.example/s.xml\n"
    assert sitemaps_in_robots(robots, BASE) == ["https://news.example/news.xml", "https://cdn.example/s.xml"]
