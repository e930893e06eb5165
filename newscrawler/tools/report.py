"""``scrapy archive report``: the numbers behind the HTML report, and the page itself.

The page is one self-contained file (no external URL): the data travels as JSON inside it
and a small script of our own (``report_page.py``) draws the charts as inline SVG when the
page loads, so it opens offline, from an e-mail or a CI artifact.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscrawler.archive.crawlstats import STATS_SUFFIX
from newscrawler.tools.files import latest_revisions, read_records
from newscrawler.tools.report_page import render_page
from newscrawler.tools.stats import UNKNOWN, archive_stats


def crawl_summaries(path: Path) -> list[dict[str, Any]]:
    """The ``<crawl_id>.stats.json`` files of the crawls under ``path``, one per crawl."""
    if path.is_file():
        crawl_id = path.name.split(".")[0]
        candidates = [path.with_name(crawl_id + STATS_SUFFIX)]
    else:
        candidates = sorted(path.rglob(f"*{STATS_SUFFIX}"))
    by_crawl: dict[str, dict[str, Any]] = {}
    for candidate in candidates:
        if candidate.is_file():
            summary = json.loads(candidate.read_text(encoding="utf-8"))
            by_crawl.setdefault(str(summary.get("crawl_id")), summary)
    return list(by_crawl.values())


def errors_by_reason(summaries: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Skip and drop reasons summed over crawls, most frequent first.

    >>> errors_by_reason([{"skipped": {"http_status/404": 2}, "dropped": {"BodyTooShort": 1}},
    ...                   {"skipped": {"http_status/404": 1}, "dropped": {}}])
    {'skipped: http_status/404': 3, 'dropped: BodyTooShort': 1}
    """
    counts: Counter[str] = Counter()
    for summary in summaries:
        for kind in ("skipped", "dropped"):
            for reason, count in summary.get(kind, {}).items():
                counts[f"{kind}: {reason}"] += int(count)
    return dict(counts.most_common())


def articles_per_day_and_site(articles: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Articles by the day they were published (``unknown`` when the page does not say)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        day = str(article.get("published_at") or UNKNOWN)[:10]
        table[day][str(article.get("site") or UNKNOWN)] += 1
    return {day: dict(sorted(table[day].items())) for day in sorted(table)}


def report_data(path: Path) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-able data (tests read it too)."""
    articles = latest_revisions(read_records(path))
    summaries = crawl_summaries(path)
    stats = archive_stats(articles)
    return {
        "title": f"newscrawler archive report: {path}",
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "articles": stats["articles"],
        "records": sum(1 for _ in read_records(path)),
        "sites": len(stats["per_site"]),
        "crawls": len(summaries),
        "per_day_site": articles_per_day_and_site(articles),
        "fill_rates": stats["fill_rates"],
        "languages": stats["per_language"],
        "errors": errors_by_reason(summaries),
    }


def write_report(path: Path, output: Path) -> dict[str, Any]:
    data = report_data(path)
    output.write_text(render_page(data), encoding="utf-8")
    return data
