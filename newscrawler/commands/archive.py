"""``scrapy archive SUBCOMMAND PATH``: check and use a JSON Lines archive.

- ``validate PATH``: every line parses and matches the schema, no duplicate (url, revision),
  no ``.part`` leftovers; exit 1 with the list of problems, else a one-line summary.
- ``stats PATH [--json]``: records per site, fetch day, language; field fill rates; revisions.
- ``export PATH --latest --format csv|parquet -o FILE``: one row per article.
- ``report PATH -o report.html``: a self-contained HTML page with charts.

PATH is one ``.jsonl``/``.jsonl.gz`` file or a folder searched recursively. The logic
lives in ``newscrawler.tools``; this module only parses arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

SUBCOMMANDS = ("validate", "stats", "export", "report")


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return f"{{{'|'.join(SUBCOMMANDS)}}} PATH [options]"

    def short_desc(self) -> str:
        return "Validate, count, export or report on a JSON Lines archive"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        # Called only for the command being run, like run().
        from newscrawler.tools.export import FORMATS

        super().add_options(parser)
        parser.add_argument("-o", "--output", help="export/report: the file to write")
        parser.add_argument("--format", choices=FORMATS, default="csv", help="export: file format")
        parser.add_argument(
            "--latest", action="store_true", help="export: one row per article, its latest revision"
        )
        parser.add_argument("--json", action="store_true", help="stats: print JSON instead of text")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 2 or args[0] not in SUBCOMMANDS:
            raise UsageError(f"give a subcommand ({', '.join(SUBCOMMANDS)}) and a PATH")
        subcommand, path = args[0], Path(args[1])
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if subcommand in ("export", "report") and not opts.output:
            raise UsageError(f"{subcommand} needs -o FILE")
        self.exitcode = getattr(self, f"_{subcommand}")(path, opts)

    def _validate(self, path: Path, opts: argparse.Namespace) -> int:
        from newscrawler.tools.validate import validate_archive

        report = validate_archive(path)
        for problem in report.problems:
            print(problem)
        print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
        return 0 if report.ok else 1

    def _stats(self, path: Path, opts: argparse.Namespace) -> int:
        from newscrawler.tools.files import read_records
        from newscrawler.tools.stats import archive_stats, format_stats

        stats = archive_stats(read_records(path))
        print(json.dumps(stats, ensure_ascii=False, indent=2) if opts.json else format_stats(stats))
        return 0

    def _export(self, path: Path, opts: argparse.Namespace) -> int:
        from newscrawler.tools.export import export_records
        from newscrawler.tools.files import latest_revisions, read_records

        records = latest_revisions(read_records(path)) if opts.latest else list(read_records(path))
        rows = export_records(records, Path(opts.output), opts.format)
        print(f"exported {rows} rows to {opts.output}")
        return 0

    def _report(self, path: Path, opts: argparse.Namespace) -> int:
        from newscrawler.tools.report import write_report

        data = write_report(path, Path(opts.output))
        print(f"report on {data['articles']} articles written to {opts.output}")
        return 0
