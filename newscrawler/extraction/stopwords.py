"""jusText's all-language stop list, held compactly.

When trafilatura's own extraction comes out short it falls back to jusText, which scores
each paragraph by its share of stop words. Without a target language it builds the union
of jusText's ~100 stop lists once per process, and keeps it twice: a tuple of 154,000
words (14 MB) and jusText's lower-cased frozenset of the same (19 MB). In an extraction
worker that is a third of its memory, held for the few pages that reach the fallback.

:class:`StopWords` answers the one question jusText asks of the list (``word in
stoplist``) from a sorted array of the words' hashes and one UTF-8 blob of the words,
about 3 MB, built on the first question. The answers are exact (a hash match is confirmed
against the word's bytes), so extraction is unchanged: only where the list lives differs.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import justext.core
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists

_PATCHED_MARK = "_newscrawler_keeps_compact_stopwords"


class StopWords:
    """A read-only set of words for membership tests, built from ``words`` on first use.

    >>> words = StopWords(lambda: ["the", "und", "Les"])
    >>> "und" in words, "les" in words, "Les" in words, "river" in words
    (True, True, False, False)
    """

    def __init__(self, words: Callable[[], Iterable[str]]) -> None:
        self._source = words
        self._hashes = array("q")
        self._ends = array("I")
        self._blob = b""
        self._built = False

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if not self._built:
            self._build()
        key = hash(word)
        index = bisect.bisect_left(self._hashes, key)
        # Distinct words may share a hash: every entry with it is compared.
        while index < len(self._hashes) and self._hashes[index] == key:
            if self._word_at(index) == word.encode("utf-8", "surrogatepass"):
                return True
            index += 1
        return False

    def __bool__(self) -> bool:
        # trafilatura tests the list for truth before building its own; answering from the
        # source would build ours for nothing.
        return True

    def __len__(self) -> int:
        if not self._built:
            self._build()
        return len(self._hashes)

    def __iter__(self) -> Iterator[str]:
        if not self._built:
            self._build()
        return (self._word_at(index).decode("utf-8", "surrogatepass") for index in range(len(self._hashes)))

    def _word_at(self, index: int) -> bytes:
        start = self._ends[index - 1] if index else 0
        return self._blob[start : self._ends[index]]

    def _build(self) -> None:
        # jusText lower-cases its stop lists when it reads them and again when it uses
        # them; lower-casing once more here keeps the set exactly the one it would use.
        words = sorted({word.lower() for word in self._source()}, key=hash)
        encoded = [word.encode("utf-8", "surrogatepass") for word in words]
        ends, end = array("I"), 0
        for word_bytes in encoded:
            end += len(word_bytes)
            ends.append(end)
        self._hashes = array("q", map(hash, words))
        self._ends = ends
        self._blob = b"".join(encoded)
        self._built = True


def all_justext_stopwords() -> Iterator[str]:
    """Every word of every stop list jusText ships, as trafilatura's fallback uses them."""
    for language in sorted(get_stoplists()):
        yield from get_stoplist(language)


def keep_justext_stopwords_compact() -> None:
    """Make trafilatura's jusText fallback use a :class:`StopWords` for its all-language list.

    trafilatura keeps the list in a module global it fills on first use, and jusText turns
    whatever list it is given into a lower-cased frozenset, cached; so the global is set to
    a ``StopWords`` and jusText's conversion passes one through unchanged. Lists for one
    language (trafilatura's ``target_language``) take jusText's usual path. Idempotent.
    """
    convert: Any = justext.core.define_stoplist
    if not getattr(convert, _PATCHED_MARK, False):

        @functools.wraps(convert)
        def define_stoplist(stoplist: Any) -> Any:
            if isinstance(stoplist, StopWords):
                return stoplist
            return convert(stoplist)

        setattr(define_stoplist, _PATCHED_MARK, True)
        justext.core.define_stoplist = define_stoplist
    if not isinstance(trafilatura.external.JT_STOPLIST, StopWords):
        trafilatura.external.JT_STOPLIST = StopWords(all_justext_stopwords)  # type: ignore[assignment]
