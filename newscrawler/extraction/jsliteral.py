"""JavaScript object literals that are data, read as JSON.

Frameworks serialise their state as JavaScript, not JSON: unquoted keys, single-quoted
strings, trailing commas, ``undefined``, ``!0``/``!1`` for booleans. Such a literal is
rewritten piece by piece into JSON; anything that needs evaluating (a variable, a call,
``new Date(…)``) makes the whole literal unreadable, and None is returned: that takes a
JavaScript engine, which extraction does not run.

>>> read_js_literal("{a: 1, 'b': [!0, undefined,], c: {d: 'it\\\\'s'}}; more()")
{'a': 1, 'b': [True, None], 'c': {'d': "it's"}}
>>> read_js_literal("{a: someVariable}") is None
True
"""

from __future__ import annotations

import json
import re
from typing import Any

_TOKEN = re.compile(
    r"""
      (?P<string>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')
    | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    | (?P<word>[A-Za-z_$][\w$]*)
    | (?P<bang>![01])
    | (?P<punct>[{}\[\],:])
    | (?P<space>\s+)
    """,
    re.VERBOSE | re.DOTALL,
)
_STRING = re.compile(r"""(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""", re.DOTALL)
_KEY_FOLLOWS = re.compile(r"\s*:")
_CONSTANTS = {"true": "true", "false": "false", "null": "null", "undefined": "null"}
_STRING_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|.)|\"", re.DOTALL)


def read_js_literal(text: str, start: int = 0) -> Any:
    """The object or array literal at ``text[start]`` as Python data, or None."""
    json_text = _as_json(text, start)
    if json_text is None:
        return None
    try:
        return json.loads(json_text, strict=False)
    except ValueError:
        return None


def read_js_string(text: str, start: int = 0) -> str | None:
    """The string literal (either quote) at ``text[start]``, unescaped, or None."""
    match = _STRING.match(text, start)
    if match is None:
        return None
    try:
        value = json.loads(_json_string(match.group()), strict=False)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _as_json(text: str, start: int) -> str | None:
    out: list[str] = []
    depth = 0
    position = start
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return None  # an operator, a call, a regex…: not plain data
        position = match.end()
        kind, piece = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "punct":
            if piece in "}]":
                if out and out[-1] == ",":
                    out.pop()  # JavaScript allows a trailing comma, JSON does not
                depth -= 1
            elif piece in "{[":
                depth += 1
            out.append(piece)
            if depth == 0:
                return "".join(out)
        elif kind == "string":
            out.append(_json_string(piece))
        elif kind == "number":
            out.append(piece if piece[-1] != "." and piece.lstrip("-")[0] != "." else repr(float(piece)))
        elif kind == "bang":
            out.append("true" if piece == "!0" else "false")
        elif _KEY_FOLLOWS.match(text, position):
            out.append(json.dumps(piece))  # an unquoted key
        elif piece in _CONSTANTS:
            out.append(_CONSTANTS[piece])
        elif piece == "void" and text[position : position + 2] == " 0":
            out.append("null")
            position += 2
        else:
            return None  # a variable or a constructor: needs evaluating
        if depth == 0:
            return None  # a literal starts with { or [
    return None


def _json_string(piece: str) -> str:
    """A JavaScript string literal (either quote) as a JSON string literal."""
    return '"' + _STRING_ESCAPE.sub(_escape, piece[1:-1]) + '"'


def _escape(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if escaped is None:
        return '\\"'  # a bare double quote inside a single-quoted string
    if escaped == "'":
        return "'"
    if escaped.startswith("x") and len(escaped) == 3:
        return "\\u00" + escaped[1:]
    if escaped == "\n":
        return ""  # a line continuation
    if escaped in '"\\/bfnrtu':
        return "\\" + escaped
    return escaped  # JavaScript drops the backslash of an unknown escape
