from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.discovery.frontier import SiteFrontier
from newscrawler.sites import SitesFileError, load_sites

GOOD = """sites:
  - name: example
    start_url: https://www.example.com/
    aliases: [example.com]
    feeds: [https://www.example.com/rss]
    allow: ['/\\d{4}/']
    deny: ['/video/']
    max_depth: 3
    max_pages: 100
    delay: 1.5
    interval: 30m
    selectors:
      title: ['h1.headline']
      body: ['//div[@class="story"]']
    strip_params: [From_Page]
    keep_params: source
  - name: other
    start_url: https://other.example/
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file(tmp_path: Path) -> None:
    sites = load_sites(_write(tmp_path, GOOD))
    example = sites["example"]
    assert example.hosts == frozenset({"www.example.com", "example.com"})
    assert (example.max_depth, example.max_pages, example.delay) == (3, 100, 1.5)
    assert example.interval_seconds == 1800
    assert example.selectors == {"title": ("h1.headline",), "body": ('//div[@class="story"]',)}
    assert (example.strip_params, example.keep_params) == (frozenset({"from_page"}), frozenset({"source"}))
    assert sites["other"].max_pages == 10_000


def test_a_site_strips_its_own_tracking_parameters_and_keeps_its_content_ones(tmp_path: Path) -> None:
    frontier = SiteFrontier(load_sites(_write(tmp_path, GOOD))["example"])
    base = "https://www.example.com/"
    assert frontier.link_target(base, "/2026/a.html?ref=most-read&from_page=home") == base + "2026/a.html"
    assert frontier.link_target(base, "/search?source=archive") == base + "search?source=archive"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "sites:\n  - name: a\n    start_url: ftp://x/\n",
            ":3: sites[0].start_url: expected an absolute http(s) URL",
        ),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n    colour: red\n",
            ":4: sites[0].colour: unknown key",
        ),
        ("sites:\n  - start_url: http://x/\n", ":2: sites[0].name: required key is missing"),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n    deny: ['(']\n",
            ":4: sites[0].deny[0]: invalid regular",
        ),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n    interval: soon\n",
            ":4: sites[0].interval: expected a",
        ),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n    selectors: {title: ['//[']}\n",
            "sites[0].selectors.title",
        ),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n  - name: a\n    start_url: http://y/\n",
            "duplicate site",
        ),
        (
            "sites:\n  - name: a\n    start_url: http://x/\n    render: sometimes\n",
            ":4: sites[0].render: render must be 1/true, 0/false or auto",
        ),
        ("sites: [\n", "not valid YAML"),
        ("- a\n", ":1: the file must be a mapping"),
    ],
)
def test_errors_name_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(SitesFileError) as raised:
        load_sites(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)


@pytest.mark.parametrize(("value", "mode"), [("true", "always"), ("auto", "auto"), ("no", "off")])
def test_render_key(tmp_path: Path, value: str, mode: str) -> None:
    text = f"sites:\n  - name: a\n    start_url: http://x/\n    render: {value}\n"
    sites = load_sites(_write(tmp_path, text))
    assert sites["a"].render.value == mode


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SitesFileError, match="cannot read the sites file"):
        load_sites(tmp_path / "nope.yaml")


def test_the_shipped_example_file_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "sites.example.yaml"
    assert sorted(load_sites(example)) == ["example-blog", "example-news"]
