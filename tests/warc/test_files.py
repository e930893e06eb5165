"""The WARC file set without a crawl: rotation, final names, recovery after a kill."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scrapy.http import HtmlResponse, Request

from newscrawler.warc import records
from newscrawler.warc.files import WarcFileSet
from newscrawler.warc.recovery import recover_warc_parts

WARCIO = str(Path(sys.executable).with_name("warcio"))


def _exchange(files: WarcFileSet, n: int) -> str:
    request = Request(f"https://news.example/a{n}")
    response = HtmlResponse(request.url, body=b"<html>" + b"x" * 500 + b"</html>", request=request)
    response_rec = records.response_record(files.builder, response, "2026-11-26T10:00:00Z", None)
    request_rec = records.request_record(files.builder, request, "2026-11-26T10:00:00Z")
    records.link_concurrent(request_rec, response_rec)
    return files.write(request_rec, response_rec)


def _check(path: Path) -> None:
    subprocess.run([WARCIO, "check", str(path)], check=True, capture_output=True)


def test_files_rotate_by_size_and_get_final_names_on_close(tmp_path: Path) -> None:
    files = WarcFileSet(tmp_path, "crawl-1", info={"isPartOf": "crawl-1"}, max_size=800)
    names = [_exchange(files, n) for n in range(4)]
    assert names[0] == "crawl-1-00000.warc.gz"
    assert len(set(names)) > 1
    assert (tmp_path / f"{names[-1]}.part").exists(), "the open file has a .part name"
    closed = files.close()
    assert sorted(p.name for p in closed) == sorted(set(names))
    assert not list(tmp_path.glob("*.part"))
    for path in closed:
        _check(path)


def test_a_killed_writers_file_keeps_every_full_record(tmp_path: Path) -> None:
    files = WarcFileSet(tmp_path, "crawl-1", info={"isPartOf": "crawl-1"})
    name = _exchange(files, 1)
    _exchange(files, 2)
    part = tmp_path / f"{name}.part"
    assert recover_warc_parts(tmp_path) == [], "a live writer's file is left alone"
    # The kill: the file is never closed (its lock dies with it) and a record is torn.
    assert files._file is not None
    files._file.close()
    with open(part, "ab") as torn:
        torn.write(b"\x1f\x8b\x08\x00 half a record")
    (recovered,) = recover_warc_parts(tmp_path)
    assert recovered.name == name
    assert not part.exists()
    _check(recovered)
    index = subprocess.run([WARCIO, "index", str(recovered)], check=True, capture_output=True, text=True)
    assert len(index.stdout.splitlines()) == 5  # warcinfo + two request/response pairs


def test_revisit_record_for_not_modified(tmp_path: Path) -> None:
    files = WarcFileSet(tmp_path, "crawl-1", info={})
    request = Request("https://news.example/a")
    response = HtmlResponse(request.url, status=304, body=b"", request=request)
    revisit = records.revisit_record(
        files.builder,
        response,
        "2026-11-26T10:00:00Z",
        {"uri": request.url, "date": "2026-11-01T10:00:00Z", "record_id": "<urn:uuid:x>"},
    )
    files.write(revisit)
    (path,) = files.close()
    _check(path)
    assert revisit.rec_headers.get_header("WARC-Refers-To-Date") == "2026-11-01T10:00:00Z"
    assert revisit.rec_headers.get_header("WARC-Profile") == records.SERVER_NOT_MODIFIED
