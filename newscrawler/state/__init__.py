"""Crawl state shared by all spiders and crawls: what was archived, when to look again.

An embedded SQLite file under ``STATE_DIR`` by default; Redis when ``REDIS_URL`` is set.
"""

from newscrawler.state.model import ArticleState, PageState, RevisitPolicy, StateStore

__all__ = ["ArticleState", "PageState", "RevisitPolicy", "StateStore"]
