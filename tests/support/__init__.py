"""Helpers shared by the tests: local HTTP servers, crawl runs, archive readers."""
