"""Storage: site names built to escape ARCHIVE_DIR, and the disk filling up mid-crawl."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import pages
from tests.hostile.server import HostileSite, respond, serve_hostile
from tests.hostile.support import CaseReport, assert_crawl_healthy
from tests.support.crawl import archive_files, run_crawl

WARCIO = str(Path(sys.executable).with_name("warcio"))

HOSTILE_NAMES = {
    "parent directories": ("../../escaped", "escaped"),
    "absolute path": ("/tmp/absolute", "tmp_absolute"),  # noqa: S108 (a name, never a path here)
    "NUL byte": ("nul\\0byte", "nul_byte"),
    "very long name": ("x" * 300, "x" * 100),
}


@pytest.fixture(scope="module")
def served() -> Iterator[HostileSite]:
    with serve_hostile(HostileSite()) as site:
        site.routes["/robots.txt"] = respond(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        for n in range(len(HOSTILE_NAMES)):
            site.routes[f"/s{n}/"] = respond(
                f'<html><body><a href="/s{n}/story-{n}/">s</a></body></html>'.encode()
            )
            site.routes[f"/s{n}/story-{n}/"] = respond(pages.article(f"Story {n}").encode())
        for n in range(60):
            paragraph = f"Record {n}: " + pages.ENGLISH * 6
            site.routes[f"/full/{n}"] = respond(pages.article(f"Filling story {n}", paragraph).encode())
        yield site


def test_site_names_cannot_escape_the_archive_dir(
    served: HostileSite, tmp_path: Path, report: CaseReport
) -> None:
    entries = "".join(
        f'  - name: "{name}"\n    start_url: {served.url(f"/s{n}/")}\n'
        for n, (name, _) in enumerate(HOSTILE_NAMES.values())
    )
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"sites:\n{entries}", encoding="utf-8")
    out = tmp_path / "deep" / "out"
    state = tmp_path / "state"
    result = run_crawl(
        "site", out, "-a", "site=all", "-a", f"sites_file={sites}",
        settings={"AUTOTHROTTLE_ENABLED": "False", "STATE_DIR": str(state)},
    )  # fmt: skip
    assert_crawl_healthy(result)
    assert len(result.records()) == len(HOSTILE_NAMES)
    folders = sorted(path.relative_to(out).parts[0] for path in archive_files(out))
    assert folders == sorted(safe for _, safe in HOSTILE_NAMES.values())
    outside = [
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and out not in p.parents and state not in p.parents and p != sites
    ]
    assert outside == []
    assert result.stat("newscrawler/archive_files") == len(HOSTILE_NAMES)
    for case, (_, safe) in HOSTILE_NAMES.items():
        counter = f"newscrawler/archive_files={result.stat('newscrawler/archive_files')}"
        report(f"site name: {case}", f"written under ARCHIVE_DIR/{safe[:12]}…", counter)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, filled but for 48 KiB: room for a few records only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if done.returncode != 0:
        reason = f"cannot mount a tmpfs (needs root): {done.stderr.decode().strip()}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        stat = os.statvfs(mount)
        (mount / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 48 * 1024))
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_disk_full_stops_the_crawl_cleanly(served: HostileSite, small_disk: Path, report: CaseReport) -> None:
    urls = small_disk.parent / "urls.txt"
    urls.write_text("".join(served.url(f"/full/{n}") + "\n" for n in range(60)), encoding="utf-8")
    out = small_disk / "out"
    # The crawl state lives on another disk: only the archive's disk fills up.
    state = small_disk.parent / "state"
    # Extraction in the crawl process, so records reach the archive at the pace pages are
    # fetched: worker processes deliver their first records after their start-up, by
    # which time the WARC writer alone may have filled the 48 KiB, and no line is written.
    settings = {
        "AUTOTHROTTLE_ENABLED": "False",
        "STATE_DIR": str(state),
        "NEWSCRAWLER_EXTRACTION_WORKERS": "0",
    }
    result = run_crawl("article", out, "-a", f"urls_file={urls}", settings=settings)
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "archive_disk_full", result.log[-6000:]
    assert "No space left on device" in result.log
    # Whichever of the two archive writers (JSON Lines, WARC) met the full disk first stopped it.
    assert "stopping the crawl (archive_disk_full)" in result.log
    warcs = sorted(out.rglob("*.warc.gz"))
    assert warcs
    assert not list(out.rglob("*.warc.gz.part"))
    for warc in warcs:  # cut back to whole records: warcio reads every file to its end
        done = subprocess.run([WARCIO, "check", str(warc)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    files = archive_files(out)
    assert files
    assert not [f for f in files if f.name.endswith(".part")]
    lines = [line for f in files for line in f.read_bytes().splitlines(keepends=True)]
    assert all(line.endswith(b"\n") for line in lines)
    assert [json.loads(line)["title"] for line in lines]  # every line parses
    archived = result.stat("newscrawler/archived")
    assert 0 < archived == len(lines) == len(result.records()) < 60
    report("disk full (1 MiB tmpfs)", f"stopped after {archived} records, no torn line",
           "finish_reason=archive_disk_full")  # fmt: skip
