"""The article in a page's app state, for pages whose HTML holds little or none of it.

Generic, not per framework or site: among the objects of every payload
(:mod:`appstate_payloads`), the article is one with a string field equal to the page's
headline (its ``<title>``, og:title or h1, normalised). Its body is its longest body-like
field (text, HTML or content blocks: :mod:`appstate_text`); its title, description,
authors and dates are read from the same object (:mod:`appstate_fields`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newscrawler.extraction.appstate_fields import StateArticle, read_fields
from newscrawler.extraction.appstate_payloads import MAX_DEPTH, dereferencer, find_payloads, has_app_state
from newscrawler.extraction.appstate_text import Dereference, key_of, paragraphs_of
from newscrawler.extraction.document import Document
from newscrawler.extraction.vocabulary import (
    APP_STATE_AUTHOR_KEYS,
    APP_STATE_CHROME_KEYS,
    APP_STATE_DESCRIPTION_KEYS,
    APP_STATE_MODIFIED_KEYS,
    APP_STATE_PUBLISHED_KEYS,
    APP_STATE_SKIPPED_KEYS,
)

# The app-state body replaces the HTML body only when it is at least this long and this many
# times longer. Twice: the state often holds a little more than the page shows (captions,
# embeds' text, a subheading), which is no reason to leave the HTML; a page whose HTML lost
# more than half the article, or all of it, is. 400 characters (three or four sentences):
# below that a string of the state is as likely a teaser, a standfirst or a notice.
MIN_BODY_CHARS = 400
MIN_BODY_RATIO = 2.0
# Shorter headlines ("Home", "News") name sections and menus as often as articles.
MIN_TITLE_CHARS = 10
# Longer strings are no headline: not worth normalising.
MAX_TITLE_CHARS = 600
# Most of a body (this share of its characters) stands in paragraphs this long: a list of
# short labels (a menu, tags, a byline repeated) is no article, however long.
RUNNING_PARAGRAPH_CHARS = 80
MIN_RUNNING_SHARE = 0.5
# An object with more keys than this is a page component, not a wrapper around a body.
MAX_WRAPPER_KEYS = 6
# The objects walked per page, so that a huge store costs a bounded time.
MAX_OBJECTS = 200_000
# The parent objects looked at when the object naming the headline has no body itself
# (the headline sits in article.seo or article.header). One: further up is the page's
# state, whose text is more than the article's, and reading it costs the most.
MAX_PARENTS = 1

_NON_WORD = re.compile(r"[\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]{4,}")
_ASCII_WORD_WRITTEN = re.compile(r"[A-Za-z0-9]{4,}")
_OTHER_FIELDS = frozenset(
    APP_STATE_DESCRIPTION_KEYS + APP_STATE_AUTHOR_KEYS + APP_STATE_PUBLISHED_KEYS + APP_STATE_MODIFIED_KEYS
)
# An object's parents, outermost first, each with the key under which it holds the next.
Parents = list[tuple[dict[str, Any], str]]


def min_body_chars(html_body: str) -> int:
    """How long an app-state body must be to replace ``html_body``."""
    return max(MIN_BODY_CHARS, int(MIN_BODY_RATIO * len(html_body)))


def read_app_state(
    doc: Document, titles: Iterable[str | None], min_chars: int = MIN_BODY_CHARS
) -> StateArticle | None:
    """The article of the page's app state whose body has ``min_chars`` or more, or None."""
    article = doc.structured.article
    body = article.get("articleBody") if article else None
    jsonld = [article] if isinstance(body, str) and len(body) >= min_chars else []
    # Most pages have neither: a few substring tests, and nothing else is done.
    scripts = has_app_state(doc.html)
    if not jsonld and not scripts:
        return None
    wanted = Headlines.of(titles)
    if wanted is None:
        return None
    payloads = (find_payloads(doc, min_chars, wanted.may_occur_in) if scripts else []) + jsonld
    candidates = [
        candidate
        for payload in payloads
        for candidate in _candidates(payload, wanted, dereferencer(payload), min_chars)
    ]
    # An object holding another candidate holds more than that article (the page's whole
    # state, a list with teasers): the innermost candidates are articles, the longest wins.
    outer = {ancestor for candidate in candidates for ancestor in candidate.ancestors}
    innermost = [candidate for candidate in candidates if id(candidate.holder) not in outer]
    if not innermost:
        return None
    best = max(innermost, key=lambda candidate: len(candidate.body))
    return read_fields(best.body, [best.holder, best.named], wanted.match, best.dereference, doc.base_url)


