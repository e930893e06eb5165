"""`python -m bench.crawls`: crawl benchmarks on a generated site built from real corpus pages.

Figures, each from real `scrapy crawl` subprocesses in one run:
- discovery (issue 5): recall and precision of the archived articles, duplicates, robots.txt
  disallowed fetches and pages per second;
- periodic crawls (issue 6): requests of a second, unchanged run against the first;
- scale-out (issue 7): pages per second with one and with two Redis workers (needs
  Debian's redis-server).
The site serves every aeb-dev and traf-dev page as an article, a quarter reachable only
from links, a quarter only from the feed, a quarter only from the news sitemap, a quarter
from all three, plus traps, a disallowed page and non-article pages (demo/generated.py).
Its section pages and every third article print ``<base href="/">`` and link relatively
(a 404 when read against the page's URL), the articles' boxes with one deleted story each;
the corpus pages' own links lead to 404s here too. The plain Scrapy + trafilatura
CrawlSpider (bench/peer_crawl_spider.py) crawls the same site for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpora import load_aeb, load_traf, read_html
from bench.extraction import REPO_ROOT, default_corpora
from demo.generated import GeneratedSiteServer, build_site
from newscrawler.tools.files import read_records

WORKER_SETTINGS = ("AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=16", "LOG_LEVEL=WARNING")


@dataclass
class CrawlRun:
    seconds: float
    requests: list[str]
    records: list[dict[str, Any]]


def _crawl(server: GeneratedSiteServer, out: Path, state: Path, *extra: str, workers: int = 1) -> CrawlRun:
    before = len(server.requested)
    started = time.monotonic()
    command = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={server.url}",
               "-s", f"ARCHIVE_DIR={out}", "-s", f"STATE_DIR={state}"]  # fmt: skip
    for setting in (*WORKER_SETTINGS, *extra):
        command += ["-s", setting]
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    processes = [
        subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL) for _ in range(workers)
    ]
    for process in processes:
        process.wait()
    seconds = time.monotonic() - started
    return CrawlRun(seconds, server.requested[before:], list(read_records(out)))


def _crawl_figures(server: GeneratedSiteServer, run: CrawlRun) -> dict[str, str]:
    """Recall, precision and duplicates of the records; the requests' 404 share and
    article pages fetched per second (distinct article pages over the crawl's seconds)."""
    site = server.site
    expected = {server.url.rstrip("/") + path for path in site.article_paths}
    archived = Counter(str(record["url"]) for record in run.records)
    found = expected & set(archived)
    disallowed = [p for p in run.requests if any(p.startswith(d) for d in site.disallowed_paths)]
    not_found = sum(1 for path in run.requests if site.resolve(path)[0] == 404)
    articles_fetched = len(set(run.requests) & set(site.article_paths))
    return {
        "records archived": str(len(run.records)),
        "discovery recall": f"{len(found) / len(expected):.3f}",
        "discovery precision": f"{len(found) / max(1, len(archived)):.3f}",
        "duplicates": str(sum(archived.values()) - len(archived)),
        "disallowed fetches": str(len(disallowed)),
        "requests": str(len(run.requests)),
        "requests answered 404": f"{not_found} ({not_found / max(1, len(run.requests)):.1%})",
        "pages fetched per second": f"{len(run.requests) / run.seconds:.1f}",
        "article pages fetched per second": f"{articles_fetched / run.seconds:.1f}",
    }


def discovery(server: GeneratedSiteServer, work: Path) -> tuple[dict[str, str], CrawlRun]:
    run = _crawl(server, work / "discovery", work / "discovery-state")
    figures = {"articles on the site": str(len(server.site.article_paths)), **_crawl_figures(server, run)}
    return figures, run


def peer(server: GeneratedSiteServer, work: Path, ours: CrawlRun) -> dict[str, str]:
    """The plain Scrapy + trafilatura CrawlSpider (bench/peer_crawl_spider.py) on the same
    site, same concurrency, robots.txt obeyed; outside the project, so Scrapy's defaults."""
    folder = work / "peer"
    folder.mkdir()
    before = len(server.requested)
    started = time.monotonic()
    spider = REPO_ROOT / "bench" / "peer_crawl_spider.py"
    # Robots.txt obeyed and a depth limit like newscrawler's: the site's endless calendar
    # would hold a spider without one forever.
    command = [sys.executable, "-m", "scrapy", "runspider", str(spider), "-a", f"url={server.url}",
               "-o", str(folder / "peer.jsonl"), "-s", "ROBOTSTXT_OBEY=True",
               "-s", "DEPTH_LIMIT=5"]  # fmt: skip
    for setting in WORKER_SETTINGS:
        command += ["-s", setting]
    subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, check=True)
    seconds = time.monotonic() - started
    feed = folder / "peer.jsonl"
    records = [json.loads(line) for line in feed.read_text().splitlines() if line] if feed.exists() else []
    run = CrawlRun(seconds, server.requested[before:], records)
    figures = _crawl_figures(server, run)
    ours_rate = len(set(ours.requests) & set(server.site.article_paths)) / ours.seconds
    peer_rate = len(set(run.requests) & set(server.site.article_paths)) / seconds
    figures["newscrawler article pages per second / peer's"] = f"{ours_rate / max(0.001, peer_rate):.2f}"
    return figures


