"""``scrapy extract PATH_OR_URL``: print the extracted fields of one page as JSON.

For debugging a site and for benchmarks; runs the pure extraction core, no crawl.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import urllib.request
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "PATH_OR_URL [--url URL]"

    def short_desc(self) -> str:
        return "Print the article fields extracted from a saved page or a URL as JSON"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL, for a saved file (resolves relative links)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from newscrawler.extraction import UnparsableDocument, extract_article

        if len(args) != 1:
            raise UsageError("give one file path or URL")
        target = args[0]
        try:
            html, url, content_type = _load(target, opts.url, self._user_agent())
        except (OSError, ValueError) as error:
            print(f"extract: cannot read {target}: {error}", file=sys.stderr)
            self.exitcode = 1
            return
        try:
            fields = extract_article(html, url, content_type=content_type)
        except UnparsableDocument as error:
            print(f"extract: {target} is not an HTML page: {error}", file=sys.stderr)
            self.exitcode = 1
            return
        json.dump(fields, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")

    def _user_agent(self) -> str:
        assert self.settings is not None
        return str(self.settings.get("USER_AGENT"))


def _load(target: str, url: str | None, user_agent: str) -> tuple[bytes, str, str | None]:
    if target.startswith(("http://", "https://")):
        # Only http(s) reaches here (checked above), never file: or custom schemes.
        request = urllib.request.Request(target, headers={"User-Agent": user_agent})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.read(), response.geturl(), response.headers.get("Content-Type")
    path = Path(target)
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data, url or path.resolve().as_uri(), None
