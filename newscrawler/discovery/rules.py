"""Heuristics as data for discovery: URL parameters, path shapes and file types."""

from __future__ import annotations

# Query parameters that track a click, not select content: stripped from every URL. News
# sites add their own to internal links ("?ref=most-read", "?source=homepage", "?cmpid=…",
# "?ito=…", BBC's "ns_campaign"): the same article under many URLs. A site that does use
# one of them to select content keeps it with ``keep_params`` in the sites file; a site's
# own tracking parameter is added with ``strip_params``.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_id", "wickedid", "ncid", "cmpid", "cmp", "ito", "ref", "ref_src", "ref_url", "referrer",
        "source", "src", "spm", "share", "amp", "icid", "ocid", "xtor", "ftag", "smid", "partner",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_", "ns_", "sc_")
# Session identifiers make every visit a new URL: stripped too.
SESSION_PARAMS = frozenset(
    {"jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid"}
)

# Path segments of pages that are never articles (still followed to discover articles).
LISTING_SEGMENTS = frozenset(
    {
        "tag", "tags", "category", "categories", "section", "sections", "topic", "topics", "author",
        "authors", "page", "archive", "archives", "search", "rubrique", "rubriques", "thema",
        "themen", "kategorie", "categoria", "categorie", "seccion", "sezione", "auteur", "autor",
        "feed", "rss", "label", "labels",
    }
)  # fmt: skip
# Pages that are neither articles nor lead to articles: not followed at all.
UTILITY_SEGMENTS = frozenset(
    {
        "login", "logout", "signin", "sign-in", "signup", "sign-up", "register", "account", "cart",
        "checkout", "subscribe", "abonnement", "newsletter", "privacy", "privacy-policy", "terms",
        "cookies", "cookie-policy", "contact", "about", "about-us", "impressum", "mentions-legales",
        "wp-admin", "wp-login.php", "wp-json", "xmlrpc.php", "cdn-cgi", "share", "print", "comments",
        "reply", "mailto", "javascript",
    }
)  # fmt: skip
# File types that are never HTML articles.
ASSET_EXTENSIONS = frozenset(
    {
        "pdf", "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif",
        "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "avi", "zip", "gz", "tgz", "rar", "7z",
        "exe", "dmg", "apk", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "json", "js",
        "css", "woff", "woff2", "ttf", "eot", "txt", "epub",
    }
)  # fmt: skip
FEED_EXTENSIONS = frozenset({"rss", "atom", "rdf"})

# Query parameters that page through calendars, facets and sort orders: URL traps.
TRAP_PARAMS = frozenset(
    {
        "date", "day", "month", "year", "week", "calendar", "cal", "ical", "sort", "order",
        "orderby", "filter", "filters", "view", "display", "replytocom", "print", "format",
        "from", "to", "start", "offset", "limit", "s", "q", "query", "search",
    }
)  # fmt: skip
MAX_QUERY_PARAMS = 3
MAX_PATH_SEGMENTS = 10
MAX_URL_LENGTH = 400
MAX_PAGINATION_PAGE = 50

# Paths where feeds and sitemaps usually are, tried when a site does not announce them.
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/feed.xml",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/posts/default",
)
COMMON_SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml")
