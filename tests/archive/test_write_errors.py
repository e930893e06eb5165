"""A write that fails (disk full) leaves complete lines only, plain or gzip."""

from __future__ import annotations

import errno
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newscrawler.archive import writer
from newscrawler.archive.writer import ArchiveWriteError, JsonLinesArchive


def _fail_after(monkeypatch: pytest.MonkeyPatch, calls: int, module: Any, name: str) -> None:
    real = getattr(module, name)
    count = iter(range(1_000_000))

    def flaky(*args: Any) -> Any:
        if next(count) >= calls:
            # Write half of it first: the torn line a full disk leaves behind.
            if name == "write" and len(args) == 2:
                real(args[0], bytes(args[1])[: len(args[1]) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args)

    monkeypatch.setattr(module, name, flaky)


@pytest.mark.parametrize("compress", [False, True])
def test_failed_write_is_rolled_back_and_the_file_stays_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool
) -> None:
    archive = JsonLinesArchive(tmp_path, "crawl-1", compress=compress)
    archive.write("site", {"n": 0, "text": "x" * 500})
    archive.write("site", {"n": 1, "text": "y" * 500})
    if compress:
        _fail_after(monkeypatch, 0, writer.gzip.GzipFile, "write")
    else:
        _fail_after(monkeypatch, 0, writer.os, "write")
    with pytest.raises(ArchiveWriteError) as failure:
        archive.write("site", {"n": 2, "text": "z" * 500})
    assert failure.value.disk_full
    with pytest.raises(ArchiveWriteError):
        archive.write("site", {"n": 3})  # no more records once one failed
    monkeypatch.undo()
    (path, lines), *_ = archive.close().items()
    assert lines == 2
    opener: Any = gzip.open if compress else open
    with opener(path, "rt", encoding="utf-8") as text:
        assert [json.loads(line)["n"] for line in text] == [0, 1]
