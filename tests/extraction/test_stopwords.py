"""The compact all-language stop list gives jusText the answers its own frozenset gives."""

from __future__ import annotations

import inspect

import justext.core
import lxml.html
import pytest
import trafilatura.external
from lxml import etree

from newscrawler.extraction.stopwords import StopWords, all_justext_stopwords, keep_justext_stopwords_compact

# Prose paragraphs (stop-word rich in English, French and German) between link lists and a
# footer: jusText keeps some paragraphs and drops others, so the stop list decides.
PAGE = """<html><body>
<ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li><li><a href="/c">Sport</a></li></ul>
<p>The council said on Tuesday that it would not raise the rates this year, and that the
money for the new bridge over the river would come from the budget it had set aside.</p>
<p>Le conseil a dit mardi qu'il ne voulait pas augmenter les taux cette année, et que
l'argent pour le nouveau pont sur la rivière viendrait du budget qu'il avait prévu.</p>
<p>Der Rat sagte am Dienstag, dass er die Sätze in diesem Jahr nicht erhöhen werde und
dass das Geld für die neue Brücke über den Fluss aus dem Haushalt kommen solle.</p>
<p>Quarterly Tuesday Bridge Council Rates Budget River Money Project Works</p>
<div>© 2026 Example Media. Terms. Privacy. Contact. Advertising. Careers. Help.</div>
</body></html>"""


@pytest.fixture
def justext_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura and jusText as they are without our change, restored afterwards."""
    monkeypatch.setattr(justext.core, "define_stoplist", inspect.unwrap(justext.core.define_stoplist))
    monkeypatch.setattr(trafilatura.external, "JT_STOPLIST", None)


def justext_paragraphs() -> list[str]:
    body = trafilatura.external.try_justext(lxml.html.fromstring(PAGE), "https://example.com/a", None)
    return [etree.tostring(p, encoding="unicode", method="text") for p in body]


def test_the_set_is_the_one_justext_builds(justext_as_shipped: None) -> None:
    shipped = justext.core.define_stoplist(trafilatura.external.jt_stoplist_init())
    compact = StopWords(all_justext_stopwords)
    assert len(compact) == len(shipped) > 100_000
    assert set(compact) == shipped
    assert all(word in compact for word in shipped)


def test_words_outside_the_set_are_not_in_it() -> None:
    compact = StopWords(all_justext_stopwords)
    assert "und" in compact
    assert "les" in compact
    assert "UND" not in compact  # jusText lower-cases the paragraph's words, not the lookup
    assert "bridgework" not in compact
    assert "" not in compact
    assert 3 not in compact


def test_justext_keeps_the_same_paragraphs(justext_as_shipped: None) -> None:
    shipped = justext_paragraphs()
    keep_justext_stopwords_compact()
    stoplist: object = trafilatura.external.JT_STOPLIST
    assert isinstance(stoplist, StopWords)
    compact = justext_paragraphs()
    assert compact == shipped
    assert any("council" in p for p in compact)
    assert not any("Careers" in p for p in compact)


def test_jusText_caches_no_frozenset_of_the_compact_list() -> None:
    keep_justext_stopwords_compact()
    keep_justext_stopwords_compact()  # idempotent: one wrapper, one list
    stoplist = trafilatura.external.JT_STOPLIST
    justext_paragraphs()
    assert trafilatura.external.JT_STOPLIST is stoplist
    assert justext.core.define_stoplist(stoplist) is stoplist
