"""``scrapy archive stats``: what an archive holds, counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newscrawler.schema import load_schema
from newscrawler.tools.files import record_key

UNKNOWN = "unknown"


def record_fields() -> list[str]:
    """The record's fields in schema order."""
    return list(load_schema()["properties"])


def is_filled(value: Any) -> bool:
    """Whether a field holds something: not null, not an empty string or list."""
    return value not in (None, "", [], {})


def archive_stats(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Counts over every record (each revision counts): per site, per fetch day, per
    language; the share of records with each field filled; revisions per article."""
    fields = record_fields()
    by_site: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    by_language: Counter[str] = Counter()
    filled: Counter[str] = Counter()
    by_revision: Counter[int] = Counter()
    revisions_per_article: Counter[str] = Counter()
    total = 0
    for record in records:
        total += 1
        by_site[str(record.get("site") or UNKNOWN)] += 1
        by_day[str(record.get("fetched_at") or UNKNOWN)[:10]] += 1
        by_language[str(record.get("language") or UNKNOWN)] += 1
        by_revision[int(record.get("revision") or 0)] += 1
        revisions_per_article[record_key(record)] += 1
        filled.update(name for name in fields if is_filled(record.get(name)))
    return {
        "records": total,
        "articles": len(revisions_per_article),
        "articles_with_several_revisions": sum(1 for n in revisions_per_article.values() if n > 1),
        "per_site": dict(sorted(by_site.items())),
        "per_day": dict(sorted(by_day.items())),
        "per_language": dict(by_language.most_common()),
        "per_revision": {str(k): v for k, v in sorted(by_revision.items())},
        "fill_rates": {name: round(filled[name] / total, 4) if total else 0.0 for name in fields},
    }


def format_stats(stats: dict[str, Any]) -> str:
    """The stats as aligned plain text for a terminal."""
    lines = [
        f"records: {stats['records']}   articles: {stats['articles']}   "
        f"with several revisions: {stats['articles_with_several_revisions']}"
    ]
    for title, key in (
        ("per site", "per_site"),
        ("per fetch day", "per_day"),
        ("per language", "per_language"),
        ("per revision", "per_revision"),
    ):
        lines.append(f"\n{title}:")
        lines += [f"  {name:<40} {count:>8}" for name, count in stats[key].items()]
    lines.append("\nfield fill rates:")
    lines += [f"  {name:<40} {rate:>7.1%}" for name, rate in stats["fill_rates"].items()]
    return "\n".join(lines)