@dataclass(frozen=True)
class Headlines:
    """The page's headlines, normalised, and cheap tests that rule strings out first."""

    normalised: frozenset[str]
    min_chars: int
    max_chars: int
    spellings: tuple[str, ...]
    """The longest ASCII word of the headlines, as written and in usual cases: a payload
    without any of them cannot name them (plain substring tests, no regex to compile)."""

    @classmethod
    def of(cls, titles: Iterable[str | None]) -> Headlines | None:
        normalised = frozenset(
            n for title in titles if title and len(n := normalise(title)) >= MIN_TITLE_CHARS
        )
        if not normalised:
            return None
        # Common to every headline: the word is looked for whichever one the state holds.
        common = set.intersection(*(set(_ASCII_WORD.findall(n)) for n in normalised))
        word = max(sorted(common), key=len, default=None)
        spellings = set()
        if word:
            written = {w for title in titles if title for w in _ASCII_WORD_WRITTEN.findall(title)}
            spellings = {w for w in written if w.casefold() == word} | {word, word.capitalize(), word.upper()}
        return cls(
            normalised,
            # Normalising drops punctuation and entities (rarely 30 characters of them), and rarely
            # adds a character.
            min_chars=max(MIN_TITLE_CHARS, min(len(n) for n in normalised) - 2),
            max_chars=min(MAX_TITLE_CHARS, max(len(n) for n in normalised) + 30),
            spellings=tuple(sorted(spellings)),
        )

    def match(self, value: str) -> bool:
        return (
            self.min_chars <= len(value) <= self.max_chars
            and self.may_occur_in(value)
            and normalise(value) in self.normalised
        )

    def may_occur_in(self, source: str) -> bool:
        return not self.spellings or any(spelling in source for spelling in self.spellings)


@dataclass(frozen=True)
class _Candidate:
    body: str
    holder: dict[str, Any]
    """The object the body was read from: the one naming the headline, or a parent."""
    named: dict[str, Any]
    ancestors: frozenset[int]
    """``id()`` of every object that holds ``holder``."""
    dereference: Dereference


def _candidates(
    payload: Any, wanted: Headlines, dereference: Dereference, min_chars: int
) -> Iterator[_Candidate]:
    bodies: dict[tuple[int, str | None], str] = {}  # parents are shared: each read once
    for named, parents in _objects_naming(payload, wanted, dereference):
        # The object naming the headline, else (when it holds no body at all) its nearest
        # parents: the headline may sit in article.seo or article.header, beside the body.
        # The payload's root is never a holder: it is the page's whole state.
        nearest = parents[1:][-MAX_PARENTS:]
        holders: list[tuple[dict[str, Any], str | None]] = [(named, None), *reversed(nearest)]
        for level, (holder, via) in enumerate(holders):
            key = (id(holder), via)
            if key not in bodies:
                bodies[key] = _body_of(holder, dereference, skip=via)
            body = bodies[key]
            if len(body) >= MIN_BODY_CHARS:
                # The article's object: a candidate if its body is long enough to win.
                if len(body) >= min_chars:
                    ancestors = frozenset(id(parent) for parent, _ in parents[: len(parents) - level])
                    yield _Candidate(body, holder, named, ancestors, dereference)
                break


def normalise(title: str) -> str:
    """A headline for comparison: case, entities, punctuation and spacing ignored.

    >>> normalise("Rivers&nbsp;rise — again!") == normalise("rivers rise: again")
    True
    """
    if "&" in title:
        title = html.unescape(title)
    return " ".join(_NON_WORD.sub(" ", title.casefold()).split())


def _objects_naming(
    payload: Any, wanted: Headlines, dereference: Dereference
) -> Iterator[tuple[dict[str, Any], Parents]]:
    """Each object with a string field equal to a wanted headline, with the objects that
    hold it (outermost first), each with the key under which it holds the next."""
    seen: set[int] = set()
    # (value, its chain of parents as nested (object, key, chain) tuples, depth)
    stack: list[tuple[Any, Any, int]] = [(payload, None, 0)]
    while stack and len(seen) < MAX_OBJECTS:
        value, chain, depth = stack.pop()
        value = dereference(value)
        if not isinstance(value, (dict, list)) or id(value) in seen or depth > MAX_DEPTH:
            continue
        seen.add(id(value))
        if isinstance(value, list):
            stack.extend((m, chain, depth + 1) for m in reversed(value) if isinstance(m, (dict, list)))
            continue
        names = False
        children = []
        for key, member in value.items():
            if isinstance(member, str):
                names = names or wanted.match(member)
            elif isinstance(member, (dict, list)) and key_of(key) not in APP_STATE_CHROME_KEYS:
                children.append((member, (value, key, chain), depth + 1))
        if names:
            yield value, _unchain(chain)
        stack.extend(reversed(children))


def _unchain(chain: Any) -> Parents:
    parents: Parents = []
    while chain is not None:
        obj, key, chain = chain
        parents.append((obj, key))
    return parents[::-1]


def _body_of(obj: dict[str, Any], dereference: Dereference, skip: str | None) -> str:
    """The longest body-like field of ``obj``: its paragraphs joined by a blank line.

    A body is a string, a list of blocks, or a small object wrapping one (``{"html": …}``,
    ``{"type": "doc", "content": […]}``); a larger object is a component of the page, whose
    text is more than one article's. Its text must read as running text, not a menu.
    """
    best = ""
    for key, value in obj.items():
        name = key_of(key)
        if key == skip or name in APP_STATE_SKIPPED_KEYS or name in _OTHER_FIELDS:
            continue
        value = dereference(value)
        if isinstance(value, dict) and len(value) > MAX_WRAPPER_KEYS:
            continue
        paragraphs = paragraphs_of(value, dereference)
        text = "\n\n".join(paragraphs)
        if len(text) > len(best) and _is_running_text(paragraphs, len(text)):
            best = text
    return best


def _is_running_text(paragraphs: list[str], length: int) -> bool:
    """Most of the text stands in paragraphs of a sentence or more, as an article's does."""
    return sum(len(p) for p in paragraphs if len(p) >= RUNNING_PARAGRAPH_CHARS) >= MIN_RUNNING_SHARE * length
