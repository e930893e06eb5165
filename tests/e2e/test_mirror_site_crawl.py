"""``scrapy crawl site`` on the mirror of issue 18's site, in one process: every article
exactly once, through links, section feeds and the sitemap, despite ``<base href>``, URL
variants and broken links; nothing disallowed fetched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.generated import GeneratedSiteServer
from tests.support.crawl import run_crawl
from tests.support.mirror_site import MirrorSite, build_mirror_site


@pytest.fixture
def served() -> Iterator[GeneratedSiteServer]:
    server = GeneratedSiteServer(build_mirror_site()).start()
    yield server
    server.stop()


def test_one_worker_archives_every_article_of_the_mirror_exactly_once(
    served: GeneratedSiteServer, tmp_path: Path
) -> None:
    site = served.site
    assert isinstance(site, MirrorSite)
    result = run_crawl("site", tmp_path / "out", "-a", f"url={served.url}")
    assert result.returncode == 0, result.log[-3000:]
    assert site.not_archived_once(result.records()) == {}
    assert served.requested[0] == "/robots.txt"
    assert not set(served.requested) & set(site.disallowed_paths)
    assert site.unexpected_requests(served.requested) == []
