"""Article text in app state: plain strings, HTML strings, and trees of content blocks.

Content APIs store a body in one of three shapes: one string of text, one string of HTML,
or a list of blocks (``[{"type": "paragraph", "children": [{"text": "…"}]}, …]``, nested
as deep as the editor nests them). Every shape comes out as paragraphs, which the caller
joins with one blank line as the HTML body is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree

from newscrawler.extraction.text import clean_text
from newscrawler.extraction.vocabulary import (
    APP_STATE_BLOCK_TYPE_TOKENS,
    APP_STATE_BLOCK_TYPES,
    APP_STATE_SKIPPED_BLOCK_TOKENS,
    APP_STATE_SKIPPED_KEYS,
)

# Follows a reference to another object of the state ({"__ref": "Article:1"} in Apollo's
# cache); returns the object, or the value itself when it is no reference.
Dereference = Callable[[Any], Any]

MAX_DEPTH = 64
# A string holding one of these tags is HTML, not text that mentions a "<".
_HTML_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|span|a|em|strong|b|i|figure)\b[^>]*>", re.I)
_BLOCK_TAGS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "tr",
)
_DROPPED_TAGS = ("script", "style", "figure", "figcaption", "iframe", "noscript", "aside", "template")
_TYPE_KEYS = ("type", "_type", "__typename", "blocktype", "component", "kind", "nodetype", "name")
# Where editors keep the text of an inline run.
_RUN_TEXT_KEYS = ("text", "value", "data")
# Declared types of inline links.
_LINK_TYPES = frozenset({"a", "link", "hyperlink", "entry-hyperlink", "asset-hyperlink"})
# A JsonML element's name: an HTML tag or a component's ("inline-newsletter").
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9:-]{0,39}$")
# A Markdown link, "[text](https://…)": its text is the sentence's, the address is not.
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?:)?/[^)\s]*\)")
_LINE_BREAKS = re.compile(r"\n\s*\n|\n")
_BLOCK_TYPE = re.compile("|".join(re.escape(token) for token in APP_STATE_BLOCK_TYPE_TOKENS))
# Characters of code and data (braces, markup, statements); prose has almost none of them.
_CODE_CHARACTERS = "{}<>=;|$\\"
_MAX_CODE_SHARE = 0.01
# Longer words on average are identifiers, paths and URLs.
_MAX_WORD_CHARS = 15
_NON_LETTERS = re.compile(r"[\W\d_]+")
# Outside the CJK radicals and later blocks: scripts written without spaces (and some
# symbols, rare in code).
_NON_CJK = re.compile("[^\u2e80-\U0010ffff]+")
_SKIPPED_BLOCK = re.compile("|".join(re.escape(token) for token in APP_STATE_SKIPPED_BLOCK_TOKENS))


def key_of(name: str) -> str:
    """A key as the vocabulary tables spell it: lower-case, no "_" or "-".

    >>> key_of("published_At")
    'publishedat'
    """
    return name.lower().replace("_", "").replace("-", "")


def paragraphs_of(value: Any, dereference: Dereference, depth: int = 0) -> list[str]:
    """The paragraphs of a body-like value, in order; [] when it holds no text."""
    value = dereference(value)
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, str):
        return string_paragraphs(value)
    if isinstance(value, list):
        if _is_jsonml(value):
            return _jsonml_paragraphs(value, depth)
        return [p for member in value for p in paragraphs_of(member, dereference, depth + 1)]
    if not isinstance(value, dict) or _is_skipped_block(value):
        return []
    inline = _inline_text(value, dereference)
    if inline is not None:
        return [inline] if inline else []
    found = []
    for key, member in value.items():
        if key_of(key) not in APP_STATE_SKIPPED_KEYS:
            found.extend(paragraphs_of(member, dereference, depth + 1))
    # A block may hold its text twice ("text" and "html"): once is enough.
    return list(dict.fromkeys(found))


def string_paragraphs(value: str) -> list[str]:
    """A string's paragraphs: HTML markup dropped, or its lines when it is plain text.

    A string that is no prose (a type name, an id, a URL, code) is no text.
    """
    if " " not in value and value.isascii():
        return []  # an id, a type name, a URL: the common case, ruled out first
    if value.lstrip().startswith("<") or _HTML_TAG.search(value):
        return [p for p in html_paragraphs(value) if looks_like_prose(p)]
    # Judged whole: a script or a style sheet has short lines that each look innocent.
    if not looks_like_prose(value):
        return []
    # Then line by line: Markdown sources hold directives and image lines between paragraphs.
    lines = (clean_text(_MARKDOWN_LINK.sub(r"\1", part)) for part in _LINE_BREAKS.split(value))
    return [line for line in lines if line and looks_like_prose(line)]


def looks_like_prose(text: str) -> bool:
    """Words, not code: mostly letters, words of a usual length, hardly any of the
    characters of CSS, JSON, templates or markup.

    >>> looks_like_prose("It rained, again; the river rose [2 m] by noon.")
    True
    >>> looks_like_prose('{"title":"Basis Konfigurationen","canonical":"config-base"}')
    False
    >>> looks_like_prose("$functions.getArticleData($context.cache[0], 'region')")
    False
    """
    # Counted by deleting the other characters: C speed, where a Python loop over each
    # character cost more than the rest of the app-state reading.
    letters = len(_NON_LETTERS.sub("", text))
    code = sum(text.count(character) for character in _CODE_CHARACTERS)
    if letters < 0.5 * len(text) or code > 1 + _MAX_CODE_SHARE * len(text):
        return False
    if len(_NON_CJK.sub("", text)) >= 0.3 * len(text):
        return True  # Chinese and Japanese write no spaces between words
    words = len(text.split())
    return words >= 2 and len(text) <= _MAX_WORD_CHARS * words


def html_paragraphs(markup: str) -> list[str]:
    """The text of an HTML fragment, one entry per block element (``<p>``, ``<h2>``, ``<li>``…)."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    # A paragraph break before and after each block, a line break for <br>; then the text.
    for element in root.iter(*_BLOCK_TAGS, "br"):
        if element.tag != "br":
            element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return [p for p in (clean_text(part) for part in str(root.text_content()).split("\n\n")) if p]


