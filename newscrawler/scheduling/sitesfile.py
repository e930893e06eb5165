"""The sites file as the scheduler sees it: reloaded when it changes, kept when it breaks.

A change is noticed by the file's inode, size and modification time (editors that save by
renaming a new file give a new inode). An invalid new version is logged once and the
previous configuration stays in force, so a typo in ``sites.yaml`` never stops the crawls.
The crawls themselves read the sites file too (``-a sites_file``), so they are given a
snapshot of the last version that loaded, not the file being edited.
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
    """Holds the sites last loaded from ``path``, and a copy of that file at ``snapshot``;
    :meth:`refresh` picks up changes."""

    def __init__(self, path: Path, snapshot: Path, loader: Loader = load_sites) -> None:
        """Load ``path``; raises :class:`SitesFileError` when it is invalid at start."""
        self.path = path
        self.snapshot = snapshot
        self._loader = loader
        self._signature = _signature(path)
        self.sites = self._load()

    def refresh(self) -> bool:
        """Reload if the file changed; True when :attr:`sites` was replaced."""
        signature = _signature(self.path)
        if signature == self._signature:
            return False
        # Remembered even when the load fails, so a broken file is reported once, not per poll.
        self._signature = signature
        try:
            sites = self._load()
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

    def _load(self) -> dict[str, SiteConfig]:
        """Load the file and copy the very bytes that loaded to :attr:`snapshot`."""
        content = _read(self.path)
        sites = self._loader(self.path)
        if _read(self.path) != content:
            # Its next signature differs from the one taken before reading: it is reloaded.
            raise SitesFileError(f"{self.path}: changed while being read")
        self.snapshot.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.snapshot.with_name(f".{self.snapshot.name}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, self.snapshot)
        return sites


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SitesFileError(f"{path}: cannot read the sites file: {error.strerror}") from error


def _signature(path: Path) -> _Signature:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _names(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "none"
