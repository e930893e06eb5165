"""The sites file as the scheduler sees it: reloaded when it changes, kept when it breaks.

A change is noticed by the file's inode, size and modification time (editors that save by
renaming a new file give a new inode). An invalid new version is logged once and the
previous configuration stays in force, so a typo in ``sites.yaml`` never stops the crawls.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from newscrawler.sites import SiteConfig, SitesFileError, load_sites

logger = logging.getLogger(__name__)

Loader = Callable[[Path], dict[str, SiteConfig]]
_Signature = tuple[int, int, int] | None


class SitesFileWatcher:
    """Holds the sites last loaded from ``path``; :meth:`refresh` picks up changes."""

    def __init__(self, path: Path, loader: Loader = load_sites) -> None:
        """Load ``path``; raises :class:`SitesFileError` when it is invalid at start."""
        self.path = path
        self._loader = loader
        self._signature = _signature(path)
        self.sites = loader(path)

    def refresh(self) -> bool:
        """Reload if the file changed; True when :attr:`sites` was replaced."""
        signature = _signature(self.path)
        if signature == self._signature:
            return False
        # Remembered even when the load fails, so a broken file is reported once, not per poll.
        self._signature = signature
        try:
            sites = self._loader(self.path)
        except SitesFileError as error:
            logger.error("sites file not reloaded, still using the previous sites: %s", error)
            return False
        added, removed = sites.keys() - self.sites.keys(), self.sites.keys() - sites.keys()
        changed = {name for name in sites.keys() & self.sites.keys() if sites[name] != self.sites[name]}
        self.sites = sites
        logger.info(
            "sites file reloaded: %d sites (added: %s; removed: %s; changed: %s)",
            len(sites),
            _names(added),
            _names(removed),
            _names(changed),
        )
        return True


def _signature(path: Path) -> _Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _names(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "none"
