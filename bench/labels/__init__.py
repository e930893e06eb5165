"""Labelled pages for bios and related-news blocks, and the tools used to label them."""
