"""The embedded state store: one SQLite file, no server.

WAL journal and one transaction per save: a crash loses at most the save in flight, and a
record's state is committed only after its archive line was written (see the archive
pipeline), so a crash never marks an article archived whose line is not on disk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newscrawler.state.model import ArticleState, AuthorPageState, PageState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    article_key TEXT NOT NULL,
    first_seen REAL NOT NULL,
    last_checked REAL NOT NULL,
    next_check REAL,
    etag TEXT,
    last_modified TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    first_seen REAL NOT NULL,
    last_seen REAL NOT NULL,
    crawl_id TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS author_pages (
    url TEXT PRIMARY KEY,
    bio TEXT,
    fetched_at REAL NOT NULL,
    status INTEGER NOT NULL
);
"""


class SqliteStateStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # Scrapy runs pipelines and middlewares on one thread; a busy timeout covers other
        # processes (a second crawl, `scrapy archive`) sharing the file.
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def page(self, url: str) -> PageState | None:
        row = self._db.execute(
            "SELECT url, article_key, first_seen, last_checked, next_check, etag, last_modified"
            " FROM pages WHERE url = ?",
            (url,),
        ).fetchone()
        return PageState(*row) if row else None

    def article(self, key: str) -> ArticleState | None:
        row = self._db.execute(
            "SELECT key, content_hash, revision, first_seen, last_seen, crawl_id FROM articles WHERE key = ?", (key,)
        ).fetchone()
        return ArticleState(*row) if row else None

    def save_checked(self, page: PageState) -> None:
        with self._transaction():
            self._put_page(page)

    def save_archived(self, page: PageState, article: ArticleState) -> None:
        with self._transaction():
            self._put_page(page)
            self._db.execute(
                "INSERT INTO articles (key, content_hash, revision, first_seen, last_seen, crawl_id)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET content_hash = excluded.content_hash,"
                " revision = excluded.revision, last_seen = excluded.last_seen, crawl_id = excluded.crawl_id",
                (article.key, article.content_hash, article.revision, article.first_seen, article.last_seen,
                 article.crawl_id),
            )

    def author_page(self, url: str) -> AuthorPageState | None:
        row = self._db.execute(
            "SELECT url, bio, fetched_at, status FROM author_pages WHERE url = ?", (url,)
        ).fetchone()
        return AuthorPageState(*row) if row else None

    def save_author_page(self, page: AuthorPageState) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO author_pages (url, bio, fetched_at, status) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(url) DO UPDATE SET bio = excluded.bio, fetched_at = excluded.fetched_at,"
                " status = excluded.status",
                (page.url, page.bio, page.fetched_at, page.status),
            )

    def close(self) -> None:
        self._db.close()

    def _put_page(self, page: PageState) -> None:
        self._db.execute(
            "INSERT INTO pages (url, article_key, first_seen, last_checked, next_check, etag, last_modified)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET article_key = excluded.article_key,"
            " last_checked = excluded.last_checked, next_check = excluded.next_check,"
            " etag = excluded.etag, last_modified = excluded.last_modified",
            (page.url, page.article_key, page.first_seen, page.last_checked, page.next_check, page.etag,
             page.last_modified),
        )  # fmt: skip

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
