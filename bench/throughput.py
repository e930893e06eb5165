"""Crawl throughput and memory: ``python -m bench.throughput [--pages N]``.

Serves N real corpus pages (repeated under distinct URLs) from a child process and crawls
them with ``python -m scrapy crawl site`` subprocesses, one after the other, in one run:

- ceiling: newscrawler with no item pipelines (fetch, discover links, discard);
- peer: a plain Scrapy SitemapSpider calling trafilatura in its callback (bench/peer_spider.py);
- full: the real pipelines to the JSON Lines archive, WARC on; full-nowarc: WARC off.

Then, on a smaller site (``--compare-pages``), the full crawl with worker processes and
with ``NEWSCRAWLER_EXTRACTION_WORKERS=0``: their record sets must be equal.
Prints one Markdown table. A benchmark that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.extraction import default_corpora
from bench.sampler import MARK_EVERY, Sampler, Samples
from bench.throughput_site import SiteProcess

ROOT = Path(__file__).resolve().parents[1]
RUNS = ("ceiling", "peer", "full", "full-nowarc")
# Scrapy's speed, not politeness, is measured: everything goes to one local host.
FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "DOWNLOAD_DELAY": "0",
    "LOG_LEVEL": "INFO",
}
# What extraction decides of a record, whatever URL the page was archived under.
EXTRACTED_FIELDS = (
    "title", "body", "body_source", "description", "published_at", "modified_at", "language",
)  # fmt: skip
WORKERS_RETIRED = "newscrawler/extraction/workers_retired"
WORKERS_REPLACED = "newscrawler/extraction/workers_replaced"


@dataclass
class Run:
    name: str
    pages: int
    seconds: float
    archived: float | None
    samples: Samples
    workdir: Path
    stats: dict[str, float] = field(default_factory=dict)
    """The crawl's numeric closing stats."""

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20_000, help="article pages on the site (default 20000)")
    parser.add_argument("--compare-pages", type=int, default=2_000, help="site size for the equality check")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated subset of {','.join(RUNS)}")
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--keep", type=Path, help="keep archives and logs here (default: a temp dir)")
    args = parser.parse_args(argv)
    names = [name for name in args.runs.split(",") if name]
    with tempfile.TemporaryDirectory(prefix="nc-throughput-") as temp:
        base = args.keep or Path(temp)
        runs: list[Run] = []
        with SiteProcess(args.corpora, args.pages) as site:
            for name in names:
                runs.append(crawl(name, site, args.pages, base / name))
                print(f"{name}: {runs[-1].pages} pages in {runs[-1].seconds:.1f} s", file=sys.stderr)
        equality = ""
        if args.compare_pages:
            with SiteProcess(args.corpora, args.compare_pages) as site:
                pooled = crawl("full", site, args.compare_pages, base / "compare-pool")
                single = crawl("full", site, args.compare_pages, base / "compare-inprocess", workers=0)
            equality = compare(pooled, single)
        print(table(runs, args.pages, os.cpu_count() or 1))
        if equality:
            print()
            print(f"Record sets, {args.compare_pages}-page site, worker processes vs in-process: {equality}")
    return 0


def crawl(name: str, site: SiteProcess, pages: int, workdir: Path, workers: int | None = None) -> Run:
    workdir.mkdir(parents=True, exist_ok=True)
    settings = dict(FAST)
    if name == "peer":
        # Outside the project (no scrapy.cfg in cwd): plain Scrapy defaults plus FAST.
        command = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench" / "peer_spider.py")]
        command += ["-a", f"url={site.url}", "-o", str(workdir / "peer.jsonl")]
        cwd = workdir
    else:
        command = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={site.url}"]
        # Every article is in the sitemap (depth 1): like the peer, whose SitemapSpider
        # follows no links, newscrawler then follows none from the articles either (the
        # corpus pages' links lead to 404s here), though it still parses them for links.
        command += ["-a", f"max_pages={3 * pages + 100}", "-a", "max_depth=1"]
        settings |= {"ARCHIVE_DIR": str(workdir / "archive"), "STATE_DIR": str(workdir / "state")}
        if name == "ceiling":
            settings["ITEM_PIPELINES"] = "{}"
        if name == "full-nowarc":
            settings["NEWSCRAWLER_WARC_ENABLED"] = "False"
        if workers is not None:
            settings["NEWSCRAWLER_EXTRACTION_WORKERS"] = str(workers)
        cwd = ROOT
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    site.reset()
    log_path = workdir / "crawl.log"
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        sampler = Sampler(process.pid, lambda: site.served)
        sampler.start()
        process.wait()
        samples = sampler.stop()
    stats = closing_stats(log_path.read_text(encoding="utf-8"))
    if process.returncode != 0:
        raise SystemExit(f"{name} crawl failed (exit {process.returncode}); see {log_path}")
    seconds = stats.get("elapsed_time_seconds") or time.monotonic() - started
    return Run(name, site.served, float(seconds), stats.get("newscrawler/archived"), samples, workdir, stats)


