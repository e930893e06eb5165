"""Scrapy extensions: process-wide settings of the crawl process."""
