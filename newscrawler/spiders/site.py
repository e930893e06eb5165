"""``scrapy crawl site``: discover and archive a whole site's articles.

Three sources at once, because some sites expose an article in only one of them: links
(home → sections → pagination → articles), RSS/Atom feeds (announced or at common paths)
and sitemaps (from robots.txt or common paths; indexes, gzip, Google News hints).

Arguments: ``-a url=START_URL`` for an ad-hoc site, or ``-a site=NAME`` / ``-a site=all``
for sites of the sites file (``-a sites_file=PATH`` or ``NEWSCRAWLER_SITES_FILE``);
``-a max_pages=N`` and ``-a max_depth=N`` override the limits; ``-a render=1|0|auto``
overrides the sites' ``render`` key (article pages only; see newscrawler.render).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Self

import lxml.html
import scrapy
from protego import Protego
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from newscrawler.discovery.feeds import feed_links, looks_like_feed, parse_feed
from newscrawler.discovery.frontier import BROKEN_LINKS_SAMPLE, SiteFrontier
from newscrawler.discovery.rules import COMMON_FEED_PATHS, COMMON_SITEMAP_PATHS
from newscrawler.discovery.sitemaps import looks_like_sitemap, parse_sitemap, sitemaps_in_robots
from newscrawler.discovery.urls import looks_like_pagination
from newscrawler.discovery.xml import xml_hazards
from newscrawler.items import FetchedPage
from newscrawler.middlewares.budget import META_FROM_ARTICLE, META_KIND, PAGE_KINDS, OverBudget
from newscrawler.middlewares.incremental import META_REVISIT
from newscrawler.pages import NotAPage, count_skip, failure_reason, fetched_page
from newscrawler.render.mode import RenderMode, render_mode
from newscrawler.render.requests import (
    is_rendered,
    may_render_later,
    render_meta,
    render_request,
    wants_render_now,
)
from newscrawler.render.setup import enable_rendering
from newscrawler.sites import SitesFileError, load_sites, site_from_url
from newscrawler.urls import InvalidStartUrl, checked_start_url, document_base_url

logger = logging.getLogger(__name__)

# A site whose fetched pages answer 404/410 this often gets a warning at the end.
NOT_FOUND_WARNING_SHARE = 0.1

# Discovery first: robots.txt, then sitemaps and feeds, then listings (they lead to
# articles), then the articles they list ("page"), and last the links found on article
# pages ("linked"), the kind most often broken and the least often an article of its own.
_PRIORITY = {"robots": 100, "sitemap": 50, "feed": 50, "listing": 20, "page": 10, "linked": 0}
_PRIORITY_FROM_ARTICLE = 5


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(
        self,
        url: str | None = None,
        site: str | None = None,
        sites_file: str | None = None,
        max_pages: str | None = None,
        max_depth: str | None = None,
        render: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if bool(url) == bool(site):
            raise InvalidStartUrl("give either -a url=START_URL or -a site=NAME|all")
        self._url = checked_start_url(url) if url else None
        self._site_name = site
        self._sites_file = sites_file
        self._limits = {
            key: _positive_int(key, value)
            for key, value in (("max_pages", max_pages), ("max_depth", max_depth))
            if value is not None
        }
        self._render = render_mode(render) if render is not None else None
        self.frontiers: dict[str, SiteFrontier] = {}
        self.hold_back_article_links = False
        # Per site: the links of article pages read while the sample is judged (base URL,
        # hrefs, depth).
        self._held_back: dict[str, list[tuple[str, list[str], int]]] = {}
        # Workers started with the same arguments share one Redis frontier.
        self.frontier_arguments = {"url": url, "site": site, "sites_file": sites_file, **self._limits}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._open_sites(crawler)
        # Links found on articles wait in the spider until a sample of them tells whether
        # the site's article links work; with Redis they go to the shared queue at once, so
        # that a killed worker loses none.
        spider.hold_back_article_links = not crawler.settings.get("REDIS_URL")
        crawler.signals.connect(spider._release_on_idle, signal=signals.spider_idle)
        if any(frontier.config.render is not RenderMode.OFF for frontier in spider.frontiers.values()):
            enable_rendering(crawler.settings)
        return spider

    def _open_sites(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if self._url:
            configs = [site_from_url(self._url)]
        else:
            path = Path(self._sites_file or settings.get("NEWSCRAWLER_SITES_FILE"))
            sites = load_sites(path)
            if self._site_name == "all":
                configs = list(sites.values())
            elif self._site_name in sites:
                configs = [sites[self._site_name]]
            else:
                raise SitesFileError(f"{path}: no site named {self._site_name!r} (known: {', '.join(sites)})")
        for config in configs:
            config = replace(config, **self._limits)  # type: ignore[arg-type]
            if self._render is not None:
                config = replace(config, render=self._render)
            self.frontiers[config.name] = SiteFrontier(config, settings.get("USER_AGENT"))
        self.allowed_domains = sorted({host for f in self.frontiers.values() for host in f.config.hosts})

    @property
    def given_urls(self) -> list[str]:
        """URLs the user gave (start URLs, sites-file feeds, sitemaps and alias hosts):
        TargetGuardMiddleware trusts their origins as given."""
        urls = []
        for frontier in self.frontiers.values():
            config = frontier.config
            urls += [config.start_url, *config.feeds, *config.sitemaps]
            urls += [f"https://{alias}/" for alias in config.aliases]
        return urls

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for frontier in self.frontiers.values():
            # robots.txt first: its Sitemap lines and Crawl-delay shape the rest of the crawl.
            yield self._request(frontier, frontier.robots_url, "robots", self.parse_robots)

    # --- discovery sources ------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        frontier = self._frontier(response)
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        frontier.robots = Protego.parse(text)
        sitemaps = list(frontier.config.sitemaps) + sitemaps_in_robots(text, response.url)
        if not sitemaps:
            sitemaps = [frontier.absolute(path) for path in COMMON_SITEMAP_PATHS]
        for url in sitemaps:
            yield self._request(frontier, url, "sitemap", self.parse_sitemap)
        for url in frontier.config.feeds:
            yield self._request(frontier, url, "feed", self.parse_feed)
        yield self._request(frontier, frontier.config.start_url, "listing", self.parse_page, depth=0)

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        # No robots.txt (or an error fetching it) still leaves the site's pages to crawl.
        request = failure.request  # type: ignore[attr-defined]
        yield from self.parse_robots(Response(request.url, status=404, request=request))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        frontier = self._frontier(response)
        if response.status != 200 or not looks_like_sitemap(response.body):
            return
        limit = frontier.remaining_budget() + frontier.sitemap_allowance
        problems = xml_hazards(response.body)
        for entry in parse_sitemap(response.body, response.url, frontier.max_xml_bytes, limit, problems):
            url = frontier.link_target(response.url, entry.url, document=entry.is_sitemap)
            if url is None:
                continue
            if entry.is_sitemap:
                yield self._request(frontier, url, "sitemap", self.parse_sitemap)
            else:
                hints = {"title": entry.news_title, "published_at": entry.news_published}
                if entry.news_title or entry.news_published:
                    hints["listed_in"] = "news_sitemap"  # the site says: an article
                yield self._request(frontier, url, "page", self.parse_page, depth=1, hints=hints)
        self._count_xml_problems(response.url, problems)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        frontier = self._frontier(response)
        if response.status != 200 or not looks_like_feed(response.body):
            return
        limit = frontier.remaining_budget() + frontier.sitemap_allowance
        problems = xml_hazards(response.body)
        for entry in parse_feed(response.body, response.url, frontier.max_xml_bytes, limit, problems):
            url = frontier.link_target(response.url, entry.url)
            if url is not None:
                hints = {"title": entry.title, "published_at": entry.published, "listed_in": "feed"}
                yield self._request(frontier, url, "page", self.parse_page, depth=1, hints=hints)
        self._count_xml_problems(response.url, problems)

    def _count_xml_problems(self, url: str, problems: list[str]) -> None:
        """Entities ignored, damage cut off: logged and counted, the entries before it kept."""
        assert self.crawler.stats is not None
        for problem in problems:
            logger.warning("%s: XML %s (ignored; entries before it kept)", url, problem.replace("_", " "))
            self.crawler.stats.inc_value(f"newscrawler/xml/{problem}")

    # --- pages ------------------------------------------------------------------------

    def parse_page(self, response: Response) -> Iterable[scrapy.Request | FetchedPage]:
        frontier = self._frontier(response)
        yield from self._release(frontier)
        if not isinstance(response, TextResponse) or b"html" not in _content_type(response):
            # Sites link feeds and sitemaps with plain <a> links too.
            if looks_like_feed(response.body):
                yield from self.parse_feed(response)
            elif looks_like_sitemap(response.body):
                yield from self.parse_sitemap(response)
            else:
                count_skip(self.crawler, "not_html", response.url)
            return
        try:
            page = fetched_page(response, site=frontier.config.name)
        except NotAPage as skipped:
            count_skip(self.crawler, skipped.reason, str(skipped))
            return
        hints = dict(response.meta.get("hints", {}))
        if may_render_later(response):
            # A listed page's short body may be all its HTML holds of a script's article:
            # judged by the usual length, it is dropped and rendered (the render keeps the hint).
            hints.pop("listed_in", None)
        page.meta = {"hints": hints, "selectors": frontier.config.selectors}
        if is_rendered(response):
            yield page  # its links were followed from its plain fetch
            return
        tree = _parse_html(page.text, response.url)
        if tree is not None:
            yield from self._follow(frontier, response, tree)
        if frontier.should_archive(response.url):
            yield render_request(response) if wants_render_now(response) else page

    def _follow(
        self, frontier: SiteFrontier, response: Response, tree: lxml.html.HtmlElement
    ) -> Iterator[scrapy.Request]:
        depth = response.meta.get("nc_depth", 0)
        # Links resolve against the page's <base href>: on a CMS that prints one on every
        # page, the response URL makes every relative link a 404.
        base = document_base_url(tree, response.url)
        feeds = feed_links(tree, base)
        if depth == 0 and not feeds:
            feeds = [frontier.absolute(path) for path in COMMON_FEED_PATHS]
        for feed in feeds:
            url = frontier.link_target(base, feed, document=True)
            if url is not None:
                yield self._request(frontier, url, "feed", self.parse_feed)
        if depth >= frontier.config.max_depth:
            return
        on_article = response.meta.get(META_KIND) in ("page", "linked") and depth > 0
        hrefs = [str(href) for href in tree.xpath("//a/@href")]
        if on_article and frontier.article_links_broken:
            frontier.reject("broken_article_links", len(hrefs))
            return
        if on_article and self._holds_back(frontier):
            # Read later, or never if the sample proves them broken: most of a page's links
            # are never canonicalized nor queued on a site whose article links are broken.
            self._held_back.setdefault(frontier.config.name, []).append((base, hrefs, depth))
            return
        yield from self._follow_links(frontier, base, hrefs, depth, on_article)

    def _follow_links(
        self, frontier: SiteFrontier, base: str, hrefs: list[str], depth: int, on_article: bool
    ) -> Iterator[scrapy.Request]:
        for href in hrefs:
            url = frontier.link_target(base, href, from_article=on_article)
            if url is None:
                continue
            kind = "listing" if frontier.is_listing(url) else "linked" if on_article else "page"
            # The next page of a listing is a sibling, not a level deeper: deep archives
            # stay reachable within max_depth (pagination is bounded as a trap instead).
            next_depth = depth if kind == "listing" and looks_like_pagination(url) else depth + 1
            probe = on_article and frontier.probe_article_link()
            yield self._request(
                frontier, url, kind, self.parse_page, depth=next_depth, from_article=on_article, probe=probe
            )

    def _holds_back(self, frontier: SiteFrontier) -> bool:
        """Links found on articles wait once the site's sample is out and not yet judged."""
        return (
            self.hold_back_article_links
            and frontier.article_link_probes >= BROKEN_LINKS_SAMPLE
            and not frontier.article_links_judged
        )

    def _release(self, frontier: SiteFrontier, *, now: bool = False) -> Iterator[scrapy.Request]:
        """The links held back from articles once the site's sample judged them (or ``now``):
        dropped when they proved broken, else queued."""
        if not (now or frontier.article_links_judged) or frontier.config.name not in self._held_back:
            return
        held = self._held_back.pop(frontier.config.name)
        if frontier.article_links_broken:
            skipped = sum(len(hrefs) for _, hrefs, _ in held)
            frontier.reject("broken_article_links", skipped)
            return
        for base, hrefs, depth in held:
            yield from self._follow_links(frontier, base, hrefs, depth, on_article=True)

    def _release_on_idle(self) -> None:
        """Nothing else to fetch: a site whose sample never filled (few links on its
        articles) has its held-back links read and queued now, unless they proved broken."""
        released = False
        for name in list(self._held_back):
            for request in self._release(self.frontiers[name], now=True):
                self.crawler.engine.crawl(request)
                released = True
        if released:
            raise DontCloseSpider

    # --- plumbing ---------------------------------------------------------------------

    def _request(
        self,
        frontier: SiteFrontier,
        url: str,
        kind: str,
        callback: Any,
        depth: int = 0,
        hints: dict[str, str | None] | None = None,
        from_article: bool = False,
        probe: bool = False,
    ) -> scrapy.Request:
        meta: dict[str, Any] = {
            "site": frontier.config.name,
            META_KIND: kind,
            META_FROM_ARTICLE: from_article,
            "nc_depth": depth,
            "crawl_delay": frontier.config.delay,
            # Article pages follow the revisit policy; listings, feeds and sitemaps are always fetched.
            META_REVISIT: kind in ("page", "linked"),
            # Only article pages are rendered: listings, feeds and sitemaps stay plain HTTP.
            **(render_meta(frontier.config.render) if kind in ("page", "linked") else {}),
        }
        if hints:
            meta["hints"] = {k: v for k, v in hints.items() if v}
        errback = self.robots_failed if kind == "robots" else self.on_error
        if kind in PAGE_KINDS:
            frontier.count_page(from_article=from_article)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawler/requests/{kind}")
        return scrapy.Request(
            url,
            callback=callback,
            errback=errback,
            priority=_priority(kind, from_article, probe),
            meta=meta,
            # A link first queued from an article and now listed goes out again (refound).
            dont_filter=kind == "robots" or url in frontier.refound,
        )

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        for frontier in self.frontiers.values():
            for why, count in frontier.rejected.items():
                stats.inc_value(f"newscrawler/links_rejected/{why}", count)
            stats.inc_value("newscrawler/pages_answered", frontier.answered)
            stats.inc_value("newscrawler/pages_not_found", frontier.not_found)
            _log_not_found_share(frontier)

    def on_error(self, failure: Failure) -> None:
        if isinstance(failure.value, OverBudget):
            return  # counted by the frontier as links_rejected/page_budget
        request = failure.request  # type: ignore[attr-defined]
        # The URL that was asked for, not where its redirects led.
        url = request.meta.get("redirect_urls", [request.url])[0]
        count_skip(self.crawler, failure_reason(failure), f"{url}: {failure.value}")

    def _frontier(self, response: Response) -> SiteFrontier:
        return self.frontiers[response.meta["site"]]


