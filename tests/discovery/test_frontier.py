from __future__ import annotations

from newscrawler.discovery.frontier import QUEUE_FACTOR, SiteFrontier
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


def test_links_are_queued_up_to_a_multiple_of_the_page_budget() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/", max_pages=1))
    for _ in range(QUEUE_FACTOR):
        frontier.count_page()
    assert frontier.link_target("https://news.example/", "/a") is None
    assert frontier.rejected == {"page_budget": 1}


def test_broken_links_give_their_budget_back() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/", max_pages=2))
    assert frontier.spend()
    assert frontier.spend()
    assert not frontier.spend()  # two pages sent: the budget is spent while they are in flight
    assert frontier.in_flight() == 2
    frontier.settle(broken=True)  # one of them answered 404
    frontier.settle(broken=False)
    assert frontier.spend()
    assert frontier.in_flight() == 1
    assert (frontier.broken, frontier.broken_share()) == (1, 0.5)
