"""Related-news blocks: "Latest News", "Related articles", "À lire aussi" teaser lists.

A block is found by its heading (multilingual vocabulary) or by the class/id vocabulary
of related-post widgets; its items are the teaser units inside it, one per linked article.
Navigation, footers and previous/next links are not blocks; a heading with no links
(a list a script fills in later) yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypedDict
from urllib.parse import urldefrag

import lxml.html

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.media import absolute_url
from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import RELATED_CONTAINER_TOKENS, RELATED_HEADINGS


class RelatedItem(TypedDict):
    title: str
    url: str
    summary: str | None


class RelatedBlockRecord(TypedDict):
    heading: str | None
    items: list[RelatedItem]


@dataclass
class RelatedBlock:
    element: lxml.html.HtmlElement
    heading: str | None
    items: list[RelatedItem] = field(default_factory=list)

    def as_record(self) -> RelatedBlockRecord:
        return {"heading": self.heading, "items": self.items}


_HEADING_RE = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in sorted(RELATED_HEADINGS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_MAX_HEADING_CHARS = 60
_MAX_BLOCK_LINKS = 40
_MIN_TITLE_CHARS = 12
_MIN_SUMMARY_CHARS = 30
# Containers that hold site chrome, never a related block.
_CHROME_TAGS = ("nav", "footer", "header")
_CHROME_TOKENS = ("nav", "menu", "footer", "breadcrumb", "pagination", "post-navigation", "comment", "tagcloud", "tag-cloud")
_READ_MORE = re.compile(r"^(?:read more|lire la suite|weiterlesen|leer más|leggi di più|lees meer|czytaj dalej)\W*$", re.I)


def find_related_blocks(doc: Document) -> list[RelatedBlock]:
    containers: list[tuple[lxml.html.HtmlElement, str | None]] = []
    for heading in _related_headings(doc.tree):
        container = _container_for_heading(heading)
        if container is not None:
            containers.append((container, clean_text(text_of(heading))))
    for element in _containers_by_vocabulary(doc.tree):
        containers.append((element, _first_heading_text(element)))
    blocks = []
    seen: list[lxml.html.HtmlElement] = []
    for element, heading in containers:
        if any(element is s or _is_ancestor(s, element) or _is_ancestor(element, s) for s in seen):
            continue
        if _is_chrome(element):
            continue
        items = _items(doc, element)
        if items:
            seen.append(element)
            blocks.append(RelatedBlock(element=element, heading=heading or None, items=items))
    blocks.extend(_inline_read_also(doc, seen))
    blocks.sort(key=lambda b: _position(doc.tree, b.element))
    return blocks


def _related_headings(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    for element in tree.iter(*_HEADING_TAGS, "div", "span", "p", "strong"):
        if element.tag in ("div", "span", "p", "strong") and not _looks_like_title_element(element):
            continue
        text = clean_text(text_of(element))
        if 0 < len(text) <= _MAX_HEADING_CHARS and _HEADING_RE.match(text) and not element.xpath(".//a[not(contains(@href, '#'))][string-length(normalize-space()) > 20]"):
            found.append(element)
    return found


def _looks_like_title_element(element: lxml.html.HtmlElement) -> bool:
    tokens = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return any(t in tokens for t in ("title", "heading", "headline", "header"))


def _container_for_heading(heading: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    element = heading
    for _ in range(4):
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        element = parent
        links = _content_links(element, exclude=heading)
        if len(links) > _MAX_BLOCK_LINKS:
            return None
        if links:
            return element
    return None


def _containers_by_vocabulary(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    for element in tree.iter("div", "section", "aside", "ul", "ol"):
        tokens = f"{element.get('class', '')} {element.get('id', '')}".lower().replace("_", "-")
        if any(token in tokens.split() or f"{token}-" in tokens or f"-{token}" in tokens for token in RELATED_CONTAINER_TOKENS):
            if 1 <= len(_content_links(element)) <= _MAX_BLOCK_LINKS:
                found.append(element)
    return found


def _first_heading_text(element: lxml.html.HtmlElement) -> str | None:
    for heading in element.iter(*_HEADING_TAGS):
        text = clean_text(text_of(heading))
        if text and len(text) <= _MAX_HEADING_CHARS and not heading.xpath(".//a"):
            return text
    return None


def _content_links(element: lxml.html.HtmlElement, exclude: lxml.html.HtmlElement | None = None) -> list[lxml.html.HtmlElement]:
    links = []
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        if exclude is not None and (link is exclude or _is_ancestor(exclude, link)):
            continue
        links.append(link)
    return links


def _is_chrome(element: lxml.html.HtmlElement) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in _CHROME_TAGS:
            return True
        tokens = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if node is element and any(t in tokens for t in _CHROME_TOKENS):
            return True
    return False


def _items(doc: Document, container: lxml.html.HtmlElement) -> list[RelatedItem]:
    by_url: dict[str, list[lxml.html.HtmlElement]] = {}
    page_url = urldefrag(doc.url)[0]
    for link in _content_links(container):
        url = urldefrag(absolute_url(doc.url, link.get("href", "")))[0]
        if url != page_url:
            by_url.setdefault(url, []).append(link)
    items = []
    for url, links in by_url.items():
        titles = [clean_text(text_of(a)) for a in links]
        titles = [t for t in titles if not _READ_MORE.match(t)]
        title = max(titles, key=len, default="")
        if len(title) < _MIN_TITLE_CHARS:
            continue
        teaser = _teaser_unit(container, links[0], set(by_url) - {url}, doc.url)
        items.append(RelatedItem(title=title, url=url, summary=_summary(teaser, title)))
    return items


def _teaser_unit(
    container: lxml.html.HtmlElement, link: lxml.html.HtmlElement, other_urls: set[str], base: str
) -> lxml.html.HtmlElement:
    """The largest ancestor of ``link`` inside ``container`` that links to no other item."""
    unit = link
    for ancestor in link.iterancestors():
        if ancestor is container:
            break
        hrefs = {urldefrag(absolute_url(base, a.get("href", "")))[0] for a in ancestor.iter("a") if a.get("href")}
        if hrefs & other_urls:
            break
        unit = ancestor
    return unit


def _summary(teaser: lxml.html.HtmlElement, title: str) -> str | None:
    best = ""
    for element in teaser.iter("p", "div", "span"):
        if element.xpath(".//a") or element.xpath(".//p"):
            continue
        text = clean_text(text_of(element))
        if text != title and len(text) > len(best):
            best = text
    return best if len(best) >= _MIN_SUMMARY_CHARS else None


_INLINE_LABEL = re.compile(
    r"^\s*(?:à lire aussi|a lire aussi|lire aussi|à lire également|read also|also read|read more|see also|"
    r"lesen sie auch|mehr zum thema|leggi anche|leia também|lees ook|czytaj też|czytaj także|te puede interesar|"
    r"lea también|ver también)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)


def _inline_read_also(doc: Document, seen: list[lxml.html.HtmlElement]) -> list[RelatedBlock]:
    """One-link "À lire aussi : …" lines inside the text, each a one-item block."""
    blocks = []
    for paragraph in doc.tree.iter("p", "div", "li"):
        if paragraph.tag == "div" and paragraph.xpath("./p|./div"):
            continue
        text = clean_text(text_of(paragraph))
        match = _INLINE_LABEL.match(text)
        links = _content_links(paragraph)
        if not match or len(links) != 1 or len(text) > 250:
            continue
        if any(paragraph is s or _is_ancestor(s, paragraph) for s in seen):
            continue
        title = clean_text(text_of(links[0]))
        if len(title) < _MIN_TITLE_CHARS:
            continue
        heading = clean_text(match.group(0)).rstrip(" :-–—") or None
        url = urldefrag(absolute_url(doc.url, links[0].get("href", "")))[0]
        blocks.append(RelatedBlock(element=paragraph, heading=heading, items=[RelatedItem(title=title, url=url, summary=None)]))
        seen.append(paragraph)
    return blocks


def _is_ancestor(candidate: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> bool:
    return any(parent is candidate for parent in element.iterancestors())


def _position(tree: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> int:
    line = element.sourceline
    return line if line is not None else 0
