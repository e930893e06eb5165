"""Switching rendering on for a crawl: the system Chromium, the download handler, bounds.

Called by a spider's ``from_crawler`` when its run or one of its sites renders, before
Scrapy freezes the settings: a crawl that renders nothing never loads Playwright nor starts
a browser.
"""

from __future__ import annotations

import os
import shutil

from scrapy.settings import BaseSettings

HANDLER = "newscrawler.render.handler.RenderingDownloadHandler"
ABORT_REQUEST = "newscrawler.render.policy.should_abort"
DEFAULT_CONCURRENCY = 2
DEFAULT_TIMEOUT = 20.0
DEFAULT_RESTART_AFTER = 200
# Debian's Chromium names; chromium-browser is Ubuntu's.
CHROMIUM_NAMES = ("chromium", "chromium-browser")
# Headless, as root in containers (no sandbox), and without the background traffic
# (updates, sync, field trials) a crawler has no use for: on a closed network those
# connections are refused and slow every start.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
_FLAG = "NEWSCRAWLER_RENDERING"
"""Set by :func:`enable_rendering`; components read it with :func:`rendering_enabled`."""


class ChromiumMissing(RuntimeError):
    """Rendering was asked for and no Chromium can be started."""


def chromium_path(configured: str | None) -> str:
    """The Chromium executable: ``NEWSCRAWLER_CHROMIUM`` when set, else found on PATH."""
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        where = f"NEWSCRAWLER_CHROMIUM={configured!r} is not an executable file"
    else:
        for name in CHROMIUM_NAMES:
            found = shutil.which(name)
            if found:
                return found
        where = f"none of {', '.join(CHROMIUM_NAMES)} is on PATH"
    raise ChromiumMissing(
        f"rendering needs Chromium and {where}: install the Debian package 'chromium' "
        "(apt-get install chromium, or scripts/system-deps.sh), or set NEWSCRAWLER_CHROMIUM "
        "to its path"
    )


def enable_rendering(settings: BaseSettings) -> None:
    """Install the rendering download handler, bounded by the ``NEWSCRAWLER_RENDER_*``
    settings; raises :class:`ChromiumMissing` when there is no browser to start."""
    if rendering_enabled(settings):
        return
    executable = chromium_path(settings.get("NEWSCRAWLER_CHROMIUM"))
    concurrency = max(1, settings.getint("NEWSCRAWLER_RENDER_CONCURRENCY", DEFAULT_CONCURRENCY))
    timeout = settings.getfloat("NEWSCRAWLER_RENDER_TIMEOUT", DEFAULT_TIMEOUT)
    handlers = dict(settings.getdict("DOWNLOAD_HANDLERS"))
    handlers.update({"http": HANDLER, "https": HANDLER})
    values = {
        _FLAG: True,
        # Plain requests still go through Scrapy's HTTP client: the handler renders only
        # requests with meta["playwright"].
        "DOWNLOAD_HANDLERS": handlers,
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": executable,
            "headless": True,
            "args": list(CHROMIUM_ARGS),
        },
        # One context holding at most `concurrency` pages: the bound on open pages.
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": concurrency,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout * 1000,
        "PLAYWRIGHT_ABORT_REQUEST": ABORT_REQUEST,
    }
    for name, value in values.items():
        settings.set(name, value, priority="spider")


def rendering_enabled(settings: BaseSettings) -> bool:
    return settings.getbool(_FLAG, False)
