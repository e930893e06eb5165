"""Pages that make the extractor pathological are skipped at NEWSCRAWLER_EXTRACTION_TIMEOUT."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile import pages
from tests.hostile.server import HostileSite, respond, serve_hostile
from tests.hostile.support import ARCHIVED, Case, CaseReport, assert_crawl_healthy, check_case
from tests.support.crawl import CrawlResult, run_crawl

# Each pathological page takes 3-10 s to extract on one core; a plain article milliseconds.
BUDGET = "1"
CASES = [
    Case("huge table (90,000 cells)", "/x/table", respond(pages.huge_table()), "ExtractionTimeout"),
    Case("20,000 links", "/x/links", respond(pages.thousands_of_links()), "ExtractionTimeout"),
    Case("deep <div> soup", "/x/soup", respond(pages.div_soup()), "ExtractionTimeout"),
    Case("plain article beside them", "/x/plain", respond(pages.article("Plain").encode()), ARCHIVED,
         "Plain", "breakwater"),
]  # fmt: skip


@pytest.fixture(scope="module")
def served() -> Iterator[HostileSite]:
    with serve_hostile(HostileSite()) as site:
        site.routes.update({case.path: case.behaviour for case in CASES})
        yield site


@pytest.fixture(scope="module")
def crawl(served: HostileSite, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    folder = tmp_path_factory.mktemp("extraction")
    urls = folder / "urls.txt"
    urls.write_text("".join(served.url(case.path) + "\n" for case in CASES), encoding="utf-8")
    settings = {"NEWSCRAWLER_EXTRACTION_TIMEOUT": BUDGET, "AUTOTHROTTLE_ENABLED": "False"}
    return run_crawl("article", folder / "out", "-a", f"urls_file={urls}", settings=settings)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case: Case, crawl: CrawlResult, served: HostileSite, report: CaseReport) -> None:
    assert_crawl_healthy(crawl)
    outcome, counter = check_case(crawl, served, case)
    report(case.name, outcome, counter)
