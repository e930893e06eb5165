"""One page's extraction as a unit of work: what a worker receives, does and sends back.

The same :func:`run_task` runs in-process (``NEWSCRAWLER_EXTRACTION_WORKERS = 0``) and in a
worker process, so both give identical fields by construction. A task carries only what
extraction reads (no headers dict, no Scrapy objects): it is pickled once per page.

The crawl process imports this module to make tasks and to name :func:`run_task` to the
workers (it travels pickled, by reference), so the extraction code is imported only where
:func:`run_task` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newscrawler.items import FetchedPage

if TYPE_CHECKING:
    from newscrawler.extraction import ArticleExtractor

Fields = dict[str, Any]


@dataclass(frozen=True)
class ExtractionTask:
    text: str
    url: str
    content_type: str | None
    fetched_at: str
    selectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    # Set for an author's profile page: the task then reads that author's bio, not an article.
    profile_of: str | None = None


def profile_task(
    text: str, url: str, content_type: str | None, fetched_at: str, author: str
) -> ExtractionTask:
    """The task that reads ``author``'s bio from their profile page."""
    return ExtractionTask(
        text=text, url=url, content_type=content_type, fetched_at=fetched_at, profile_of=author
    )


# What a worker runs on each task: (its extractor, the task) -> fields, or None for a page
# that is not an article. Tests pass their own (crashing, hanging) function.
TaskFunction = Callable[["ArticleExtractor", ExtractionTask], Fields | None]


def task_of(page: FetchedPage) -> ExtractionTask:
    selectors = page.meta.get("selectors") or {}
    return ExtractionTask(
        text=page.text,
        url=page.final_url,
        content_type=page.headers.get("content-type"),
        fetched_at=page.fetched_at,
        selectors={name: tuple(values) for name, values in selectors.items()},
        hints=dict(page.meta.get("hints") or {}),
    )


def run_task(extractor: ArticleExtractor, task: ExtractionTask) -> Fields | None:
    """The extracted fields, or None when the page's structure is not an article's.

    Discovery hints (a news sitemap's title and date) fill fields the page does not give.
    A profile task gives ``{"bio": str | None}``. Raises ``UnparsableDocument`` when the
    text is not HTML.
    """
    from newscrawler.extraction import ExtractionOptions, parse_document
    from newscrawler.extraction.dates import normalize_iso_date
    from newscrawler.extraction.pagetype import looks_like_article_page

    doc = parse_document(task.text, task.url, task.content_type)
    if task.profile_of is not None:
        from newscrawler.extraction.profile import extract_profile_bio

        return {"bio": extract_profile_bio(doc, task.profile_of)}
    if not looks_like_article_page(doc, listed_as_article=bool(task.hints.get("listed_in"))):
        return None
    options = ExtractionOptions(selectors=task.selectors) if task.selectors else None
    fields = extractor.extract_document(doc, now=datetime.fromisoformat(task.fetched_at), options=options)
    if not fields.get("title") and task.hints.get("title"):
        fields["title"] = task.hints["title"]
    if not fields.get("published_at") and task.hints.get("published_at"):
        fields["published_at"] = normalize_iso_date(task.hints["published_at"])
    return fields
