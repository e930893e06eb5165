"""Limits that keep a crawl of the hostile web safe: fetch targets, time budgets, waits. Pure."""
