"""Which links on a page point to another article (the raw material of related blocks).

A teaser link leads to an article-like URL (an id, a date or a long slug) or carries a
headline-long text; it is not a link inside running prose, not a listing page (tag,
author, section, shop), not previous/next navigation and not inside comments, share
bars, menus or ads. One pass over the page's ``<a>`` elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit

import lxml.html

from newscrawler.extraction.classes import token_pattern
from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    NON_ARTICLE_PATH_SEGMENTS,
    PREV_NEXT_LABELS,
    RELATED_EXCLUDED_TOKENS,
    SITE_CHROME_TOKENS,
    SOCIAL_HOSTS,
)

_EXCLUDED = token_pattern(RELATED_EXCLUDED_TOKENS)
_CHROME = token_pattern(SITE_CHROME_TOKENS)
_PREV_NEXT = re.compile(
    r"^(?:" + "|".join(re.escape(label) for label in PREV_NEXT_LABELS) + r")(?:\s*[:|»›→«‹←❯❮>]|$)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d{3,}")
_SLUG_SEPARATORS = re.compile(r"[-_+]")
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)$", re.IGNORECASE)
# Scripts written without spaces between words: a title is long in characters, not words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
# A link in prose: its paragraph holds this many more characters than the link.
_PROSE_MARGIN = 60
_MIN_LONG_TITLE_WORDS = 5
_TAXONOMY_CARRIERS = frozenset({"html", "body", "article", "main"})


@dataclass(frozen=True)
class TeaserLink:
    element: lxml.html.HtmlElement
    url: str  # absolute, fragment removed
    text: str  # the link's own text, or its title/alt when it wraps only an image
    is_self: bool  # links to the page itself (kept in lists that show it, never counted)
    key: str  # normalized(url): related blocks group links by it many times over


def find_teaser_links(doc: Document) -> list[TeaserLink]:
    """Links to other articles, in document order."""
    page_url = normalized(doc.url)
    # A page links most URLs more than once (image and title of a teaser, menus repeated
    # in the footer): each distinct href is resolved and tested once.
    resolved: dict[str, tuple[str, SplitResult] | None] = {}
    raw = []
    for link in doc.tree.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        if href not in resolved:
            resolved[href] = _resolve(doc.base_url, href)
        target = resolved[href]
        if target is not None:
            raw.append((link, *target))
    sections = _section_paths(parts for _, _, parts in raw)
    excluded = _ExcludedParts(_excluded_names(doc))
    # per URL: None when the URL alone rules the link out, else whether it looks like an
    # article's URL
    url_verdicts: dict[str, bool | None] = {}
    found = []
    for link, url, parts in raw:
        # URL tests before the link's text: reading the text is the costlier part.
        if url not in url_verdicts:
            url_verdicts[url] = _url_verdict(parts, sections)
        article_path = url_verdicts[url]
        if article_path is None:
            continue
        text = _label(link)
        if not text or _PREV_NEXT.match(text) or _is_prev_next(link):
            continue
        if not (article_path or _is_headline_long(text)):
            continue
        if excluded.holds(link) or _is_in_prose(link, text):
            continue
        key = normalized(url)
        found.append(TeaserLink(link, url, text, key == page_url, key))
    return found


def _resolve(page_url: str, href: str) -> tuple[str, SplitResult] | None:
    """The absolute http(s) URL of ``href`` without its fragment, and its parts."""
    url = absolute_url(page_url, href).partition("#")[0]
    if not url.startswith(("http://", "https://")):
        return None
    # split once: every URL test reads the parts
    try:
        return url, urlsplit(url)
    except ValueError:
        return None  # malformed host ("http://[not-an-ip]/"): not a teaser


def _url_verdict(parts: SplitResult, sections: set[str]) -> bool | None:
    """None for a URL no teaser leads to (a listing, a social profile, a bare section),
    else whether it looks like an article's URL by itself."""
    if _is_listing_or_social(parts):
        return None
    article_path = _looks_like_article_path(parts, sections)
    if not article_path and not _has_slug(parts):
        return None
    return article_path


