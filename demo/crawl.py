"""`make crawl`: serve the demo site on a free port, crawl it with Scrapy, report the archive.

Runs a real `scrapy crawl` subprocess, as a user would, against the bundled site.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from demo.expected import article_urls
from demo.server import serve
from newscrawler.archive.paths import new_crawl_id

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--archive-dir", default="output", help="where to write the archive")
    parser.add_argument("--spider", default="article", choices=["article"], help="spider to run")
    options = parser.parse_args(argv)
    archive_dir = Path(options.archive_dir).resolve()
    crawl_id = new_crawl_id()
    server = serve(port=0)
    try:
        urls_file = archive_dir / f".demo-urls-{crawl_id}.txt"
        archive_dir.mkdir(parents=True, exist_ok=True)
        urls_file.write_text("\n".join(article_urls(server.url)) + "\n", encoding="utf-8")
        print(f"demo site serving at {server.url}", flush=True)
        command = [
            sys.executable, "-m", "scrapy", "crawl", options.spider, "-a", f"urls_file={urls_file}",
            "-s", f"ARCHIVE_DIR={archive_dir}", "-s", f"NEWSCRAWLER_CRAWL_ID={crawl_id}",
        ]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, check=False)
        urls_file.unlink()
    finally:
        server.shutdown()
        server.server_close()
    files = sorted(archive_dir.rglob(f"{crawl_id}.jsonl*"))
    count = sum(len(path.read_bytes().splitlines()) for path in files if path.suffix == ".jsonl")
    for path in files:
        print(f"archive: {path}")
    print(f"archived {count} articles from the demo site (crawl {crawl_id})")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
