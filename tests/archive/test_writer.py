from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newscrawler.archive.paths import archive_path, safe_site_name
from newscrawler.archive.recovery import recover_part_files
from newscrawler.archive.writer import JsonLinesArchive


def test_records_go_to_one_file_per_site_and_appear_only_when_closed(tmp_path: Path) -> None:
    archive = JsonLinesArchive(tmp_path, "crawl-1")
    first = archive.write("a.example", {"n": 1, "text": "café"})
    archive.write("b.example", {"n": 2})
    archive.write("a.example", {"n": 3})
    assert not first.exists()
    assert first.with_name(first.name + ".part").exists()
    written = archive.close()
    assert written == {first: 2, archive_path(tmp_path, "b.example", "crawl-1", archive.day, False): 1}
    lines = first.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["n"] for line in lines] == [1, 3]
    assert "café" in lines[0]  # UTF-8, not ASCII-escaped
    assert not list(tmp_path.rglob("*.part"))


def test_gzip_archive_is_readable_after_close(tmp_path: Path) -> None:
    archive = JsonLinesArchive(tmp_path, "crawl-1", compress=True)
    path = archive.write("a.example", {"n": 1})
    archive.write("a.example", {"n": 2})
    archive.close()
    assert path.name.endswith(".jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        assert [json.loads(line)["n"] for line in lines] == [1, 2]


@pytest.mark.parametrize("compress", [False, True])
def test_part_file_left_by_a_kill_keeps_every_complete_line(tmp_path: Path, compress: bool) -> None:
    archive = JsonLinesArchive(tmp_path, "crawl-1", compress=compress)
    path = archive.write("a.example", {"n": 1})
    archive.write("a.example", {"n": 2})
    part = path.with_name(path.name + ".part")
    # Simulate the kill: the writer never closes; its lock dies with the process.
    archive._files["a.example"]._raw.close()
    if not compress:
        with open(part, "ab") as torn:
            torn.write(b'{"n": 3, "tr')
    recovered = recover_part_files(tmp_path)
    assert [r.lines for r in recovered] == [2]
    assert not part.exists()
    opener = gzip.open if compress else open
    with opener(path, "rt", encoding="utf-8") as lines:
        assert [json.loads(line)["n"] for line in lines] == [1, 2]


def test_recovery_leaves_a_live_writers_file_alone(tmp_path: Path) -> None:
    archive = JsonLinesArchive(tmp_path, "crawl-1")
    path = archive.write("a.example", {"n": 1})
    assert recover_part_files(tmp_path) == []
    assert path.with_name(path.name + ".part").exists()
    archive.close()


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("example.com", "example.com"),
        ("../../etc/passwd", "etc_passwd"),
        ("/absolute/path", "absolute_path"),
        ("a\x00b", "a_b"),
        ("..", "unknown-site"),
        ("x" * 500, "x" * 100),
        ("Exämple.COM", "ex_mple.com"),
    ],
)
def test_site_names_cannot_escape_the_archive_dir(site: str, expected: str) -> None:
    assert safe_site_name(site) == expected


def test_unsafe_crawl_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsafe crawl id"):
        archive_path(tmp_path, "a", "../x", "2026-01-01", False)
