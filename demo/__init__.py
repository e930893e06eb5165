"""A bundled, offline demo news site for newscrawler.

`make crawl` points at it by default and the tests use it as a fixture: twelve articles
(French and English) rendered in three realistic markups (WordPress, Ghost, a classic
news CMS with JSON-LD), plus the listing pages, feeds and files a real site has.
`demo.expected` states what a correct extractor must return for each article.
Nothing here imports Scrapy.
"""
