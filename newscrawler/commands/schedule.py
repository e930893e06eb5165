"""``scrapy schedule``: run the sites of the sites file at their intervals, each crawl a subprocess.

Options: ``--sites-file PATH`` (or ``-a sites_file=PATH``, as for ``scrapy crawl site``;
default ``NEWSCRAWLER_SITES_FILE``), ``--state-dir DIR`` (default ``STATE_DIR``, else
``state``), ``--max-crawls N`` (crawls at once, default 1), ``--shutdown-timeout SECONDS``,
``--once`` (run the due sites once and exit, for cron). Every ``-s NAME=VALUE`` is passed on
to each crawl. The logic lives in ``newscrawler.scheduling``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.log import configure_logging

logger = logging.getLogger(__name__)

DEFAULT_STATE_DIR = "state"


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[--sites-file PATH] [--once] [--state-dir DIR] [--max-crawls N]"

    def short_desc(self) -> str:
        return "Crawl the sites of the sites file at their intervals (each crawl a subprocess)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--sites-file", metavar="PATH", help="the sites file (NEWSCRAWLER_SITES_FILE)")
        parser.add_argument(
            "-a",
            dest="spargs",
            action="append",
            default=[],
            metavar="sites_file=PATH",
            help="as --sites-file",
        )
        parser.add_argument(
            "--state-dir", metavar="DIR", help="where schedule.json and crawl logs go (STATE_DIR)"
        )
        parser.add_argument("--once", action="store_true", help="run every due site once, then exit")
        parser.add_argument(
            "--max-crawls", type=int, default=1, metavar="N", help="crawls at once (default 1)"
        )
        parser.add_argument(
            "--shutdown-timeout",
            type=float,
            default=60.0,
            metavar="SECONDS",
            help="on SIGTERM/SIGINT, how long running crawls may take to finish before SIGKILL (default 60)",
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        for argument in opts.spargs:
            name, _, value = argument.partition("=")
            if name != "sites_file" or not value:
                raise UsageError(f"-a takes only sites_file=PATH, got {argument!r}")
            opts.sites_file = opts.sites_file or value
        if opts.max_crawls < 1:
            raise UsageError("--max-crawls must be at least 1")
        if opts.shutdown_timeout < 0:
            raise UsageError("--shutdown-timeout must be ≥ 0")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from newscrawler.scheduling.scheduler import Scheduler, SchedulerBusy, SchedulerOptions
        from newscrawler.sites import SitesFileError

        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        assert self.settings is not None
        configure_logging(self.settings)
        settings = self.settings
        state_dir = Path(opts.state_dir or settings.get("STATE_DIR") or DEFAULT_STATE_DIR).absolute()
        overrides = tuple(opts.set)
        if not any(item.startswith("STATE_DIR=") for item in overrides):
            # The crawls keep their crawl state where the scheduler keeps its own.
            overrides += (f"STATE_DIR={state_dir}",)
        options = SchedulerOptions(
            # Absolute, because the crawls get it as an argument and the folder may change.
            sites_file=Path(opts.sites_file or settings.get("NEWSCRAWLER_SITES_FILE")).absolute(),
            state_dir=state_dir,
            archive_dir=Path(settings.get("ARCHIVE_DIR")),
            settings=overrides,
            max_crawls=opts.max_crawls,
            shutdown_timeout=opts.shutdown_timeout,
        )
        try:
            scheduler = Scheduler(options)
            self.exitcode = scheduler.run(once=opts.once)
        except (SitesFileError, SchedulerBusy) as error:
            logger.error("%s", error)
            self.exitcode = 1
