"""What the crawl state holds, and the revisit policy that decides when to look again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class PageState:
    """One fetched URL (canonicalized, as discovered): how to ask for it next time."""

    url: str
    article_key: str
    first_seen: float
    last_checked: float
    next_check: float | None
    """Epoch seconds when the page is due again; None once its revisit window has passed."""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class ArticleState:
    """One article (keyed by its canonical URL): its latest archived revision."""

    key: str
    content_hash: str
    revision: int
    first_seen: float
    last_seen: float
    crawl_id: str = ""
    """The crawl that archived this revision (tells a duplicate line from the original)."""


@dataclass(frozen=True)
class AuthorPageState:
    """An author's profile page as last read: the bio found there (None: none, or gone)."""

    url: str
    bio: str | None
    fetched_at: float
    status: int
    """HTTP status of the page when it was read (200, or 404/410 for a profile gone)."""


class StateStore(Protocol):
    """The store behind periodic crawls. Each ``save_*`` is durable when it returns."""

    def page(self, url: str) -> PageState | None: ...

    def article(self, key: str) -> ArticleState | None: ...

    def save_checked(self, page: PageState) -> None:
        """The page was fetched (or answered 304) and nothing new was archived."""

    def save_archived(self, page: PageState, article: ArticleState) -> None:
        """A record of ``article`` is on disk: both states move on together, atomically."""

    def author_page(self, url: str) -> AuthorPageState | None: ...

    def save_author_page(self, page: AuthorPageState) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RevisitPolicy:
    """Articles are re-checked for edits at growing intervals during a window after first sight.

    Common Crawl's news crawler works this way: most edits come in the first hours, few after
    a week. Each wait is half the article's age, at least ``min_interval``; past ``window``
    the article is not fetched again (listing pages, feeds and sitemaps always are).

    >>> policy = RevisitPolicy(window=7 * 86400, min_interval=3600)
    >>> policy.next_check(first_seen=0, now=0)
    3600
    >>> policy.next_check(first_seen=0, now=4 * 3600)
    21600.0
    >>> policy.next_check(first_seen=0, now=8 * 86400) is None
    True
    """

    window: float
    min_interval: float

    def next_check(self, first_seen: float, now: float) -> float | None:
        age = now - first_seen
        if age >= self.window:
            return None
        return now + max(self.min_interval, age / 2)

    def is_due(self, page: PageState, now: float) -> bool:
        return page.next_check is not None and now >= page.next_check
