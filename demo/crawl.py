"""`make crawl`: serve the demo site on a free port, crawl it whole, report the archive.

Runs a real `scrapy crawl` subprocess, as a user would, against the bundled site.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from demo.server import serve
from newscrawler.archive.paths import new_crawl_id

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--archive-dir", default="output", help="where to write the archive")
    parser.add_argument(
        "--render", action="store_true", help="render pages whose HTML holds no article (needs Chromium)"
    )
    options = parser.parse_args(argv)
    archive_dir = Path(options.archive_dir).resolve()
    crawl_id = new_crawl_id()
    server = serve(port=0)
    try:
        print(f"demo site serving at {server.url}", flush=True)
        command = [
            sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"url={server.url}",
            "-s", f"ARCHIVE_DIR={archive_dir}", "-s", f"NEWSCRAWLER_CRAWL_ID={crawl_id}",
        ]  # fmt: skip
        if options.render:
            command += ["-a", "render=auto"]
        done = subprocess.run(command, cwd=ROOT, check=False)
    finally:
        server.shutdown()
        server.server_close()
    files = sorted(archive_dir.rglob(f"{crawl_id}.jsonl*"))
    lines = [line for path in files if path.suffix == ".jsonl" for line in path.read_bytes().splitlines()]
    for path in files:
        print(f"archive: {path}")
    print(f"archived {len(lines)} articles from the demo site (crawl {crawl_id})")
    from_profiles = [
        author["name"]
        for line in lines
        for author in json.loads(line)["authors"]
        if author.get("bio_source") == "author_page"
    ]
    authors = ", ".join(dict.fromkeys(from_profiles)) or "none"
    print(f"bios read from author pages: {len(from_profiles)} bylines ({authors})")
    from_state = [
        record["url"] for record in map(json.loads, lines) if record.get("body_source") == "app_state"
    ]
    print(f"bodies read from app state: {len(from_state)} ({', '.join(from_state) or 'none'})")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
