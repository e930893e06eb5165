"""Archive file layout: ``<ARCHIVE_DIR>/<site>/<YYYY-MM-DD>/<crawl_id>.jsonl[.gz]``.

Site names come from URLs, that is from the web: they are sanitized so that no host name
can write outside ``ARCHIVE_DIR``.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from pathlib import Path

PART_SUFFIX = ".part"
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_MAX_NAME = 100


def safe_site_name(site: str) -> str:
    """A file-name-safe, non-empty form of a site name or host.

    >>> safe_site_name("News.Example.COM:8080")
    'news.example.com_8080'
    >>> safe_site_name("../../etc")
    'etc'
    >>> safe_site_name("")
    'unknown-site'
    """
    name = _UNSAFE.sub("_", site.strip().lower())
    name = name.strip("._-")
    while ".." in name:
        name = name.replace("..", ".")
    name = name[:_MAX_NAME].strip("._-")
    return name or "unknown-site"


def new_crawl_id(now: datetime | None = None) -> str:
    """Sortable and unique across machines: UTC start time plus random hex.

    >>> len(new_crawl_id())
    23
    """
    moment = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{moment}-{secrets.token_hex(3)}"


def archive_path(archive_dir: Path, site: str, crawl_id: str, day: str, gzip: bool) -> Path:
    suffix = ".jsonl.gz" if gzip else ".jsonl"
    if not re.fullmatch(r"[A-Za-z0-9._-]+", crawl_id) or crawl_id.startswith("."):
        raise ValueError(f"unsafe crawl id {crawl_id!r}")
    return archive_dir / safe_site_name(site) / day / f"{crawl_id}{suffix}"
