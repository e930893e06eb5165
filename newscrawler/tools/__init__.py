"""Pure logic behind ``scrapy archive``: reading, validating, summarizing and exporting
JSON Lines archives. Nothing here imports Scrapy, so downstream scripts can use it too."""
