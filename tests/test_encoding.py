"""A page's bytes decode once, the same way in the crawl and in extraction: BOM, then a
declared charset unless it names a legacy encoding for bytes that are plainly UTF-8,
then a guess."""

from __future__ import annotations

import codecs
import html
from collections.abc import Callable

import pytest

from newscrawler.encoding import decode_page
from newscrawler.extraction import extract_article
from newscrawler.extraction.document import decode_html

CHINESE_TITLE = "北京市民庆祝新年"
CHINESE_SENTENCE = "北京市政府星期二表示，新的防波堤将保护老城区免受冬季风暴的影响至少五十年。"
CHINESE_PARAGRAPH = CHINESE_SENTENCE + "十年来的洪水使许多商店关闭，市民对这一计划表示欢迎。"
FRENCH_TITLE = "Déjà vu au café de la place"
FRENCH_PARAGRAPH = "Le maire a confirmé mardi que le café rouvrira déjà après l’été, « enfin »."

Decoder = Callable[[bytes, str | None], str]
# The crawl's decoder and the extractor's: both must read every page the same way.
DECODERS = pytest.mark.parametrize("decode", [decode_page, decode_html], ids=["crawl", "extraction"])


def page(title: str, paragraph: str, *, head: str = "") -> str:
    """A small article page; numbered paragraphs, as the extractor drops repeated ones."""
    paragraphs = "".join(f"<p>{n}. {html.escape(paragraph)}</p>" for n in range(1, 4))
    return (
        f"<html><head>{head}<title>{html.escape(title)}</title></head>"
        f"<body><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def meta_charset(encoding: str) -> str:
    return f'<meta charset="{encoding}">'


@DECODERS
def test_utf8_bytes_declared_gb2312_in_meta_decode_as_utf8(decode: Decoder) -> None:
    body = page(CHINESE_TITLE, CHINESE_PARAGRAPH, head=meta_charset("gb2312")).encode("utf-8")
    text = decode(body, None)
    assert CHINESE_SENTENCE in text
    assert CHINESE_TITLE in text


def test_extracted_body_of_utf8_page_declared_gb2312_is_chinese_not_mojibake() -> None:
    body = page(CHINESE_TITLE, CHINESE_PARAGRAPH, head=meta_charset("gb2312")).encode("utf-8")
    record = extract_article(body, "https://news.example/2026/01/beijing")
    assert CHINESE_SENTENCE in record["body"]
    assert record["title"] == CHINESE_TITLE


@DECODERS
def test_utf8_bytes_declared_gbk_in_http_header_decode_as_utf8(decode: Decoder) -> None:
    body = page(CHINESE_TITLE, CHINESE_PARAGRAPH).encode("utf-8")
    assert CHINESE_SENTENCE in decode(body, "text/html; charset=gbk")


@DECODERS
@pytest.mark.parametrize("declared_in", ["meta", "header"])
def test_gbk_bytes_declared_gbk_decode_as_gbk(decode: Decoder, declared_in: str) -> None:
    head = meta_charset("gbk") if declared_in == "meta" else ""
    body = page(CHINESE_TITLE, CHINESE_PARAGRAPH, head=head).encode("gbk")
    content_type = "text/html; charset=gbk" if declared_in == "header" else None
    assert CHINESE_SENTENCE in decode(body, content_type)


@DECODERS
@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_byte_order_mark_wins_over_meta_and_header(decode: Decoder, bom: bytes, codec: str) -> None:
    body = bom + page(FRENCH_TITLE, FRENCH_PARAGRAPH, head=meta_charset("windows-1252")).encode(codec)
    text = decode(body, "text/html; charset=iso-8859-1")
    assert FRENCH_PARAGRAPH in html.unescape(text)
    assert not text.startswith("\ufeff")


@DECODERS
def test_cp1252_bytes_declared_windows_1252_decode_as_cp1252(decode: Decoder) -> None:
    body = page(FRENCH_TITLE, FRENCH_PARAGRAPH, head=meta_charset("windows-1252")).encode("cp1252")
    assert "déjà" in decode(body, None)


@DECODERS
@pytest.mark.parametrize("declared_in", ["meta", "header"])
def test_utf8_french_declared_iso_8859_1_decodes_as_utf8(decode: Decoder, declared_in: str) -> None:
    head = meta_charset("iso-8859-1") if declared_in == "meta" else ""
    body = page(FRENCH_TITLE, FRENCH_PARAGRAPH, head=head).encode("utf-8")
    content_type = "text/html; charset=iso-8859-1" if declared_in == "header" else None
    text = decode(body, content_type)
    assert "déjà" in text
    assert "dÃ©jÃ" not in text


@DECODERS
def test_declared_utf8_with_invalid_bytes_keeps_the_rest(decode: Decoder) -> None:
    body = page(FRENCH_TITLE, FRENCH_PARAGRAPH, head=meta_charset("utf-8")).encode("utf-8")
    text = decode(body.replace(b"mardi", b"ma\xffrdi", 1), None)
    assert "ma\ufffdrdi" in text
    assert "déjà" in text


@DECODERS
def test_undeclared_legacy_page_is_guessed(decode: Decoder) -> None:
    # Spanish, which the guess reads right; a short French page comes out as Baltic cp1257.
    paragraph = "El alcalde confirmó el martes que la cafetería abrirá después del verano; costará 5 € más."
    body = page("El año del señor Muñoz", paragraph).encode("cp1252")
    text = decode(body, None)
    assert "señor Muñoz" in text
    assert "costará 5 € más" in text
