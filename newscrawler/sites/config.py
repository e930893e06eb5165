"""Reading and validating ``sites.yaml``, with errors that name the file, line and key.

A file looks like::

    sites:
      - name: example
        start_url: https://www.example.com/
        aliases: [example.com]          # other hosts of the same site
        feeds: [https://www.example.com/rss]
        sitemaps: [https://www.example.com/news-sitemap.xml]
        allow: ['/\\d{4}/\\d{2}/']       # regexes on the URL; when given, others are not archived
        deny: ['/video/']
        max_depth: 4
        max_pages: 5000
        delay: 1.0                      # seconds between requests, at least
        interval: 1h                    # how often `scrapy schedule` runs it
        render: auto                    # article pages through Chromium: true, false or auto
        selectors:                      # per-field overrides: CSS, or XPath when starting with /
          title: ['h1.headline']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import yaml

from newscrawler.extraction.selectors import InvalidSelector, select
from newscrawler.render.mode import InvalidRenderMode, RenderMode, render_mode

DEFAULT_MAX_DEPTH = 5
DEFAULT_MAX_PAGES = 10_000
DEFAULT_INTERVAL_SECONDS = 3600
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_FIELDS = frozenset(
    {"title", "body", "description", "image", "authors", "published_at", "modified_at", "language"}
)


class SitesFileError(ValueError):
    """The sites file is missing, malformed or has an invalid entry; says where."""


@dataclass(frozen=True)
class SiteConfig:
    name: str
    start_url: str
    aliases: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()
    max_depth: int = DEFAULT_MAX_DEPTH
    max_pages: int = DEFAULT_MAX_PAGES
    delay: float = 0.0
    interval_seconds: float = DEFAULT_INTERVAL_SECONDS
    selectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Query parameters stripped on top of the built-in tracking list, and ones kept from it.
    strip_params: frozenset[str] = frozenset()
    keep_params: frozenset[str] = frozenset()
    render: RenderMode = RenderMode.OFF

    @property
    def hosts(self) -> frozenset[str]:
        host = (urlsplit(self.start_url).hostname or "").lower()
        return frozenset({host, *(a.lower() for a in self.aliases)})


def site_from_url(url: str, **overrides: Any) -> SiteConfig:
    """A site crawled from a start URL given on the command line."""
    host = (urlsplit(url).hostname or "").lower()
    return SiteConfig(name=host, start_url=url, **overrides)


def load_sites(path: Path) -> dict[str, SiteConfig]:
    """Every site of the file by name; raises :class:`SitesFileError` naming line and key."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SitesFileError(f"{path}: cannot read the sites file: {error.strerror}") from error
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise SitesFileError(f"{path}: not valid YAML: {error}") from error
    reader = _Reader(path)
    if not isinstance(root, yaml.MappingNode):
        raise reader.error(root, "", "the file must be a mapping with a 'sites' list")
    top = reader.mapping(root, "", {"sites"})
    sites_node = top.get("sites")
    if not isinstance(sites_node, yaml.SequenceNode):
        raise reader.error(sites_node or root, "sites", "expected a list of sites")
    sites: dict[str, SiteConfig] = {}
    for index, node in enumerate(sites_node.value):
        site = reader.site(node, f"sites[{index}]")
        if site.name in sites:
            raise reader.error(node, f"sites[{index}].name", f"duplicate site name {site.name!r}")
        sites[site.name] = site
    return sites


