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
# Decompressed size cap for one feed or sitemap (the sitemaps protocol caps files at 50 MB).
MAX_XML_BYTES = 64 * 1024 * 1024


class SiteFrontier:
    """Scope, traps, deduplication and page budget for one site of a crawl.

    Deduplication here (beside Scrapy's dupefilter) is what makes the budget count pages,
    not links: a link seen on every page is counted once.
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
        self.pages = 0
        self.rejected: dict[str, int] = {}
        self._seen.add(canonicalize(config.start_url))

    @property
    def robots_url(self) -> str:
        return self.absolute("/robots.txt")

    def absolute(self, path: str) -> str:
        return urljoin(self.config.start_url, path)

    def in_scope(self, url: str) -> bool:
        return host_of(url) in self.config.hosts

    def link_target(self, base_url: str, href: str, *, document: bool = False) -> str | None:
        """The canonical URL to fetch for a discovered link, or None (with a counted reason).

        ``document`` marks feeds and sitemaps, whose file types (``.xml.gz``) are not pages.
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
            self.rejected["malformed_url"] = self.rejected.get("malformed_url", 0) + 1
            return None
        if url in self._seen:
            return None
        self._seen.add(url)
        reason = self._rejection(url, document)
        if reason:
            self.rejected[reason] = self.rejected.get(reason, 0) + 1
            return None
        return url

    def _rejection(self, url: str, document: bool) -> str | None:
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
        if self.remaining_budget() <= 0:
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

    def count_page(self) -> None:
        self.pages += 1

    def remaining_budget(self) -> int:
        return self.config.max_pages - self.pages
