"""``scrapy archive`` on small archives built from real pipeline output."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from newscrawler.schema import load_schema
from tests.pipelines.test_pipelines import ARTICLE, _page, _run_steps
from tests.support.browser import chromium
from tests.support.crawl import ROOT


def _record(url: str, revision: int = 1, **changes: Any) -> dict[str, Any]:
    record = _run_steps(_page(ARTICLE, url)).to_archive()
    record.update(revision=revision, **changes)
    return record


def _write(path: Path, records: list[dict[str, Any]], extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(lines + extra, encoding="utf-8")
    return path


def _good_archive(root: Path) -> Path:
    _write(
        root / "news.example" / "2026-11-26" / "c1.jsonl",
        [_record("https://news.example/a"), _record("https://news.example/b", language="fr")],
    )
    _write(
        root / "news.example" / "2026-11-27" / "c2.jsonl",
        [
            _record(
                "https://news.example/a",
                revision=2,
                title="Rivers rise further",
                fetched_at="2026-11-27T08:00:00Z",
            )
        ],
    )
    stats = {
        "crawl_id": "c1",
        "archived": 2,
        "skipped": {"http_status/404": 3},
        "dropped": {"BodyTooShort": 1},
    }
    (root / "news.example" / "2026-11-26" / "c1.stats.json").write_text(json.dumps(stats))
    return root


def _archive(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "archive", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_validate_passes_a_good_archive_with_a_one_line_summary(tmp_path: Path) -> None:
    done = _archive("validate", str(_good_archive(tmp_path)))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "ok: 3 records in 2 files, all valid"


def test_validate_reports_every_kind_of_problem(tmp_path: Path) -> None:
    root = _good_archive(tmp_path)
    bad = _record("https://news.example/c", status="200")
    _write(
        root / "other" / "2026-11-26" / "c3.jsonl", [bad, _record("https://news.example/b")], '{"url": "tor'
    )
    (root / "other" / "2026-11-26" / "c4.jsonl.part").write_text("{}\n")
    done = _archive("validate", str(root))
    assert done.returncode == 1
    out = done.stdout
    assert re.search(r"c3\.jsonl:1: schema: status: '200' is not of type 'integer'", out)
    assert re.search(r"c3\.jsonl:2: duplicate \(url, revision\) \('https://news.example/b', 1\)", out)
    assert re.search(r"c3\.jsonl:3: torn last line", out)
    assert "c4.jsonl.part: unfinished .part file" in out
    assert "4 problems" in done.stderr


def test_validate_a_single_file_with_a_corrupted_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "c1.jsonl", [_record("https://news.example/a")], "not json\n")
    done = _archive("validate", str(path))
    assert done.returncode == 1
    assert "c1.jsonl:2: not JSON" in done.stdout


def test_stats_counts_sites_days_languages_fill_rates_and_revisions(tmp_path: Path) -> None:
    done = _archive("stats", str(_good_archive(tmp_path)), "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["records"] == 3
    assert stats["articles"] == 2
    assert stats["articles_with_several_revisions"] == 1
    assert stats["per_site"] == {"news.example": 3}
    assert stats["per_day"] == {"2026-11-26": 2, "2026-11-27": 1}
    assert stats["per_language"] == {"en": 2, "fr": 1}
    assert stats["per_revision"] == {"1": 2, "2": 1}
    assert stats["fill_rates"]["title"] == 1.0
    assert stats["fill_rates"]["description"] == 0.0


def test_export_latest_as_csv_and_parquet_reads_back(tmp_path: Path) -> None:
    root = _good_archive(tmp_path / "archive")
    assert (
        _archive("export", str(root), "--latest", "--format", "csv", "-o", str(tmp_path / "a.csv")).returncode
        == 0
    )
    with open(tmp_path / "a.csv", encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    assert [(r["url"], r["revision"], r["title"]) for r in rows] == [
        ("https://news.example/a", "2", "Rivers rise further"),
        ("https://news.example/b", "1", "Rivers rise after storm"),
    ]
    assert json.loads(rows[0]["authors"])[0]["name"] == "Ana Ruiz"

    done = _archive("export", str(root), "--latest", "--format", "parquet", "-o", str(tmp_path / "a.parquet"))
    assert done.returncode == 0, done.stderr
    table = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert [(r["url"], r["revision"]) for r in table] == [
        ("https://news.example/a", 2),
        ("https://news.example/b", 1),
    ]
    assert table[0]["authors"] == [
        {"name": "Ana Ruiz", "bio": None, "url": "https://news.example/staff/ana", "bio_source": None}
    ]


def test_report_renders_its_charts_in_chromium(tmp_path: Path) -> None:
    root = _good_archive(tmp_path / "archive")
    _write(
        root / "other.example" / "2026-11-26" / "c1.jsonl",
        [_record("https://other.example/x", site="other.example")],
    )
    report = tmp_path / "report.html"
    done = _archive("report", str(root), "-o", str(report))
    assert done.returncode == 0, done.stderr
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=[\"']?https?:", page), "the page loads nothing from outside"

    dom = chromium(report, tmp_path / "profile", "--dump-dom").stdout
    assert 'data-rendered="yes"' in dom

    def bars(chart: str) -> int:
        block = dom.split(f'data-chart="{chart}"', 1)[1].split("</div>", 1)[0]
        return block.count('class="bar"')

    # Both articles of news.example were published on 2026-11-20 (the page says so), as
    # was the other site's: one day, two sites, two bar segments.
    assert bars("days") == 2
    assert bars("fields") == len(load_schema()["properties"])  # one bar per record field
    assert bars("languages") == 2  # en, fr
    assert bars("errors") == 2  # skipped: http_status/404, dropped: BodyTooShort

    screenshot = tmp_path / "report.png"
    chromium(report, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1000,1400")
    assert screenshot.read_bytes().startswith(b"\x89PNG")
