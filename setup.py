"""Packaging for Scrapyd only: ``scrapyd-deploy`` builds the project's egg from this file.

newscrawler runs from this folder (``scrapy crawl …``); nothing else installs it. Without
this file scrapyd-deploy would write its own, which packs every folder with an
``__init__.py`` (tests, demo, bench) and leaves out ``newscrawler/schema/record-v1.json``,
which every crawl reads (with importlib.resources, which also reads from a zipped egg).
"""

from setuptools import find_packages, setup

setup(
    name="newscrawler",
    version="0.1",
    packages=find_packages(include=["newscrawler", "newscrawler.*"]),
    package_data={"newscrawler.schema": ["*.json"]},
    entry_points={"scrapy": ["settings = newscrawler.settings"]},
    zip_safe=True,
)
