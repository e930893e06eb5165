"""What the crawl process imports: recorded in a running crawl, or loaded from the settings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object, walk_modules_iter

# Component settings whose classes Scrapy imports at start-up, its own defaults included.
COMPONENT_SETTINGS = ("EXTENSIONS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "ITEM_PIPELINES")


class RecordImportedModules:
    """An extension: when the spider closes, writes the names in ``sys.modules``, one a
    line, to the file named by the ``RECORD_MODULES_FILE`` setting."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(Path(crawler.settings["RECORD_MODULES_FILE"]))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self) -> None:
        # After the pipelines' close_spider: everything the crawl ran has been imported.
        self.path.write_text("\n".join(sorted(sys.modules)), encoding="utf-8")


def import_crawl_components() -> None:
    """Import what ``scrapy crawl`` imports before it crawls: the project settings, every
    configured component, the scheduler and dupefilter, every spider and command module."""
    settings = Settings()
    settings.setmodule("newscrawler.settings", priority="project")
    paths = [
        path
        for name in COMPONENT_SETTINGS
        for path in build_component_list(settings.get_component_priority_dict_with_base(name))
    ]
    for path in [*paths, settings["SCHEDULER"], settings["DUPEFILTER_CLASS"]]:
        load_object(path)
    for package in [*settings.getlist("SPIDER_MODULES"), settings["COMMANDS_MODULE"]]:
        for _ in walk_modules_iter(package):
            pass
