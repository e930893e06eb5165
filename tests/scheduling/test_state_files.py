"""schedule.json, crawl outcomes read from logs and stats files, and the sites file reload."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from newscrawler.scheduling.history import SiteHistory, load_histories, save_histories, started
from newscrawler.scheduling.outcome import read_outcome
from newscrawler.scheduling.process import prune_logs
from newscrawler.scheduling.sitesfile import SitesFileWatcher
from newscrawler.sites import SitesFileError

STATS_DUMP = """2026-11-26 01:05:22 [scrapy.core.engine] INFO: Closing spider (finished)
2026-11-26 01:05:22 [scrapy.statscollectors] INFO: Dumping Scrapy stats:
{'downloader/request_count': 51,
 'downloader/response_count': 50,
 'finish_reason': 'finished',
 'finish_time': datetime.datetime(2026, 11, 26, 1, 5, 22, 310218, tzinfo=datetime.timezone.utc),
 'newscrawler/archived': 12,
 'start_time': datetime.datetime(2026, 11, 26, 1, 5, 20, 33396, tzinfo=datetime.timezone.utc)}
2026-11-26 01:05:22 [scrapy.core.engine] INFO: Spider closed (finished)
"""


def test_histories_round_trip_with_readable_times_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "state" / "schedule.json"
    histories = {"demo": started(SiteHistory(consecutive_failures=2), 1_764_119_120.25, "c1")}
    save_histories(path, histories)
    assert load_histories(path) == histories
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["sites"]["demo"]["last_started"] == "2025-11-26T01:05:20.250000Z"
    assert os.listdir(path.parent) == ["schedule.json"]


def test_missing_or_broken_state_means_every_site_is_due(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert load_histories(tmp_path / "absent.json") == {}
    broken = tmp_path / "schedule.json"
    broken.write_text('{"sites": {"demo": {"last_started": "not a time"}}}', encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert load_histories(broken) == {}
    assert "every site is due again" in caplog.text


def test_outcome_from_the_stats_file_before_the_log(tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"
    log.write_text(STATS_DUMP, encoding="utf-8")
    archive = tmp_path / "archive"
    assert read_outcome(0, log, archive, "demo", "c1").archived == 12  # from the log
    stats_file = archive / "demo" / "2026-11-26" / "c1.stats.json"
    stats_file.parent.mkdir(parents=True)
    stats_file.write_text('{"crawl_id": "c1", "archived": 11}', encoding="utf-8")
    outcome = read_outcome(0, log, archive, "demo", "c1")
    assert (outcome.archived, outcome.responses, outcome.status) == (11, 50, "ok")


def test_outcome_of_a_crawl_that_got_no_response_and_of_one_without_a_log(tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"
    log.write_text(STATS_DUMP.replace(" 'downloader/response_count': 50,\n", ""), encoding="utf-8")
    outcome = read_outcome(0, log, tmp_path, "demo", "c1")
    assert (outcome.responses, outcome.status) == (0, "failed")
    unknown = read_outcome(-9, tmp_path / "no.log", tmp_path, "demo", "c1")
    assert (unknown.archived, unknown.problem) == (None, "killed by SIGKILL")


def _write(path: Path, text: str) -> None:
    # A new file renamed over the old one, as editors save: a new inode, whatever the clock.
    temporary = path.with_suffix(".new")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_sites_file_reloads_on_change_and_keeps_the_old_sites_when_invalid(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path, snapshot = tmp_path / "sites.yaml", tmp_path / "state" / "sites.snapshot.yaml"
    _write(path, "sites:\n  - name: a\n    start_url: http://a.test/\n    interval: 1h\n")
    watcher = SitesFileWatcher(path, snapshot)
    assert not watcher.refresh()
    valid = "sites:\n  - name: a\n    start_url: http://a.test/\n    interval: 5m\n"
    _write(path, valid)
    assert watcher.refresh()
    assert watcher.sites["a"].interval_seconds == 300
    assert snapshot.read_text(encoding="utf-8") == valid
    with caplog.at_level(logging.ERROR):
        _write(path, "sites:\n  - name: a\n    start_url: not-a-url\n")
        assert not watcher.refresh()
        assert not watcher.refresh()  # reported once, not at every poll
    assert caplog.text.count("not reloaded") == 1
    assert "start_url" in caplog.text
    assert watcher.sites["a"].interval_seconds == 300
    assert snapshot.read_text(encoding="utf-8") == valid  # what the crawls read stays valid
    path.unlink()
    assert not watcher.refresh()
    assert list(watcher.sites) == ["a"]


def test_an_invalid_sites_file_at_start_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text("sites: 3\n", encoding="utf-8")
    with pytest.raises(SitesFileError, match="sites"):
        SitesFileWatcher(path, tmp_path / "snapshot.yaml")
    assert not (tmp_path / "snapshot.yaml").exists()


def test_prune_logs_keeps_the_newest(tmp_path: Path) -> None:
    for crawl_id in ("20261126T010000Z-a", "20261126T020000Z-b", "20261126T030000Z-c"):
        (tmp_path / f"{crawl_id}.log").touch()
    prune_logs(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20261126T020000Z-b.log", "20261126T030000Z-c.log"]