def _is_skipped_block(block: dict[str, Any]) -> bool:
    """A block whose declared type is media, an embed, a teaser…: no article text."""
    for key in _TYPE_KEYS:
        declared = block.get(key)
        if isinstance(declared, str) and _SKIPPED_BLOCK.search(declared.lower()):
            return True
    return False


def _inline_text(block: dict[str, Any], dereference: Dereference) -> str | None:
    """One paragraph of inline runs (``children: [{"text": "Hello "}, {"text": "world"}]``), else None.

    Rich-text editors (Slate, Portable Text, Lexical…) split a paragraph into runs, one
    per bold or linked stretch, each carrying its own spaces: joined without separator.
    """
    for key in ("children", "spans", "content", "nodes"):
        runs = block.get(key)
        if isinstance(runs, list) and runs and all(_is_run(dereference(run)) for run in runs):
            if all(_is_link(dereference(run)) for run in runs):
                return ""  # a paragraph that is one link is a teaser ("Read also: …")
            return clean_text("".join(_run_text(dereference(run)) for run in runs))
    return None


def _is_link(run: dict[str, Any]) -> bool:
    attributes: dict[str, Any] = next(
        (run[k] for k in ("attribs", "attrs", "attributes", "data") if isinstance(run.get(k), dict)), {}
    )
    declared = next((run[k] for k in _TYPE_KEYS if isinstance(run.get(k), str)), "")
    return declared.lower() in _LINK_TYPES or any(
        key in run or key in attributes for key in ("href", "url", "uri")
    )


def _is_jsonml(value: list[Any]) -> bool:
    """An element as JsonML writes it: ``["p", {attributes}, "text", ["a", {…}, "link"], …]``."""
    return bool(value) and isinstance(value[0], str) and _TAG_NAME.match(value[0]) is not None


def _jsonml_paragraphs(element: list[Any], depth: int) -> list[str]:
    """A JsonML element's paragraphs: one per text block, inline elements joined into it."""
    tag, children = element[0].lower(), element[1:]
    if children and isinstance(children[0], dict):
        children = children[1:]  # the attributes: no text
    if _SKIPPED_BLOCK.search(tag) or tag in _DROPPED_TAGS or depth > MAX_DEPTH:
        return []
    if tag in _BLOCK_TAGS and tag not in ("div", "section", "article"):
        if all(isinstance(child, list) and child and child[0] == "a" for child in children):
            return []  # one link: a teaser
        text = clean_text("".join(_jsonml_text(child, depth + 1) for child in children))
        return [text] if text else []
    found: list[str] = []
    for child in children:
        if isinstance(child, str):
            found.extend(string_paragraphs(child))
        elif isinstance(child, list) and _is_jsonml(child):
            found.extend(_jsonml_paragraphs(child, depth + 1))
    return found


def _jsonml_text(node: Any, depth: int) -> str:
    if isinstance(node, str):
        return node
    if not isinstance(node, list) or not _is_jsonml(node) or depth > MAX_DEPTH:
        return ""
    if node[0].lower() == "br":
        return " "
    return "".join(_jsonml_text(child, depth + 1) for child in node[1:])


def _is_run(run: Any) -> bool:
    """A stretch of text inside a paragraph: text of its own, or a link holding runs."""
    if not isinstance(run, dict) or _declared_block(run):
        return False
    if any(isinstance(run.get(key), str) for key in _RUN_TEXT_KEYS):
        return True
    inner = run.get("children")
    return isinstance(inner, list) and bool(inner) and all(_is_run(r) for r in inner)


def _declared_block(block: dict[str, Any]) -> bool:
    """Whether the block declares itself a paragraph, heading, list…: not a run."""
    for key in _TYPE_KEYS:
        declared = block.get(key)
        if isinstance(declared, str):
            declared = declared.lower()
            if declared in APP_STATE_BLOCK_TYPES or _BLOCK_TYPE.search(declared):
                return True
    return False


def _run_text(run: dict[str, Any]) -> str:
    for key in _RUN_TEXT_KEYS:
        if isinstance(run.get(key), str):
            return str(run[key])
    return "".join(_run_text(inner) for inner in run.get("children") or [])
