"""The sites configuration: which sites to crawl and how (``sites.yaml``)."""

from newscrawler.sites.config import SiteConfig, SitesFileError, load_sites, site_from_url

__all__ = ["SiteConfig", "SitesFileError", "load_sites", "site_from_url"]
