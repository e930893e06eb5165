"""Benchmarks for newscrawler; `python -m bench` runs the extraction benchmark."""
