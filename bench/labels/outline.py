"""A labeller's view of a page: its visible text and its links, without any extractor.

Labels must come from the page, not from what newscrawler returns, so this tool knows
nothing of bios or related blocks. It prints the page as a reader would scan it:

    python -m bench.labels.outline PAGE.html.gz URL            # text outline
    python -m bench.labels.outline PAGE.html.gz URL --links    # links grouped by container
    python -m bench.labels.outline PAGE.html.gz URL --grep WORD   # raw HTML around WORD

Text outline: one line per block element with visible text, indented by depth, with its
tag, class and id, its own text (cut at 300 characters) and its links as [text](url).
Links: every ``<a href>`` resolved against ``<base href>`` (else the page URL), grouped by
the nearest ancestor that holds two links or more, each group with the nearest heading
before it. Scripts, styles, templates and comments are left out; ``<noscript>`` content
is shown marked, since labels leave it out.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from newscrawler.encoding import decode_page

_HIDDEN = {"script", "style", "template", "svg", "head"}
_BLOCKS = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol",
    "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote", "table",
    "tr", "td", "th", "dl", "dt", "dd", "form", "noscript", "address", "details", "summary",
}  # fmt: skip
_HIDDEN_ANCESTOR = etree.XPath("boolean(ancestor::script|ancestor::template)")
_HEADING_BEFORE = etree.XPath(
    "(preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6])[last()]"
)
_HEADINGS_INSIDE = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")
_MAX_TEXT = 300


def page_bytes(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def load(path: Path) -> lxml.html.HtmlElement:
    data = page_bytes(path)
    # The text is decoded as the crawl decodes it, then handed to libxml2 as UTF-8 bytes it
    # is told the encoding of (else it reads undeclared bytes as Latin-1).
    parser = etree.HTMLParser(remove_comments=True, encoding="utf-8")
    tree = etree.fromstring(decode_page(data, None).encode("utf-8"), parser)
    return lxml.html.fromstring(etree.tostring(tree, encoding="unicode"))


def base_url(tree: lxml.html.HtmlElement, page_url: str) -> str:
    """``<base href>`` resolved against the page URL, else the page URL (labels' rule)."""
    for base in tree.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def _label(element: lxml.html.HtmlElement) -> str:
    parts = [element.tag]
    if element.get("class"):
        parts.append("." + ".".join(element.get("class", "").split()))
    if element.get("id"):
        parts.append("#" + element.get("id", ""))
    return "".join(parts)[:120]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _own_text(element: lxml.html.HtmlElement, base: str) -> str:
    """Text of the element and its inline descendants (not nested blocks), links marked."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if child.tag in _HIDDEN or child.tag in _BLOCKS:
            pieces.append(child.tail or "")
            continue
        if child.tag == "a" and child.get("href"):
            label = (
                _squash(child.text_content())
                or child.get("title")
                or (child.xpath("string(.//img/@alt)") or "")
            )
            pieces.append(f" [{_squash(str(label))}]({urljoin(base, child.get('href', '').strip())}) ")
        else:
            pieces.append(_own_text(child, base))
        pieces.append(child.tail or "")
    return _squash("".join(pieces))


def _link_text(link: lxml.html.HtmlElement) -> str:
    """A link's text, else its title, else the alt text of its image."""
    text = _squash(link.text_content()) or link.get("title") or str(link.xpath("string(.//img/@alt)"))
    return _squash(text)


def text_outline(tree: lxml.html.HtmlElement, base: str) -> list[str]:
    lines: list[str] = []

    def walk(element: lxml.html.HtmlElement, depth: int) -> None:
        if not isinstance(element.tag, str) or element.tag in _HIDDEN:
            return
        if element.tag in _BLOCKS or element.tag == "body":
            own = _own_text(element, base)
            if own:
                marker = " (NOSCRIPT)" if element.tag == "noscript" else ""
                cut = own if len(own) <= _MAX_TEXT else own[:_MAX_TEXT] + f"… (+{len(own) - _MAX_TEXT})"
                lines.append(f"{'  ' * min(depth, 20)}{_label(element)}{marker}: {cut}")
            for child in element:
                walk(child, depth + 1)
        else:
            for child in element:
                walk(child, depth)

    body = tree.find("body")
    walk(body if body is not None else tree, 0)
    return lines


def link_groups(tree: lxml.html.HtmlElement, base: str) -> list[str]:
    links = [
        a for a in tree.iter("a") if a.get("href") and not a.xpath("ancestor::script|ancestor::template")
    ]
    counts: dict[lxml.html.HtmlElement, int] = {}
    for link in links:
        for ancestor in link.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    groups: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {}
    for link in links:
        owner = next((a for a in link.iterancestors() if counts.get(a, 0) >= 2), link.getparent())
        groups.setdefault(owner, []).append(link)
    lines = []
    for owner, members in groups.items():
        heading = owner.xpath(
            "(preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6])[last()]"
        )
        inner = owner.xpath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")
        path = " > ".join(_label(a) for a in reversed([owner, *list(owner.iterancestors())[:3]]))
        before = _squash(heading[0].text_content())[:80] if heading else ""
        first_inner = _squash(inner[0].text_content())[:80] if inner else ""
        lines.append(f"\n== {path}  (heading before: {before!r}; first heading inside: {first_inner!r})")
        for link in members:
            text = _squash(link.text_content()) or link.get("title") or str(link.xpath("string(.//img/@alt)"))
            lines.append(
                f"   - {_squash(str(text))[:140]!s} -> {urljoin(base, link.get('href', '').strip())}"
            )
    return lines


def grep(path: Path, word: str, context: int = 600) -> list[str]:
    """The page's decoded HTML around the first five places ``word`` occurs."""
    html = decode_page(page_bytes(path), None)
    spans = [(max(0, m.start() - context), m.end() + context) for m in re.finditer(re.escape(word), html)]
    return [html[start:end] for start, end in spans[:5]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.labels.outline", description=__doc__.splitlines()[0]
    )
    parser.add_argument("page", type=Path)
    parser.add_argument("url")
    parser.add_argument("--links", action="store_true", help="links grouped by container")
    parser.add_argument("--grep", default=None, help="raw HTML around this string")
    args = parser.parse_args(argv)
    if args.grep:
        print("\n-----\n".join(grep(args.page, args.grep)))
        return 0
    tree = load(args.page)
    base = base_url(tree, args.url)
    print(f"page URL: {args.url}\nbase URL: {base}\n")
    lines = link_groups(tree, base) if args.links else text_outline(tree, base)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
