"""Extraction off the reactor thread: one worker process per core, each with its own extractor."""
