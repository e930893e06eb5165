"""Related-news blocks: "Latest News", "Most read", "À lire aussi" teaser lists.

Found by structure first, so that a new site or language needs no vocabulary: a block is
the smallest element holding teasers of two or more other articles, made mostly of those
teasers (not a column of prose with two links in it). A box with a single teaser counts
when the related vocabulary names it (class/id, its heading, or a "read also" label
before the link). Headings are found around the block, in any language.

Navigation, comments, tag clouds and previous/next links never become teaser links (see
:mod:`related_links`); a heading with no links (a list a script fills in later) yields
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

import lxml.html
from lxml import etree

from newscrawler.extraction.document import Document, text_of
from newscrawler.extraction.related_headings import (
    find_heading,
    looks_like_related_box,
    read_also_label,
)
from newscrawler.extraction.related_items import RelatedItem, build_item
from newscrawler.extraction.related_links import TeaserLink, find_teaser_links, normalized
from newscrawler.urls import site_of

__all__ = ["RelatedBlock", "RelatedBlockRecord", "RelatedItem", "find_related_blocks"]

# Text of a list container outside its teasers (heading, "see all" link, ad slot).
_MAX_OUTSIDE_CHARS = 300
_MAX_OUTSIDE_SHARE = 0.4
# A teaser with a summary is a few hundred characters; a larger unit is a text column.
_MAX_UNIT_CHARS = 700
_MAX_SINGLE_TEASER_CHARS = 800
_MAX_SINGLE_TEASER_EXTRA_CHARS = 300
# Average title length below which a list is a menu of short labels, not of headlines
# (headlines run 6–10 words in most languages; Polish and German compounds bring it near 4).
_MIN_MEAN_TITLE_CHARS = 20
_MIN_MEAN_TITLE_WORDS = 3.4
# In scripts without spaces (CJK) a character carries a word: headlines run 15–30 of them,
# menu labels ("コラム", "TV일반", "よみうり寸評") two to eight. On the 124 labelled pages no
# list with a mean under 10 held a single related item (32 lists, 151 items).
_MIN_MEAN_UNSPACED_TITLE_CHARS = 10
# Lists that are menus by their structure, whatever their links: inside the page's
# navigation (<nav>, role=navigation); a menu entry with a submenu, or a submenu (a list
# in an item of another list, or a list in an item that opens with its section's link,
# "<li><a>Wildlife</a><ul>…</ul></li>"; a sidebar widget "<li><h2>Recent</h2><ul>" is
# none); content for browsers without scripts (<noscript>), which readers of the page do
# not see. On the labelled pages none of these lists held a single related item
# (navigation: 19 of 118 items; the section-entry submenus: 7 false items, no true one).
# An element whose whole text is a price: "$49.95", "49,95 €", "from £12", "EUR 19".
_PRICE = re.compile(
    r"^\s*(?:\w+\s)?(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$€£¥₹]|EUR|USD|GBP|CHF|zł|kr|Kč)"
    r"|(?:EUR|USD|GBP|CHF)\s?\d[\d.,]*)\s*$"
)
_MIN_PRICED_SHARE = 2 / 3
_IN_NAVIGATION = etree.XPath(
    "boolean(ancestor-or-self::nav"
    " or ancestor-or-self::*[@role='navigation' or @role='menu' or @role='menubar']"
    " or ancestor-or-self::li[ancestor::li] or self::li[.//ul or .//ol]"
    " or self::*[self::ul or self::ol][parent::li/a]"
    " or ancestor::noscript)"
)


class RelatedBlockRecord(TypedDict):
    heading: str | None
    items: list[RelatedItem]


@dataclass
class RelatedBlock:
    element: lxml.html.HtmlElement
    heading: str | None
    items: list[RelatedItem] = field(default_factory=list)
    position: int = 0
    # False for a list of links that is no teaser list (a menu of short labels): it is kept
    # out of the body like a related block, but not reported as one.
    teasers: bool = True

    def as_record(self) -> RelatedBlockRecord:
        return {"heading": self.heading, "items": self.items}


@dataclass
class _Index:
    """Which teaser URLs and links lie under each element (one walk up per link)."""

    page: str
    urls: dict[lxml.html.HtmlElement, set[str]] = field(default_factory=dict)
    links: dict[lxml.html.HtmlElement, list[TeaserLink]] = field(default_factory=dict)
    compact: dict[lxml.html.HtmlElement, bool] = field(default_factory=dict)

    def others(self, element: lxml.html.HtmlElement) -> int:
        """Distinct URLs under ``element`` other than the page itself."""
        urls = self.urls.get(element, set())
        return len(urls) - (self.page in urls)


def find_related_blocks(doc: Document) -> list[RelatedBlock]:
    """Related blocks in document order, each with its outermost element and its items."""
    links = find_teaser_links(doc)
    if not links:
        return []
    index = _build_index(doc, links)
    groups: dict[lxml.html.HtmlElement, list[TeaserLink]] = {}
    loose = []
    for link in links:
        container = _list_container(link, index)
        if container is None:
            loose.append(link)
        else:
            groups.setdefault(container, []).append(link)
    order = {id(link.element): n for n, link in enumerate(links)}
    lists, unlisted = _nest(groups)
    loose += unlisted
    blocks = [_list_block(element, members, index, order) for element, members in lists.items()]
    blocks += _single_teaser_blocks(sorted(loose, key=lambda link: order[id(link.element)]), index, order)
    found = [block for block in blocks if block is not None and block.items]
    return sorted(found, key=lambda block: block.position)


def _build_index(doc: Document, links: list[TeaserLink]) -> _Index:
    index = _Index(page=normalized(doc.url))
    for link in links:
        key = link.key
        for ancestor in link.element.iterancestors():
            index.urls.setdefault(ancestor, set()).add(key)
            index.links.setdefault(ancestor, []).append(link)
    return index


def _list_container(link: TeaserLink, index: _Index) -> lxml.html.HtmlElement | None:
    """The smallest ancestor holding another teaser, if teasers make up most of it."""
    own = {link.key, index.page}
    for ancestor in link.element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if index.urls[ancestor] - own:
            if index.others(ancestor) < 2:
                return None
            return ancestor if _is_compact(ancestor, index) else None
    return None


def _stray_links(container: lxml.html.HtmlElement, units: set[lxml.html.HtmlElement]) -> int:
    """Links outside every teaser unit: many of them make a menu with a few stories in it."""
    stray = 0
    for link in container.iter("a"):
        node = link
        while node is not None and node is not container and node not in units:
            node = node.getparent()
        if link.get("href") and node is container:
            stray += 1
    return stray


def _units(container: lxml.html.HtmlElement, index: _Index) -> dict[str, lxml.html.HtmlElement]:
    """Each URL's teaser unit: its link's largest ancestor inside ``container`` holding no other URL."""
    units: dict[str, lxml.html.HtmlElement] = {}
    for link in index.links.get(container, []):
        key = link.key
        if key in units:
            continue
        unit = link.element
        for ancestor in link.element.iterancestors():
            if ancestor is container or len(index.urls[ancestor]) > 1:
                break
            unit = ancestor
        units[key] = unit
    return units


def _is_compact(container: lxml.html.HtmlElement, index: _Index) -> bool:
    if container not in index.compact:
        units = _units(container, index).values()
        sizes = [len(text_of(unit)) for unit in units]
        total = len(text_of(container))
        outside = total - sum(sizes)
        index.compact[container] = (
            max(sizes, default=0) <= _MAX_UNIT_CHARS
            and (outside <= _MAX_OUTSIDE_CHARS or outside <= _MAX_OUTSIDE_SHARE * total)
            and _stray_links(container, set(units)) <= max(1, len(sizes) // 2)
        )
    return index.compact[container]


def _nest(
    groups: dict[lxml.html.HtmlElement, list[TeaserLink]],
) -> tuple[dict[lxml.html.HtmlElement, list[TeaserLink]], list[TeaserLink]]:
    """Settle lists nested in lists. An outer list adding one lead teaser absorbs the inner
    lists ("featured story + list" widgets); one adding two is a column of boxes whose
    stray links are not a list of their own; from three on both lists stand."""
    outer_of = {
        element: next((a for a in element.iterancestors() if a in groups), None) for element in groups
    }
    inner_count: dict[lxml.html.HtmlElement, int] = {}
    for outer in outer_of.values():
        if outer is not None:
            inner_count[outer] = inner_count.get(outer, 0) + 1
    lists: dict[lxml.html.HtmlElement, list[TeaserLink]] = {}
    unlisted: list[TeaserLink] = []
    for element, members in groups.items():
        own = len({link.key for link in members if not link.is_self})
        if inner_count.get(element) and own == 2:
            unlisted += members
            continue
        target = element
        while (outer := outer_of.get(target)) is not None and _own_count(groups[outer]) == 1:
            target = outer
        lists.setdefault(target, []).extend(members)
    return lists, unlisted


def _own_count(members: list[TeaserLink]) -> int:
    return len({link.key for link in members if not link.is_self})


def _list_block(
    element: lxml.html.HtmlElement, members: list[TeaserLink], index: _Index, order: dict[int, int]
) -> RelatedBlock | None:
    links = sorted(members, key=lambda link: order[id(link.element)])
    if not links:
        return None
    titles = [link.text for link in links if not link.is_self] or [""]
    chars = sum(map(len, titles)) / len(titles)
    words = sum(len(title.split()) for title in titles) / len(titles)
    unspaced = _unspaced(titles)
    if not unspaced and (chars < _MIN_MEAN_TITLE_CHARS or words < _MIN_MEAN_TITLE_WORDS):
        return None
    by_url: dict[str, list[TeaserLink]] = {}
    for link in links:
        by_url.setdefault(link.key, []).append(link)
    heading = find_heading(element, links[0].element)
    if heading is None and _all_off_site(by_url, index.page):
        return None
    units = _units(element, index)
    if _is_product_list(units.values()):
        return None
    items = [item for key, same in by_url.items() if (item := build_item(units[key], same)) is not None]
    # A CJK menu was always kept out of the body as a teaser list; it still is. So is a
    # menu by structure (_IN_NAVIGATION), even when it names articles.
    teasers = (not unspaced or chars >= _MIN_MEAN_UNSPACED_TITLE_CHARS) and not _IN_NAVIGATION(element)
    return RelatedBlock(element, heading, items, order[id(links[0].element)], teasers=teasers)


def _is_product_list(units: Iterable[lxml.html.HtmlElement]) -> bool:
    """Most teasers show a price of their own ("$49.95" in an element of its own): a list
    of products (a shop widget, the article's buying links), not of stories."""
    units = list(units)
    priced = sum(1 for unit in units if any(_PRICE.match(text_of(e)) for e in unit.iter() if len(e) == 0))
    return priced >= _MIN_PRICED_SHARE * len(units)


def _all_off_site(keys: Iterable[str], page: str) -> bool:
    """Every link leads to another site. Without a heading ("Around the web") such a list
    is the article's own shop or source links (a deals post, a buying guide), not teasers
    of the site's other stories."""
    if not page:  # no page URL: nothing to compare with
        return False
    site = site_of(page)
    return all(site_of(key) != site for key in keys)


def _single_teaser_blocks(
    loose: list[TeaserLink], index: _Index, order: dict[int, int]
) -> list[RelatedBlock]:
    """Boxes holding one teaser, kept when the related vocabulary names them."""
    blocks = []
    seen: set[str] = set()
    for link in loose:
        key = link.key
        if link.is_self or key in seen:
            continue
        unit = _single_unit(link, index)
        label = read_also_label(unit, link.element)
        if label is None and not looks_like_related_box(unit, link.element):
            continue
        same = [other for other in index.links.get(unit, [link]) if other.key == key] or [link]
        item = build_item(unit, same)
        if item is not None:
            seen.add(key)
            heading = label or find_heading(unit, link.element)
            teasers = not _IN_NAVIGATION(unit)
            blocks.append(RelatedBlock(unit, heading, [item], order[id(link.element)], teasers=teasers))
    return blocks


def _single_unit(link: TeaserLink, index: _Index) -> lxml.html.HtmlElement:
    """The box around a lone teaser: grown while it takes in no other teaser and little
    other text (a heading, a kicker, a summary), so it stops at the paragraph in prose."""
    unit = link.element
    size = len(text_of(unit))
    for ancestor in link.element.iterancestors():
        if ancestor.tag in ("body", "html") or len(index.urls[ancestor]) > 1:
            break
        grown = len(text_of(ancestor))
        if grown > _MAX_SINGLE_TEASER_CHARS or grown - size > _MAX_SINGLE_TEASER_EXTRA_CHARS:
            break
        unit, size = ancestor, grown
    return unit


def _unspaced(titles: list[str]) -> bool:
    """Titles in a script without spaces (CJK, Thai): characters carry more per title."""
    return any(ord(ch) > 0x2E80 for title in titles[:3] for ch in title[:4])