def periodic(server: GeneratedSiteServer, work: Path, first: CrawlRun) -> dict[str, str]:
    second = _crawl(server, work / "discovery", work / "discovery-state")
    new_records = len(second.records) - len(first.records)
    return {
        "first run: requests": str(len(first.requests)),
        "second, unchanged run: requests": str(len(second.requests)),
        "second run: new records": str(new_records),
        "second run requests / first run": f"{len(second.requests) / max(1, len(first.requests)):.3f}",
        "second run seconds / first run": f"{second.seconds / first.seconds:.2f}",
    }


def scale_out(server: GeneratedSiteServer, work: Path) -> dict[str, str]:
    if shutil.which("redis-server") is None:
        return {"scale-out": "not measured: redis-server is not installed (make system-deps)"}
    from tests.support.redis_server import redis_server

    figures = {}
    for workers in (1, 2):
        with redis_server(work) as url:
            out = work / f"workers-{workers}"
            run = _crawl(
                server, out, work / f"workers-{workers}-state", f"REDIS_URL={url}",
                "NEWSCRAWLER_IDLE_TIMEOUT=2", "NEWSCRAWLER_WORKER_HEARTBEAT_TIMEOUT=5", workers=workers,
            )  # fmt: skip
        # Workers wait out an idle timeout at the end; the rate counts the crawl itself.
        seconds = max(0.001, run.seconds - 2)
        figures[f"{workers} worker{'s' * (workers > 1)}: pages per second"] = (
            f"{len(run.requests) / seconds:.1f}"
        )
        figures[f"{workers} worker{'s' * (workers > 1)}: records (each article once)"] = (
            f"{len(run.records)} ({len({r['url'] for r in run.records})} distinct)"
        )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--limit", type=int, default=0, help="use only the first N corpus pages")
    parser.add_argument(
        "--quick", action="store_true", help="discovery and the peer only (no periodic or Redis runs)"
    )
    options = parser.parse_args(argv)
    pages = load_aeb(options.corpora) + load_traf(options.corpora)
    if options.limit:
        pages = pages[: options.limit]
    site = build_site([read_html(page.path) for page in pages], base_href=True)
    server = GeneratedSiteServer(site).start()
    try:
        with tempfile.TemporaryDirectory(prefix="newscrawler-bench-") as temporary:
            work = Path(temporary)
            found, first = discovery(server, work)
            rows = [("discovery", found), ("plain Scrapy + trafilatura", peer(server, work, first))]
            if not options.quick:
                rows.append(("periodic crawls", periodic(server, work, first)))
                rows.append(("scale-out on Redis", scale_out(server, work)))
    finally:
        server.stop()
    print(f"Crawl benchmarks: a generated site of {len(pages)} real article pages (aeb-dev + traf-dev)\n")
    print("| section | figure | value |\n|---|---|---|")
    for section, figures in rows:
        for name, value in figures.items():
            print(f"| {section} | {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
