"""Rendering article pages in headless Chromium, opt-in (README: "Rendering with Chromium").

Nothing here imports Playwright except :mod:`newscrawler.render.handler`, which Scrapy loads
only when a crawl renders (see :func:`newscrawler.render.setup.enable_rendering`).
"""
