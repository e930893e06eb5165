"""When a crawl renders an article page: never, always, or when its HTML holds no article."""

from __future__ import annotations

from enum import StrEnum


class RenderMode(StrEnum):
    OFF = "off"
    ALWAYS = "always"
    """Every article page is fetched plainly, then rendered; the rendered DOM is extracted."""
    AUTO = "auto"
    """An article page is rendered only when extraction from its HTML finds no article."""


class InvalidRenderMode(ValueError):
    """A ``render`` value that is none of the accepted spellings."""


_SPELLINGS = {
    RenderMode.OFF: ("0", "false", "no", "off"),
    RenderMode.ALWAYS: ("1", "true", "yes", "on", "always"),
    RenderMode.AUTO: ("auto",),
}


def render_mode(value: object) -> RenderMode:
    """The mode for ``-a render=…`` or a sites file's ``render:`` (YAML booleans included).

    >>> [render_mode(value).value for value in ("1", True, "auto", "off", None)]
    ['always', 'always', 'auto', 'off', 'off']
    """
    if value is None:
        return RenderMode.OFF
    text = str(value).strip().lower()
    for mode, spellings in _SPELLINGS.items():
        if text in spellings:
            return mode
    raise InvalidRenderMode(f"render must be 1/true, 0/false or auto, got {value!r}")
