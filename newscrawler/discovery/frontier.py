"""One site's crawl frontier: which discovered URLs to fetch, which to archive, and the budget."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from protego import Protego

from newscrawler.discovery.urls import (
    canonicalize,
    host_of,
    is_asset,
    is_utility_page,
    looks_like_listing_url,
    looks_like_section_url,
    looks_like_trap,
)
from newscrawler.sites import SiteConfig

# Feeds and sitemaps are read this far beyond the page budget (they repeat known URLs).
SITEMAP_ALLOWANCE = 1000
# Links found on article pages queued at most, as a multiple of the budget: room to replace
# the broken links that give their budget back, and a bound on the queue of a site full of
# links. Pages of sitemaps, feeds and listings are bounded by the sitemap allowance, the
# depth and the pagination traps, and are never refused for links found on articles.
QUEUE_FACTOR = 2
# Links found on article pages, once this many have been answered, are judged as a whole:
# when this share of them were 404/410 the site's article links are broken (a <base href>
# read wrong, a moved CMS) and no more of them are followed.
BROKEN_LINKS_SAMPLE = 200
BROKEN_LINKS_SHARE = 0.9
# Decompressed size cap for one feed or sitemap (the sitemaps protocol caps files at 50 MB).
MAX_XML_BYTES = 64 * 1024 * 1024


class SiteFrontier:
    """Scope, traps, deduplication, page budget and link health for one site of a crawl.

    The budget (``max_pages``) is spent when a page is fetched, not when its link is found,
    and a page that answers 404 or 410 gives it back: broken links cannot starve the
    articles, and the crawl order (articles of sitemaps, feeds and listings before links
    found on articles) decides which pages the budget goes to. Deduplication here (beside
    Scrapy's dupefilter) counts each URL once, however many pages link it.
    """

    sitemap_allowance = SITEMAP_ALLOWANCE
    max_xml_bytes = MAX_XML_BYTES

    def __init__(self, config: SiteConfig, user_agent: str = "*") -> None:
        self.config = config
        self.user_agent = user_agent
        # The site's robots.txt, once read: checked here too, so a disallowed URL is never
        # even queued (Scrapy's RobotsTxtMiddleware checks again at download time).
        self.robots: Protego | None = None
        self._seen: set[str] = set()
        # Queued only as links found on articles (lowest priority), not yet fetched: when a
        # listing, feed or sitemap lists one, it is queued again as a listed article, and
        # the first request is dropped unfetched (``refound``).
        self._article_links: set[str] = set()
        self.refound: set[str] = set()
        self.queued_from_articles = 0  # requests of links found on articles, less 404/410s
        self.spent = 0  # pages fetched, less those that answered 404/410
        self.answered = 0
        self.not_found = 0
        self.article_links_answered = 0
        self.article_links_not_found = 0
        self.article_link_probes = 0
        self.rejected: dict[str, int] = {}
        self._seen.add(canonicalize(config.start_url))

    @property
    def robots_url(self) -> str:
        return self.absolute("/robots.txt")

    def absolute(self, path: str) -> str:
        return urljoin(self.config.start_url, path)

    def in_scope(self, url: str) -> bool:
        return host_of(url) in self.config.hosts

    def link_target(
        self, base_url: str, href: str, *, document: bool = False, from_article: bool = False
    ) -> str | None:
        """The canonical URL to fetch for a discovered link, or None (with a counted reason).

        ``document`` marks feeds and sitemaps, whose file types (``.xml.gz``) are not pages;
        ``from_article`` a link found on an article page.
        """
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            return None
        try:
            url = urljoin(base_url, href)
            if urlsplit(url).scheme not in ("http", "https"):
                return None
            url = canonicalize(url, strip=self.config.strip_params, keep=self.config.keep_params)
        except ValueError:
            # A malformed link ("http://[not-an-ip]/") must not fail the page it is on.
            self.reject("malformed_url")
            return None
        if url in self._seen:
            if from_article or url not in self._article_links:
                return None
            # Listed after all: fetched as a listed article, with that priority.
            self._article_links.discard(url)
            self.refound.add(url)
            return url
        reason = self._rejection(url, document, from_article)
        if reason:
            self.reject(reason)
            # Refused for the articles' backlog only, it stays unseen: a listing may bring it.
            if reason != "page_budget":
                self._seen.add(url)
            return None
        self._seen.add(url)
        if from_article:
            self._article_links.add(url)
        return url

    def fetching(self, url: str) -> None:
        """``url`` goes out to be fetched: a listing that names it later brings nothing new."""
        self._article_links.discard(url)

    def _rejection(self, url: str, document: bool, from_article: bool) -> str | None:
        if not self.in_scope(url):
            return "off_site"
        if not document and is_asset(url):
            return "asset"
        if not document and is_utility_page(url):
            return "utility_page"
        if self.robots is not None and not self.robots.can_fetch(url, self.user_agent):
            return "robots_disallowed"
        trap = looks_like_trap(url)
        if trap:
            return f"trap/{trap}"
        if any(pattern.search(url) for pattern in self.config.deny):
            return "denied"
        if from_article and self.queued_from_articles >= QUEUE_FACTOR * self.config.max_pages:
            return "page_budget"
        return None

    def is_listing(self, url: str) -> bool:
        """Fetched before articles: listing-shaped URLs, and sections by their shape."""
        return looks_like_listing_url(url) or looks_like_section_url(url)

    def should_archive(self, url: str) -> bool:
        """Candidates for a record: not listing-shaped and, when ``allow`` is set, matching it.

        The extraction pipeline still checks the page's structure before archiving.
        """
        if looks_like_listing_url(canonicalize(url)):
            return False
        return not self.config.allow or any(p.search(url) for p in self.config.allow)

    def count_page(self, *, from_article: bool = False) -> None:
        """A page request was made (queued)."""
        self.queued_from_articles += from_article

    def reject(self, reason: str, count: int = 1) -> None:
        """Count links refused, as ``newscrawler/links_rejected/<reason>``."""
        self.rejected[reason] = self.rejected.get(reason, 0) + count

    def drop_article_link(self, reason: str) -> None:
        """A queued link found on an article was dropped before its fetch."""
        self.queued_from_articles -= 1
        self.reject(reason)

    def spend(self) -> bool:
        """Take one page of the budget for a fetch; False when it is spent."""
        if self.spent >= self.config.max_pages:
            self.reject("page_budget")
            return False
        self.spent += 1
        return True

    def answer(self, status: int, *, found_on_article: bool) -> None:
        """A fetched page answered: a 404/410 gives its budget back."""
        self.answered += 1
        missing = status in (404, 410)
        if missing:
            self.not_found += 1
            self.spent -= 1
        if found_on_article:
            self.article_links_answered += 1
            self.article_links_not_found += missing
            self.queued_from_articles -= missing

    def probe_article_link(self) -> bool:
        """True for the first links found on articles, fetched early with the listed
        articles so that the site's article links are judged before most are queued."""
        if self.article_link_probes >= BROKEN_LINKS_SAMPLE:
            return False
        self.article_link_probes += 1
        return True

    @property
    def article_links_judged(self) -> bool:
        """Enough links found on articles have answered to judge them."""
        return self.article_links_answered >= BROKEN_LINKS_SAMPLE

    @property
    def article_links_broken(self) -> bool:
        """Most links found on article pages lead nowhere: stop following them."""
        sample = self.article_links_answered
        return sample >= BROKEN_LINKS_SAMPLE and self.article_links_not_found >= BROKEN_LINKS_SHARE * sample

    def remaining_budget(self) -> int:
        return self.config.max_pages - self.spent
