"""Page templates, one module per markup, as pure functions: data in, HTML string out.

Each article theme exposes `render_article(article, base) -> str`; `base` is the site's
absolute root without a trailing slash (e.g. "http://127.0.0.1:8123"), taken from the
request's Host so canonical and og: URLs are right on any port.
"""
