"""The language cascade: the body's detected language, the page's declaration as fallback."""

from __future__ import annotations

import pytest

from newscrawler.extraction.document import parse_document
from newscrawler.extraction.language import LanguageDetector, declared_language, extract_language

FRENCH = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine. "
    "Les investissements dans les écoles et les transports publics augmentent, tandis que "
    "les dépenses de fonctionnement restent stables selon le maire."
)
GERMAN = (
    "Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen. "
    "Die Investitionen in Schulen und den öffentlichen Nahverkehr steigen, während die "
    "laufenden Ausgaben nach Angaben des Bürgermeisters stabil bleiben."
)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def _page(lang: str | None, extra_head: str = "") -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return f"<html{attribute}><head>{extra_head}</head><body><p>x</p></body></html>"


def test_body_language_wins_over_a_template_declaration(detector: LanguageDetector) -> None:
    doc = parse_document(_page("en"), "https://example.org/a")
    assert extract_language(doc, FRENCH, detector) == "fr"


def test_declaration_for_a_body_too_short_to_judge(detector: LanguageDetector) -> None:
    doc = parse_document(_page("de-AT"), "https://example.org/a")
    assert extract_language(doc, "OK.", detector) == "de"


def test_detection_alone_when_nothing_is_declared(detector: LanguageDetector) -> None:
    doc = parse_document(_page(None), "https://example.org/a")
    assert extract_language(doc, GERMAN, detector) == "de"
    assert extract_language(doc, "", detector) is None


def test_shouting_text_is_read_in_ordinary_case(detector: LanguageDetector) -> None:
    assert detector.detect(GERMAN.upper())[0] == "de"


def test_line_breaks_do_not_cut_the_text(detector: LanguageDetector) -> None:
    # fastText reads a single line: text after a newline must still count.
    code, probability = detector.detect("Le\n" + FRENCH.replace(" ", "\n"))
    assert (code, probability > 0.9) == ("fr", True)


def test_declared_language_sources_in_order() -> None:
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "es-MX"}</script>'
    assert declared_language(parse_document(_page("en", jsonld), "https://example.org/a")) == "es"
    meta = '<meta property="og:locale" content="pt_BR">'
    assert declared_language(parse_document(_page(None, meta), "https://example.org/a")) == "pt"
    assert declared_language(parse_document(_page("english"), "https://example.org/a")) is None
