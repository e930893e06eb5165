"""Rendering's pure parts: modes, what the browser may fetch, the start-up check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings

from newscrawler.render.mode import InvalidRenderMode, RenderMode, render_mode
from newscrawler.render.policy import should_abort
from newscrawler.render.requests import (
    META_PLAIN_RECORD_ID,
    may_render_later,
    render_meta,
    render_request,
    wants_render_now,
)
from newscrawler.render.setup import (
    HANDLER,
    ChromiumMissing,
    chromium_path,
    enable_rendering,
    rendering_enabled,
)


@pytest.mark.parametrize(
    ("value", "mode"),
    [("1", RenderMode.ALWAYS), ("true", RenderMode.ALWAYS), (True, RenderMode.ALWAYS),
     ("auto", RenderMode.AUTO), ("0", RenderMode.OFF), (False, RenderMode.OFF), (None, RenderMode.OFF)],
)  # fmt: skip
def test_render_mode_spellings(value: object, mode: RenderMode) -> None:
    assert render_mode(value) is mode


def test_an_unknown_render_mode_is_refused() -> None:
    with pytest.raises(InvalidRenderMode, match="got 'maybe'"):
        render_mode("maybe")


@dataclass
class _BrowserRequest:
    url: str
    resource_type: str


@pytest.mark.parametrize(
    ("url", "kind", "aborted"),
    [
        ("http://127.0.0.1/a.js", "script", False),
        ("http://127.0.0.1/a.jpg", "image", True),
        ("http://127.0.0.1/f.woff2", "font", True),
        ("http://127.0.0.1/v.mp4", "media", True),
        ("http://169.254.169.254/latest/meta-data/", "fetch", True),
        ("data:text/plain,x", "fetch", False),
    ],
)
def test_the_browser_skips_heavy_resources_and_link_local_addresses(
    url: str, kind: str, aborted: bool
) -> None:
    assert should_abort(_BrowserRequest(url, kind)) is aborted


def _plain_response(mode: RenderMode) -> HtmlResponse:
    meta = {
        "site": "ex",
        "nc_revisit": True,
        "newscrawler_warc_record_id": "<urn:uuid:1>",
        **render_meta(mode),
    }
    request = Request("http://ex.test/a", meta=meta, priority=3)
    return HtmlResponse("http://ex.test/a", body=b"<html></html>", request=request)


def test_render_request_renders_the_page_once_without_revisit_keys() -> None:
    plain = _plain_response(RenderMode.ALWAYS)
    assert wants_render_now(plain)
    assert not may_render_later(plain)
    again = render_request(plain)
    assert again.meta["playwright"] is True
    assert again.meta[META_PLAIN_RECORD_ID] == "<urn:uuid:1>"
    assert "nc_revisit" not in again.meta
    assert (again.url, again.priority, again.dont_filter) == ("http://ex.test/a", 3, True)
    rendered = HtmlResponse(again.url, body=b"<html></html>", request=again)
    assert not wants_render_now(rendered)
    assert not may_render_later(rendered)


def test_auto_mode_waits_for_the_pipelines_and_off_renders_nothing() -> None:
    assert may_render_later(_plain_response(RenderMode.AUTO))
    assert not wants_render_now(_plain_response(RenderMode.AUTO))
    assert render_meta(RenderMode.OFF) == {}


def test_a_missing_chromium_names_the_package_to_install(tmp_path: Path) -> None:
    with pytest.raises(ChromiumMissing, match="install the Debian package 'chromium'"):
        chromium_path(str(tmp_path / "no-such-chromium"))


def test_enabling_installs_the_handler_and_the_bounds(tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    settings = Settings({"NEWSCRAWLER_CHROMIUM": str(fake), "NEWSCRAWLER_RENDER_CONCURRENCY": 3})
    assert not rendering_enabled(settings)
    enable_rendering(settings)
    assert rendering_enabled(settings)
    assert settings.getdict("DOWNLOAD_HANDLERS") == {"http": HANDLER, "https": HANDLER}
    assert settings.getint("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT") == 3
    assert settings.getint("PLAYWRIGHT_MAX_CONTEXTS") == 1
    assert settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")["executable_path"] == str(fake)
