"""Finding a site's articles: URL rules, feeds, sitemaps and robots.txt. Pure, no Scrapy."""
