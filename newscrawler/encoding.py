"""Decoding a page's bytes as a browser would, with a better guess for undeclared legacy text.

Order (w3lib's, the browsers'): byte-order mark, then the HTTP header, then ``<meta charset>``,
then a guess. Scrapy guesses with charset-normalizer's single best match, which often
picks a rare code page whose chaos score ties with the right one (French cp1252 read as
Baltic cp1257: "déjà" becomes "déją"). Among the near-ties, the encoding the web actually
uses wins, in the order of the WHATWG's legacy defaults.
"""

from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import html_to_unicode, resolve_encoding

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
    """The text of an HTML page: BOM, header, ``<meta>``, then :func:`guess_encoding`."""
    _, text = html_to_unicode(content_type, body, auto_detect_fun=_detect)
    return text


def _detect(body: bytes) -> str | None:
    encoding = guess_encoding(body)
    return resolve_encoding(encoding) if encoding else None
