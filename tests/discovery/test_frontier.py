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


def test_the_budget_is_spent_by_fetches_and_given_back_by_broken_links() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/", max_pages=2))
    assert frontier.spend()
    assert frontier.spend()
    assert not frontier.spend()
    assert frontier.rejected == {"page_budget": 1}
    frontier.answer(404, found_on_article=True)
    assert frontier.spend()  # the 404 gave its page back
    assert not frontier.spend()


def test_links_found_on_articles_queue_up_to_twice_the_budget() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/", max_pages=2))
    for path in ("/a", "/b", "/c", "/d"):
        assert frontier.link_target("https://news.example/", path, from_article=True) is not None
        frontier.count_page(from_article=True)
    assert frontier.link_target("https://news.example/", "/e", from_article=True) is None
    assert frontier.rejected == {"page_budget": 1}
    # Links of listings, feeds and sitemaps are not refused for the articles' backlog.
    assert frontier.link_target("https://news.example/", "/f") is not None
    # A 404 among the queued article links makes room for one more.
    frontier.answer(404, found_on_article=True)
    assert frontier.link_target("https://news.example/", "/g", from_article=True) is not None


def test_article_links_are_broken_when_most_of_a_large_sample_is_404() -> None:
    frontier = SiteFrontier(site_from_url("https://news.example/"))
    for n in range(199):
        frontier.answer(404 if n % 10 else 200, found_on_article=True)
    assert not frontier.article_links_broken  # too few answers to judge
    frontier.answer(404, found_on_article=True)
    assert frontier.article_links_broken
    healthy = SiteFrontier(site_from_url("https://news.example/"))
    for n in range(400):
        healthy.answer(404 if n % 5 else 200, found_on_article=True)  # 80 % broken
    assert not healthy.article_links_broken
    listings = SiteFrontier(site_from_url("https://news.example/"))
    for _ in range(400):
        listings.answer(404, found_on_article=False)  # not links found on articles
    assert not listings.article_links_broken
