"""Decoding a page's bytes: one function for the crawl, WARC replay and extraction.

Order, which :func:`decode_page` follows:

1. A byte-order mark is authoritative.
2. A charset in the HTTP ``Content-Type``, else in ``<meta charset>`` (or an XML
   declaration), is followed, except when it names an encoding other than UTF-8 and the
   bytes are non-ASCII and valid UTF-8: then they are UTF-8. Servers mis-declare charsets
   (a template left at gb2312, a header defaulting to iso-8859-1), and decoding UTF-8 as
   a legacy encoding turns every non-ASCII character into mojibake, while non-ASCII text
   genuinely in a legacy encoding is very rarely valid UTF-8. A declared UTF-8 with
   invalid bytes stays UTF-8, with replacement characters.
3. No usable declaration: :func:`guess_encoding`.

Steps 1 and 2 are w3lib's (the browsers' order, label aliases included) but for the
UTF-8 exception. For step 3, Scrapy guesses with charset-normalizer's single best match,
which often picks a rare code page whose chaos score ties with the right one (French
cp1252 read as Baltic cp1257: "déjà" becomes "déją"). Among the near-ties, the encoding
the web actually uses wins, in the order of the WHATWG's legacy defaults.
"""

from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# Legacy encodings in the order a tie is broken: Western first (the HTML standard's
# default for undeclared pages in most locales), then Central European, Cyrillic, CJK.
PREFERRED_LEGACY = (
    "cp1252", "iso8859_2", "cp1250", "cp1251", "koi8_r", "iso8859_15", "shift_jis", "cp932",
    "euc_jp", "gb18030", "gbk", "big5", "euc_kr", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "cp874",
)  # fmt: skip
# Chaos scores this close to the best are ties.
_TIE = 0.02


def guess_encoding(body: bytes) -> str | None:
    """The encoding of undeclared bytes: UTF-8 when they decode as such, else the most
    common web encoding among charset-normalizer's near-best matches.

    >>> guess_encoding("Café déjà vu: “l’euro” – 5 € de plus, dit le maire.".encode("cp1252"))
    'cp1252'
    """
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    matches = list(from_bytes(body))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    close = {match.encoding for match in matches if match.chaos <= best + _TIE}
    for encoding in PREFERRED_LEGACY:
        if encoding in close:
            return encoding
    return min(matches, key=lambda match: match.chaos).encoding


def decode_page(body: bytes, content_type: str | None) -> str:
    """The text of an HTML page, decoded in the order the module docstring gives.

    >>> decode_page('<meta charset="iso-8859-1"><p>déjà</p>'.encode("utf-8"), None)
    '<meta charset="iso-8859-1"><p>déjà</p>'
    """
    text = _utf8_despite_declaration(body, content_type)
    if text is None:
        _, text = html_to_unicode(content_type, body, auto_detect_fun=_detect)
    return text


def _utf8_despite_declaration(body: bytes, content_type: str | None) -> str | None:
    """The text of ``body`` when it declares a legacy encoding but is plainly UTF-8, else None."""
    # ASCII reads the same in every declared encoding, and a BOM outranks any declaration:
    # both cheap tests come first, so most pages never reach the strict decode.
    if body.isascii() or read_bom(body)[0] is not None:
        return None
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(body)
    if declared is None or declared == "utf-8":
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detect(body: bytes) -> str | None:
    encoding = guess_encoding(body)
    return resolve_encoding(encoding) if encoding else None
