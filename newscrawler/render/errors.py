"""Rendering failures the spiders name, importable without Playwright."""

from __future__ import annotations


class RenderTimeout(Exception):
    """The browser did not load the page within ``NEWSCRAWLER_RENDER_TIMEOUT`` seconds."""
