from __future__ import annotations

from newscrawler.discovery.frontier import SiteFrontier
from newscrawler.sites import site_from_url


def test_links_are_canonical_in_scope_and_counted_once() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/"))
    base = "https://news.example/world/"
    assert (
        frontier.link_target(base, "/2026/11/story/?utm_source=x#top")
        == "https://news.example/2026/11/story/"
    )
    assert frontier.link_target(base, "/2026/11/story/") is None  # seen
    assert frontier.link_target(base, "https://elsewhere.example/a") is None
    assert frontier.link_target(base, "/files/report.pdf") is None
    assert frontier.rejected == {"off_site": 1, "asset": 1}


def test_a_malformed_link_is_rejected_not_raised() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/"))
    assert frontier.link_target("https://news.example/", "https://[ccpa-preferences]/x") is None
    assert frontier.rejected == {"malformed_url": 1}


def test_the_page_budget_stops_new_links() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/", max_pages=1))
    frontier.count_page()
    assert frontier.link_target("https://news.example/", "/a") is None
    assert frontier.rejected == {"page_budget": 1}