class _Reader:
    """Turns YAML nodes into values, raising errors with ``file:line: key: problem``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, node: yaml.Node | None, key: str, problem: str) -> SitesFileError:
        line = node.start_mark.line + 1 if node is not None else 1
        where = f"{key}: " if key else ""
        return SitesFileError(f"{self.path}:{line}: {where}{problem}")

    def mapping(self, node: yaml.Node, key: str, allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, key, "expected a mapping")
        result = {}
        for key_node, value_node in node.value:
            name = key_node.value
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.error(key_node, f"{key}.{name}".lstrip("."), f"unknown key (known: {known})")
            result[name] = value_node
        return result

    def scalar(self, node: yaml.Node, key: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(node, key, "expected a single value")
        return yaml.safe_load(yaml.serialize(node))

    def string(self, node: yaml.Node, key: str) -> str:
        value = self.scalar(node, key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(node, key, f"expected a non-empty string, got {value!r}")
        return value.strip()

    def url(self, node: yaml.Node, key: str) -> str:
        value = self.string(node, key)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.error(node, key, f"expected an absolute http(s) URL, got {value!r}")
        return value

    def strings(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            return (self.string(node, key),)
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, key, "expected a list of strings")
        return tuple(self.string(item, f"{key}[{i}]") for i, item in enumerate(node.value))

    def names(self, node: yaml.Node, key: str) -> frozenset[str]:
        """Query parameter names, compared lower-cased."""
        return frozenset(name.lower() for name in self.strings(node, key))

    def positive_number(self, node: yaml.Node, key: str, integer: bool) -> float:
        value = self.scalar(node, key)
        valid = isinstance(value, int) if integer else isinstance(value, int | float)
        if isinstance(value, bool) or not valid or value < 0 or (integer and value == 0):
            kind = "a positive integer" if integer else "a number ≥ 0"
            raise self.error(node, key, f"expected {kind}, got {value!r}")
        return float(value)

    def duration(self, node: yaml.Node, key: str) -> float:
        value = str(self.scalar(node, key)).strip().lower()
        match = _DURATION.match(value)
        if not match or float(match.group(1)) <= 0:
            raise self.error(node, key, f"expected a duration like 30m, 1h or 1d, got {value!r}")
        return float(match.group(1)) * _UNITS[match.group(2)]

    def render(self, node: yaml.Node, key: str) -> RenderMode:
        try:
            return render_mode(self.scalar(node, key))
        except InvalidRenderMode as error:
            raise self.error(node, key, str(error)) from error

    def patterns(self, node: yaml.Node, key: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for i, text in enumerate(self.strings(node, key)):
            try:
                compiled.append(re.compile(text))
            except re.error as error:
                raise self.error(node, f"{key}[{i}]", f"invalid regular expression: {error}") from error
        return tuple(compiled)

    def selectors(self, node: yaml.Node, key: str) -> dict[str, tuple[str, ...]]:
        result = {}
        # Selectors are compiled against an empty page so that a typo fails at load time.
        empty_page = lxml.html.fromstring("<html><body></body></html>")
        for name, value in self.mapping(node, key, set(_FIELDS)).items():
            expressions = self.strings(value, f"{key}.{name}")
            for expression in expressions:
                try:
                    select(empty_page, expression)
                except InvalidSelector as error:
                    raise self.error(value, f"{key}.{name}", str(error)) from error
            result[name] = expressions
        return result

    def site(self, node: yaml.Node, key: str) -> SiteConfig:
        allowed = {
            "name", "start_url", "aliases", "feeds", "sitemaps", "allow", "deny", "max_depth",
            "max_pages", "delay", "interval", "selectors", "strip_params", "keep_params", "render",
        }  # fmt: skip
        values = self.mapping(node, key, allowed)
        for required in ("name", "start_url"):
            if required not in values:
                raise self.error(node, f"{key}.{required}", "required key is missing")
        options: dict[str, Any] = {
            "name": self.string(values["name"], f"{key}.name"),
            "start_url": self.url(values["start_url"], f"{key}.start_url"),
        }
        converters = {
            "aliases": lambda n, k: tuple(a.lower() for a in self.strings(n, k)),
            "feeds": lambda n, k: tuple(self.url(item, k) for item in _items(n)),
            "sitemaps": lambda n, k: tuple(self.url(item, k) for item in _items(n)),
            "allow": self.patterns,
            "deny": self.patterns,
            "max_depth": lambda n, k: int(self.positive_number(n, k, integer=True)),
            "max_pages": lambda n, k: int(self.positive_number(n, k, integer=True)),
            "delay": lambda n, k: self.positive_number(n, k, integer=False),
            "interval": self.duration,
            "selectors": self.selectors,
            "strip_params": self.names,
            "keep_params": self.names,
            "render": self.render,
        }
        for name, convert in converters.items():
            if name in values:
                target = "interval_seconds" if name == "interval" else name
                options[target] = convert(values[name], f"{key}.{name}")
        return SiteConfig(**options)


def _items(node: yaml.Node) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else [node]
