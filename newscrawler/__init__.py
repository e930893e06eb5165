"""newscrawler: a Scrapy project that archives news articles as JSON Lines records."""

__version__ = "0.1.0"
