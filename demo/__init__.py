"""A bundled, offline demo news site for newscrawler.

`make crawl` points at it by default and the tests use it as a fixture: thirteen articles
(French and English): twelve rendered in three realistic markups (WordPress, Ghost, a
classic news CMS with JSON-LD), one a Next.js app's page whose text is only in its
`__NEXT_DATA__` state, plus the listing pages, feeds and files a real site has.
`demo.expected` states what a correct extractor must return for each article.
Nothing here imports Scrapy.
"""
