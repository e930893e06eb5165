"""Spiders fetch and discover pages; they never parse article fields."""