def _priority(kind: str, from_article: bool, probe: bool) -> int:
    if probe:
        # A sample of links found on articles goes with the listed articles: their answers
        # tell early whether the site's article links are broken.
        return _PRIORITY["page"]
    if from_article and kind == "listing":
        # A section linked only from articles waits behind the listed articles.
        return _PRIORITY_FROM_ARTICLE
    return _PRIORITY[kind]


def _log_not_found_share(frontier: SiteFrontier) -> None:
    """The share of pages that answered 404/410: high, it points at broken links."""
    if not frontier.answered:
        return
    share = frontier.not_found / frontier.answered
    level = logging.WARNING if share >= NOT_FOUND_WARNING_SHARE else logging.INFO
    logger.log(
        level,
        "site %s: %d of %d pages answered 404/410 (%.0f %%)%s",
        frontier.config.name,
        frontier.not_found,
        frontier.answered,
        100 * share,
        "; links found on articles were no longer followed" if frontier.article_links_broken else "",
    )


def _content_type(response: Response) -> bytes:
    return (response.headers.get(b"Content-Type") or b"text/html").lower()


def _parse_html(text: str, url: str) -> lxml.html.HtmlElement | None:
    """The page's tree, from the text decoded as extraction decodes it (not Scrapy's guess)."""
    try:
        return lxml.html.document_fromstring(text, base_url=url)
    except (ValueError, lxml.etree.ParserError):
        return None


def _positive_int(name: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise InvalidStartUrl(f"-a {name} must be a positive integer, got {value!r}")
    return number
