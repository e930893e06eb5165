"""CSS selectors and XPath expressions, as the sites file gives them for per-site overrides.

Kept apart from :mod:`overrides`, which applies them: the crawl process checks a sites
file's selectors when it reads the file, and that must not import the extraction code.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml.cssselect import CSSSelector
from lxml.etree import XPathError


class InvalidSelector(ValueError):
    """A configured selector is neither valid CSS nor valid XPath."""


def select(tree: lxml.html.HtmlElement, selector: str) -> list[Any]:
    """Elements or strings matched by a CSS selector or an XPath expression."""
    try:
        if selector.startswith(("/", "(", "./")):
            result = tree.xpath(selector)
            return result if isinstance(result, list) else [result]
        return list(CSSSelector(selector)(tree))
    except (XPathError, SyntaxError, ValueError) as error:
        raise InvalidSelector(f"invalid selector {selector!r}: {error}") from error
