"""``scrapy reextract WARC_FILE… [-o ARCHIVE_DIR]``: archived responses through today's
extraction pipeline, into a new JSON Lines archive under a new crawl id. No network.

Each new record keeps the ``fetched_at`` (the WARC-Date), ``warc_file`` and
``warc_record_id`` of the response it came from; ``crawl_id`` is the re-extraction's own.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "WARC_FILE [WARC_FILE ...] [-o ARCHIVE_DIR]"

    def short_desc(self) -> str:
        return "Re-extract archived responses from WARC files into a new JSON Lines archive"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", metavar="ARCHIVE_DIR", help="archive to write (ARCHIVE_DIR)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if opts.output:
            self.settings.set("ARCHIVE_DIR", opts.output, priority="cmdline")
        # Nothing is downloaded, and the WARC files being read are the archive of record.
        self.settings.set("NEWSCRAWLER_WARC_ENABLED", False, priority="cmdline")
        # A replay is not a periodic crawl: it starts from an empty crawl state of its own
        # (revisions follow the order of the WARC files) and leaves the crawls' state alone.
        if self.settings.getpriority("STATE_DIR") != SETTINGS_PRIORITIES["cmdline"]:
            self._state_dir = tempfile.TemporaryDirectory(prefix="newscrawler-replay-state-")
            self.settings.set("STATE_DIR", self._state_dir.name, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from newscrawler.warc.replay import ReplaySpider

        if not args:
            raise UsageError("give one or more WARC files")
        missing = [name for name in args if not Path(name).is_file()]
        if missing:
            raise UsageError(f"no such WARC file: {', '.join(missing)}")
        assert self.crawler_process is not None
        self.crawler_process.crawl(ReplaySpider, warc_files=args)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