def normalized(url: str) -> str:
    """URL identity for deduplication: no scheme, no ``www.``, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def looks_like_article_url(url: str, sections: set[str]) -> bool:
    """An id, a date or a slug of three words or more, under no listing-page segment.

    >>> looks_like_article_url("https://example.com/2019/11/18/techy-gift-guide/", set())
    True
    >>> looks_like_article_url("https://example.com/category/world-news-today/", set())
    False
    """
    parts = urlsplit(url)
    return not _is_listing_or_social(parts) and _looks_like_article_path(parts, sections)


def _looks_like_article_path(parts: SplitResult, sections: set[str]) -> bool:
    """:func:`looks_like_article_url` for a URL known not to be a listing page."""
    segments = [s for s in parts.path.lower().split("/") if s]
    if not segments or _host_path(parts) in sections:
        return False
    last = _PAGE_EXTENSION.sub("", segments[-1])
    return bool(
        _DIGITS.search(parts.path)
        or _DIGITS.search(parts.query)
        or len(_SLUG_SEPARATORS.findall(last)) >= 2
        or (_PAGE_EXTENSION.search(segments[-1]) and len(last) >= 6)
    )


def _is_listing_or_social(parts: SplitResult) -> bool:
    """A tag/author/shop page (by a path segment or the host's first label: ``shop.x.com``)
    or a social network profile: never an article teaser."""
    host = parts.netloc.lower().split(":")[0].removeprefix("www.")
    if host in SOCIAL_HOSTS or host.split(".")[0] in NON_ARTICLE_PATH_SEGMENTS:
        return True
    return any(s in NON_ARTICLE_PATH_SEGMENTS for s in parts.path.lower().split("/"))


def _has_slug(parts: SplitResult) -> bool:
    """Under a section or a multi-word slug: ``/unfaelle`` is a section page, whatever its link says."""
    segments = [s for s in parts.path.split("/") if s]
    return len(segments) >= 2 or (len(segments) == 1 and bool(_SLUG_SEPARATORS.search(segments[0])))


def _host_path(parts: SplitResult) -> str:
    return parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/").lower()


def _section_paths(urls: Iterable[SplitResult]) -> set[str]:
    """Paths that other links on the page live under: section and listing pages."""
    sections: set[str] = set()
    for parts in urls:
        path = _host_path(parts)
        cut = path.rfind("/")
        while cut > 0 and path[:cut] not in sections:
            sections.add(path[:cut])
            cut = path.rfind("/", 0, cut)
    return sections


def _label(link: lxml.html.HtmlElement) -> str:
    text = clean_text(text_of(link))
    if text:
        return text
    # An image link: its title attribute or the image's alt names the article.
    for candidate in (link.get("title"), *(img.get("alt") for img in link.iter("img"))):
        if candidate and clean_text(candidate):
            return clean_text(candidate)
    return ""


def _is_headline_long(text: str) -> bool:
    if _UNSPACED.search(text):
        return len(text) >= 6
    return len(text.split()) >= _MIN_LONG_TITLE_WORDS


def _is_prev_next(link: lxml.html.HtmlElement) -> bool:
    return bool({"prev", "next"} & set((link.get("rel") or "").lower().split()))


def _excluded_names(doc: Document) -> set[lxml.html.HtmlElement]:
    """Elements whose class or id names comments, share bars, menus, ads or site chrome."""
    names = doc.class_names
    return {*names.elements_matching(_EXCLUDED), *names.elements_matching(_CHROME)}


@dataclass
class _ExcludedParts:
    """Which elements lie inside comments, share bars, menus, ads or the site footer."""

    named: set[lxml.html.HtmlElement]
    # the verdict of every element visited so far: links share most of their ancestors
    verdicts: dict[lxml.html.HtmlElement, bool] = field(default_factory=dict)

    def holds(self, element: lxml.html.HtmlElement) -> bool:
        chain = []
        node: lxml.html.HtmlElement | None = element
        verdict = False
        while node is not None:
            if node in self.verdicts:
                verdict = self.verdicts[node]
                break
            chain.append(node)
            # body/article classes carry the post's slug, tags and categories (WordPress
            # "tag-social"): arbitrary words, not the page part's name.
            named = node.tag not in _TAXONOMY_CARRIERS and node in self.named
            if named or _is_site_footer(node):
                verdict = True
                break
            node = node.getparent()
        for visited in chain:
            self.verdicts[visited] = verdict
        return verdict


def _is_site_footer(node: lxml.html.HtmlElement) -> bool:
    """A ``<footer>`` outside any article: the site's footer, not an article's footer."""
    if node.tag != "footer":
        return False
    return not any(a.tag in ("article", "main") for a in node.iterancestors())


def _is_in_prose(link: lxml.html.HtmlElement, text: str) -> bool:
    """A link inside a sentence of the article text, not a teaser's title."""
    for ancestor in link.iterancestors():
        if ancestor.tag in ("p", "dd", "blockquote"):
            paragraph = clean_text(text_of(ancestor))
            return len(paragraph) > len(text) + _PROSE_MARGIN and not paragraph.startswith(text)
        if ancestor.tag in ("div", "li", "td", "section", "article", "body"):
            return False
    return False