def closing_stats(log: str) -> dict[str, float]:
    """The numeric values of Scrapy's closing stats dump."""
    dump = log.rsplit("Dumping Scrapy stats:", 1)[-1]
    return {key: float(value) for key, value in re.findall(r"'([^']+)': (-?[\d.]+)[,}]", dump)}


def records_by_content(archive: Path) -> dict[str, dict[str, Any]]:
    """Records keyed by content hash, with the fields extraction decides. Not by URL: the
    site serves each corpus page under several URLs, and which of them a crawl archives (the
    others are dropped as duplicates of its content) depends on the order pages finish in;
    fields read relative to the URL (links, image) then differ too."""
    records = {}
    for path in sorted(archive.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[record["content_hash"]] = {k: record.get(k) for k in EXTRACTED_FIELDS}
    return records


def compare(pooled: Run, single: Run) -> str:
    left = records_by_content(pooled.workdir / "archive")
    right = records_by_content(single.workdir / "archive")
    differing = sorted(key for key in left.keys() | right.keys() if left.get(key) != right.get(key))
    rates = f"(pool {pooled.rate:.1f} pages/s, in-process {single.rate:.1f} pages/s)"
    if not differing:
        return f"**equal**, {len(left)} records {rates}"
    example = f"e.g. content {differing[0][:12]}"
    return f"**{len(differing)} differ** of {len(left)} / {len(right)} records, {example} {rates}"


def table(runs: list[Run], pages: int, cores: int) -> str:
    by_name = {run.name: run for run in runs}
    lines = [
        f"Site of {pages} article pages; {cores} cores; pages/s = article pages fetched / crawl seconds.",
        "",
        "| run | pages | records | seconds | pages/s | × peer | × ceiling | CPU per core | "
        "peak RSS (MB) | RSS at 5k → last (MB) | PSS at 5k → last (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        peer, ceiling = by_name.get("peer"), by_name.get("ceiling")
        cpu = " / ".join(f"{c:.0f} %" for c in run.samples.cpu_while_crawling())
        lines.append(
            f"| {run.name} | {run.pages} | {'' if run.archived is None else int(run.archived)} "
            f"| {run.seconds:.1f} | {run.rate:.1f} | {_ratio(run, peer)} | {_ratio(run, ceiling)} | {cpu} "
            f"| {run.samples.peak_rss / 2**20:.0f} | {_growth(run.samples, 0, pages)} "
            f"| {_growth(run.samples, 1, pages)} |"
        )
    lines += ["", f"Summed RSS (MB) every {MARK_EVERY:,} pages:", ""]
    for run in runs:
        marks = _crawling_marks(run.samples, pages)
        series = " ".join(f"{run.samples.marks[mark][0] / 2**20:.0f}" for mark in marks)
        lines.append(f"- {run.name}: {series or '—'}")
    # A retired worker outgrew NEWSCRAWLER_EXTRACTION_WORKER_MAX_MB; a replaced one crashed or hung.
    for run in runs:
        if WORKERS_RETIRED in run.stats:
            lines.append(
                f"\n{run.name}: extraction workers retired {int(run.stats[WORKERS_RETIRED])}, "
                f"replaced {int(run.stats.get(WORKERS_REPLACED, 0))}"
            )
    return "\n".join(lines)


def _ratio(run: Run, other: Run | None) -> str:
    return f"{run.rate / other.rate:.2f}" if other and other.rate else "—"


def _crawling_marks(samples: Samples, pages: int) -> list[int]:
    """The marks taken while pages were still coming: the one at the last page may fall in
    the crawl's shutdown, after the extraction workers have exited."""
    return [mark for mark in sorted(samples.marks) if mark < pages]


def _growth(samples: Samples, index: int, pages: int) -> str:
    marks = _crawling_marks(samples, pages)
    if not marks:
        return "—"
    first = min(marks, key=lambda mark: abs(mark - 5000))
    return f"{samples.marks[first][index] / 2**20:.0f} → {samples.marks[marks[-1]][index] / 2**20:.0f}"


if __name__ == "__main__":
    raise SystemExit(main())
