"""``python -m bench.render [--pages 200]``: a rendered crawl's speed and peak memory.

Serves ``--pages`` generated article pages (demo/generated.py) and crawls them with
``scrapy crawl article -a urls_file=… -a render=1`` (every page fetched plainly, then
rendered in Chromium), then once more without rendering for comparison. While a crawl
runs, its process tree (the crawl, the extraction workers, Playwright's driver and
Chromium's processes) is sampled every 0.2 s: summed RSS, and summed PSS (which splits
pages that processes share, such as Chromium's libraries, so they are not counted twice).
Prints one Markdown table. A benchmark that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from demo.generated import GeneratedSiteServer, build_site, synthetic_article
from newscrawler.tools.files import read_records

ROOT = Path(__file__).resolve().parents[1]
INTERVAL = 0.2
BROWSER_NAMES = ("chrom", "node", "headless_shell")


@dataclass
class Run:
    seconds: float
    records: int
    peak_rss: int
    peak_pss: int
    peak_browser_rss: int


def _memory(processes: list[psutil.Process]) -> tuple[int, int, int]:
    rss = pss = browser = 0
    for process in processes:
        try:
            info = process.memory_full_info()
            name = process.name()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += info.pss
        if name.startswith(BROWSER_NAMES):
            browser += info.rss
    return rss, pss, browser


def _crawl(urls_file: Path, work: Path, *extra: str) -> Run:
    command = [
        sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"urls_file={urls_file}",
        "-s", f"ARCHIVE_DIR={work / 'out'}", "-s", f"STATE_DIR={work / 'state'}",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING", *extra,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    root = psutil.Process(process.pid)
    peaks = [0, 0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(INTERVAL):
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            peaks[:] = [max(p, m) for p, m in zip(peaks, _memory(tree), strict=True)]

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    seconds = time.monotonic() - started
    done.set()
    sampler.join()
    return Run(seconds, len(list(read_records(work / "out"))), *peaks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages", type=int, default=200, help="article pages to crawl (default: %(default)s)"
    )
    options = parser.parse_args(argv)
    server = GeneratedSiteServer(build_site([synthetic_article(i) for i in range(options.pages)])).start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-render-") as temp:
            work = Path(temp)
            urls = work / "urls.txt"
            base = server.url.rstrip("/")
            urls.write_text(
                "".join(base + path + "\n" for path in server.site.article_paths), encoding="utf-8"
            )
            runs = {
                "rendered (-a render=1)": _crawl(urls, work / "rendered", "-a", "render=1"),
                "plain HTTP": _crawl(urls, work / "plain"),
            }
    finally:
        server.stop()
    mb = 1024 * 1024
    print(
        f"{options.pages} generated article pages, {os.cpu_count()} cores, NEWSCRAWLER_RENDER_CONCURRENCY=2\n"
    )
    print(
        "| crawl | records | seconds | pages/s | peak RSS, summed (MB) | peak PSS, summed (MB) "
        "| browser RSS (MB) |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, run in runs.items():
        print(
            f"| {name} | {run.records} | {run.seconds:.1f} | {options.pages / run.seconds:.1f} | "
            f"{run.peak_rss / mb:.0f} | {run.peak_pss / mb:.0f} | {run.peak_browser_rss / mb:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
