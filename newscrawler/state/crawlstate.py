"""The crawl state as Scrapy components use it: one store per crawler, the policy, the clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawler.discovery.urls import canonicalize
from newscrawler.items import ArticleRecord
from newscrawler.state.model import ArticleState, PageState, RevisitPolicy, StateStore
from newscrawler.state.sqlite import SqliteStateStore

_ATTRIBUTE = "_newscrawler_state"
STATE_FILE = "crawlstate.sqlite3"


class CrawlState:
    """The store plus the rules to turn a fetched or archived page into new states."""

    def __init__(
        self, store: StateStore, policy: RevisitPolicy, clock: Callable[[], float] = time.time
    ) -> None:
        self.store = store
        self.policy = policy
        self.clock = clock

    def page(self, url: str) -> PageState | None:
        return self.store.page(canonicalize(url))

    def is_due(self, page: PageState) -> bool:
        return self.policy.is_due(page, self.clock())

    def checked(self, page: PageState, etag: str | None = None, last_modified: str | None = None) -> None:
        """A due page was looked at again and nothing new came of it (304 or same content)."""
        now = self.clock()
        self.store.save_checked(
            PageState(
                url=page.url,
                article_key=page.article_key,
                first_seen=page.first_seen,
                last_checked=now,
                next_check=self.policy.next_check(page.first_seen, now),
                etag=etag or page.etag,
                last_modified=last_modified or page.last_modified,
            )
        )

    def unchanged(self, record: ArticleRecord, article_key: str) -> None:
        """The page was fetched and its article is the same as the archived revision."""
        page = self.page(self._requested_url(record)) or self._new_page(record, article_key)
        fetch = record.fetch
        self.checked(page, fetch.etag if fetch else None, fetch.last_modified if fetch else None)

    def prepare_archived(self, record: ArticleRecord, article_key: str) -> tuple[PageState, ArticleState]:
        """The states to save once ``record`` is on disk.

        Computed before the write, so that the write and the save are as close together
        as one store round trip: a kill between them is what recovery must repair.
        """
        now = self.clock()
        previous_page = self.page(self._requested_url(record))
        first_seen = previous_page.first_seen if previous_page else now
        page = PageState(
            url=canonicalize(self._requested_url(record)),
            article_key=article_key,
            first_seen=first_seen,
            last_checked=now,
            next_check=self.policy.next_check(first_seen, now),
            etag=record.fetch.etag if record.fetch else None,
            last_modified=record.fetch.last_modified if record.fetch else None,
        )
        previous = self.store.article(article_key)
        article = ArticleState(
            key=article_key,
            content_hash=record.content_hash,
            revision=record.revision,
            first_seen=previous.first_seen if previous else now,
            last_seen=now,
            crawl_id=record.crawl_id,
        )
        return page, article

    def archived(self, record: ArticleRecord, article_key: str) -> None:
        """``record`` is on disk: remember its revision and when to look at its page again."""
        self.store.save_archived(*self.prepare_archived(record, article_key))

    def _new_page(self, record: ArticleRecord, article_key: str) -> PageState:
        now = self.clock()
        return PageState(canonicalize(self._requested_url(record)), article_key, now, now, None)

    @staticmethod
    def _requested_url(record: ArticleRecord) -> str:
        return record.fetch.requested_url if record.fetch else record.url


def state_of(crawler: Crawler) -> CrawlState:
    """This crawler's state, opened at first use and closed when the engine stops.

    Kept on the crawler object: every component of one crawl shares one store connection,
    and nothing outlives the crawl.
    """
    state: CrawlState | None = getattr(crawler, _ATTRIBUTE, None)
    if state is None:
        state = CrawlState(open_store(crawler), _policy(crawler))
        setattr(crawler, _ATTRIBUTE, state)
        crawler.signals.connect(state.store.close, signal=signals.engine_stopped, weak=False)
    return state


def open_store(crawler: Crawler) -> StateStore:
    settings = crawler.settings
    if settings.get("REDIS_URL"):
        from newscrawler.state.redis import RedisStateStore

        return RedisStateStore.from_url(
            str(settings.get("REDIS_URL")), settings.get("NEWSCRAWLER_REDIS_PREFIX")
        )
    return SqliteStateStore(Path(settings.get("STATE_DIR")) / STATE_FILE)


def _policy(crawler: Crawler) -> RevisitPolicy:
    settings = crawler.settings
    return RevisitPolicy(
        window=settings.getfloat("NEWSCRAWLER_REVISIT_WINDOW_DAYS") * 86400,
        min_interval=settings.getfloat("NEWSCRAWLER_REVISIT_MIN_INTERVAL"),
    )
