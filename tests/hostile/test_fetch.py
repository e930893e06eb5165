"""Markup, encodings, transport faults and SSRF bait, in one ``scrapy crawl article`` run.

One hostile server holds every case at its own path; one crawl fetches them all from a
URLs file; each test then checks its case in the stats, the log and the archive.
Requests to non-loopback addresses could only go to the proxy the crawl is given, which is
the hostile server itself: whatever the guard let through would be recorded there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.hostile import pages
from tests.hostile.server import (
    HostileSite,
    huge,
    redirect,
    reset_connection,
    respond,
    sequence,
    serve_hostile,
    trickle,
    truncated,
)
from tests.hostile.support import ARCHIVED, Case, CaseReport, assert_crawl_healthy, check_case
from tests.support.crawl import CrawlResult, archive_files, run_crawl

MB = 1024 * 1024
TIMEOUT = 2
SETTINGS = {
    "DOWNLOAD_TIMEOUT": str(TIMEOUT),
    "NEWSCRAWLER_MAX_RETRY_AFTER": "1",
    "AUTOTHROTTLE_ENABLED": "False",
    "LOG_LEVEL": "INFO",
}


def _cases(site: HostileSite, bystander: HostileSite) -> list[Case]:
    cases = [
        # --- markup
        Case(
            "unclosed tags",
            "/markup/unclosed",
            respond(pages.unclosed()),
            ARCHIVED,
            pages.UNCLOSED_TITLE,
            "breakwater",
        ),
        Case(
            "malformed HTML",
            "/markup/malformed",
            respond(pages.malformed()),
            ARCHIVED,
            pages.MALFORMED_TITLE,
            "breakwater",
        ),
        Case("unclosed attribute quote", "/markup/quote", respond(pages.unclosed_quote()), "BodyTooShort"),
        Case("10,000-level nesting", "/markup/nesting", respond(pages.deep_nesting()), "MissingTitle"),
        Case(
            "50 MB page, declared", "/markup/huge-declared", huge(50 * MB, declare_length=True), "too_large"
        ),
        Case(
            "50 MB page, streamed", "/markup/huge-streamed", huge(50 * MB, declare_length=False), "too_large"
        ),
        Case("binary served as text/html", "/markup/binary", respond(pages.binary_as_html()), "binary"),
        Case("empty 200", "/markup/empty", respond(b""), "empty"),
        # --- encodings
        Case(
            "UTF-8 BOM contradicting header",
            "/enc/bom",
            respond(pages.bom_contradicting_header(), content_type="text/html; charset=iso-8859-1"),
            ARCHIVED,
            pages.BOM_TITLE,
            "breakwater",
        ),
        Case(
            "invalid bytes in UTF-8",
            "/enc/invalid-utf8",
            respond(pages.invalid_utf8()),
            ARCHIVED,
            pages.INVALID_UTF8_TITLE,
            "winter storms",
        ),
        # --- transport
        Case(
            "gzip bomb",
            "/transport/gzip-bomb",
            respond(pages.gzip_bomb(), Content_Encoding="gzip"),
            "too_large/decompressed",
        ),
        Case(
            "brotli bomb",
            "/transport/brotli-bomb",
            respond(pages.brotli_bomb(), Content_Encoding="br"),
            "too_large/decompressed",
        ),
        Case(
            "redirect loop",
            "/transport/loop-a",
            redirect("/transport/loop-b"),
            "redirect_loop",
            stats={"newscrawler/refused/redirect_loop": 1},
        ),
        Case(
            "20-hop redirect chain",
            "/transport/hop/0",
            redirect("/transport/hop/1"),
            "too_many_redirects",
            stats={"newscrawler/refused/too_many_redirects": 1},
        ),
        Case(
            "429 with Retry-After, then the page",
            "/transport/429",
            sequence(
                respond(b"slow down", status=429, content_type="text/plain", Retry_After="1"),
                respond(pages.article("Worth the wait").encode()),
            ),
            ARCHIVED,
            "Worth the wait",
            "breakwater",
            stats={"newscrawler/retry_after/honoured": 1, "retry/reason_count/429 Unknown Status": 1},
        ),
        Case(
            "503 with Retry-After: a week (capped)",
            "/transport/503",
            respond(b"down", status=503, content_type="text/plain", Retry_After="604800"),
            "http_status/503",
            # Each 503 is capped; one attempt of three may instead time out while the server is
            # busy with the slow cases (DOWNLOAD_TIMEOUT is 2 s here), so at least one cap.
            stats={"newscrawler/retry_after/capped": 1, "retry/max_reached": 1},
        ),
        Case(
            "one byte a second",
            "/transport/trickle",
            trickle(pages.article("Slow").encode(), 1.0, site.stopping),
            "fetch_failed/timeout",
            stats={"downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError": 1},
        ),
        Case("connection reset", "/transport/reset", reset_connection, "fetch_failed/connection_lost"),
        Case(
            "truncated body",
            "/transport/truncated",
            truncated(pages.article("Cut").encode()[:200], declared=5000),
            "fetch_failed/data_loss",
            stats={"downloader/exception_type_count/scrapy.exceptions.ResponseDataLossError": 1},
        ),
        # Scrapy's RedirectMiddleware follows http(s) only: the 302 itself is the outcome.
        Case("redirect to file://", "/ssrf/file", redirect("file:///etc/passwd"), "http_status/302"),
    ]
    for hop in range(1, 21):
        site.routes[f"/transport/hop/{hop}"] = redirect(f"/transport/hop/{hop + 1}")
    site.routes["/transport/loop-b"] = redirect("/transport/loop-a")
    for encoding, (title, paragraph) in pages.TEXTS.items():
        for declared_in in ("header", "meta", "nowhere"):
            body, content_type = pages.encoded_article(encoding, declared_in)
            cases.append(
                Case(
                    f"{encoding} declared in {declared_in}",
                    f"/enc/{encoding}/{declared_in}",
                    respond(body, content_type=content_type),
                    ARCHIVED,
                    title,
                    paragraph[:40],
                )
            )
    other = bystander.port
    for name, target, reason in [
        ("redirect to 10.0.0.0/8", "http://10.1.2.3/", "private"),
        ("redirect to 172.16.0.0/12", "http://172.16.5.4/admin", "private"),
        ("redirect to 192.168.0.0/16", "http://192.168.0.1/", "private"),
        ("redirect to cloud metadata", "http://169.254.169.254/latest/meta-data/", "metadata"),
        ("redirect to metadata by name", "http://metadata.google.internal/computeMetadata/v1/", "metadata"),
        ("redirect to link-local", "http://169.254.10.10/", "link_local"),
        ("redirect to IPv4-mapped IPv6", "http://[::ffff:10.0.0.1]/", "private"),
        ("redirect to localhost, other port", f"http://localhost:{other}/", "loopback"),
        ("redirect to 127.0.0.1, other port", f"http://127.0.0.1:{other}/", "loopback"),
        ("redirect to decimal 127.0.0.1", f"http://2130706433:{other}/", "loopback"),
        ("redirect to [::1]", f"http://[::1]:{other}/", "loopback"),
        ("redirect to 0.0.0.0", f"http://0.0.0.0:{other}/", "non_public"),
    ]:
        slug = re.sub(r"[^a-z0-9]+", "-", name)
        cases.append(
            Case(
                name,
                f"/ssrf/{slug}",
                redirect(target),
                f"refused/{reason}",
                stats={f"newscrawler/refused/{reason}": 1},
            )
        )
    return cases  # fmt: skip


@pytest.fixture(scope="module")
def bystander() -> Iterator[HostileSite]:
    """A loopback service the crawled site points at: it must never be reached."""
    with serve_hostile(HostileSite()) as server:
        yield server


@pytest.fixture(scope="module")
def hostile(bystander: HostileSite) -> Iterator[tuple[HostileSite, list[Case]]]:
    with serve_hostile(HostileSite()) as site:
        cases = _cases(site, bystander)
        for case in cases:
            site.routes[case.path] = case.behaviour
        site.routes["/robots.txt"] = respond(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        yield site, cases


@pytest.fixture(scope="module")
def crawl(hostile: tuple[HostileSite, list[Case]], tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    site, cases = hostile
    folder = tmp_path_factory.mktemp("fetch")
    urls = folder / "urls.txt"
    urls.write_text("".join(site.url(case.path) + "\n" for case in cases), encoding="utf-8")
    proxy = {"http_proxy": site.base_url, "https_proxy": site.base_url, "no_proxy": "127.0.0.1,localhost"}
    return run_crawl("article", folder / "out", "-a", f"urls_file={urls}", settings=SETTINGS, env=proxy)


def _case_ids() -> list[Case]:
    dummy, other = HostileSite(base_url="http://x/"), HostileSite(port=1)
    return _cases(dummy, other)


@pytest.mark.parametrize("index", range(len(_case_ids())), ids=[c.name for c in _case_ids()])
def test_case(
    index: int, crawl: CrawlResult, hostile: tuple[HostileSite, list[Case]], report: CaseReport
) -> None:
    site, cases = hostile
    case = cases[index]
    assert_crawl_healthy(crawl)
    outcome, counter = check_case(crawl, site, case)
    report(case.name, outcome, counter)


def test_no_request_left_loopback_and_the_bystander_heard_nothing(
    crawl: CrawlResult, hostile: tuple[HostileSite, list[Case]], bystander: HostileSite
) -> None:
    site, _ = hostile
    assert_crawl_healthy(crawl)
    assert [hit.path for hit in site.hits if not hit.path.startswith("/")] == []
    assert bystander.hits == []


def test_retry_after_was_waited_for(crawl: CrawlResult, hostile: tuple[HostileSite, list[Case]]) -> None:
    site, _ = hostile
    first, second = site.requested("/transport/429")[:2]
    assert second.at - first.at >= 0.9
    # RETRY_TIMES=2 bounds the attempts at 3. On a loaded machine an attempt can time out
    # before it connects (DOWNLOAD_TIMEOUT is 2 s here): it counts as a retry, not a hit.
    assert 2 <= len(site.requested("/transport/503")) <= 3


def test_archive_files_are_complete(crawl: CrawlResult) -> None:
    files = archive_files(crawl.archive_dir)
    assert files
    assert not [f for f in files if f.name.endswith(".part")]
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    assert lines == len(crawl.records()) == crawl.stat("newscrawler/archived")
