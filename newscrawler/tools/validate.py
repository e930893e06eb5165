"""``scrapy archive validate``: is every line of an archive a valid, unique record?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newscrawler.schema import record_validator, schema_errors
from newscrawler.tools.files import archive_files, part_leftovers, read_lines


@dataclass
class ValidationReport:
    files: int = 0
    records: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return f"ok: {self.records} records in {self.files} files, all valid"
        return f"{len(self.problems)} problems in {self.records} records of {self.files} files"


def validate_archive(path: Path, max_errors_per_line: int = 3) -> ValidationReport:
    """Checks: each line parses, matches ``record-v1.json``, and (url, revision) is unique
    across the whole of ``path``; ``.part`` files left by a killed crawl are reported."""
    report = ValidationReport()
    validator = record_validator()
    first_seen: dict[tuple[str, int], str] = {}
    for file in archive_files(path):
        report.files += 1
        for line in read_lines(file):
            if line.record is None:
                report.problems.append(f"{line.where}: {line.error}")
                continue
            report.records += 1
            for error in schema_errors(validator, line.record)[:max_errors_per_line]:
                report.problems.append(f"{line.where}: schema: {error}")
            key = (str(line.record.get("url")), int(line.record.get("revision") or 0))
            if key in first_seen:
                report.problems.append(
                    f"{line.where}: duplicate (url, revision) {key}, first at {first_seen[key]}"
                )
            else:
                first_seen[key] = line.where
    for part in part_leftovers(path):
        report.problems.append(f"{part}: unfinished .part file (the next crawl recovers it)")
    return report
