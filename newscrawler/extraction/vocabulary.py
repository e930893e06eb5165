"""Heuristics as data: keyword and selector tables used by the field functions.

Supporting a new layout or language should be one entry here plus one test page.
"""

from __future__ import annotations

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "WebPage",
    }
)
PERSON_TYPES = frozenset({"Person"})
ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})

# Separators between a headline and the site name in <title> and og:title.
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » ", " « ")

# Words that introduce a byline, per language; stripped from author names.
BYLINE_PREFIXES = (
    "by",
    "written by",
    "posted by",
    "published by",
    "words by",
    "reporting by",
    "par",
    "écrit par",
    "publié par",
    "von",
    "autor",
    "autorin",
    "auteur",
    "auteure",
    "autrice",
    "author",
    "por",
    "escrito por",
    "di",
    "da",
    "door",
    "geschreven door",
    "przez",
    "autor:",
    # Calls to action whose link text is the author's name ("View all posts by Jane Doe").
    "view all posts by",
    "all posts by",
    "show all articles of",
    "see all articles by",
    "more articles by",
    "more by",
    "voir tous les articles de",
    "alle artikel von",
    "alle beiträge von",
    "ver todos los artículos de",
    "tutti gli articoli di",
    "alle artikelen van",
    "text",
    "text von",
    "ein artikel von",
    "ein beitrag von",
    "geschrieben von",
    "verfasst von",
    "redigé par",
    "rédigé par",
    "publicado por",
    "scritto da",
    "interview",
    "view all posts by",
    "all posts by",
    "more posts by",
    "more from",
    "posts by",
    "articles by",
    "show all articles of",
    "see all articles by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "alle artikel von",
    "alles von",
    "mehr von",
    "voir tous les articles de",
    "tous les articles de",
    "ver todos los artículos de",
    "zum profil von",
    "profil von",
    "artikel von",
    "beitrag von",
    "vom",
    "作者",
    "编辑",
    "责任编辑",
)

# Credits that introduce a photographer or illustrator, not an author: such text is no byline.
CREDIT_PREFIXES = ("foto", "fotos", "photo", "photos", "bild", "image", "illustration", "©", "(c)", "credit")

# Link and label texts found where a byline is expected that are never a person's name.
AUTHOR_NON_NAMES = frozenset(
    {
        "edit",
        "no author",
        "unknown author",
        "admin",
        "administrator",
        "anonymous",
        "veröffentlicht",
        "published",
        "updated",
        "share",
        "follow",
        "twitter",
        "facebook",
        "email",
        "e-mail",
        "comments",
        "kommentare",
        "commentaires",
        "afficher mon profil complet",
        "view my complete profile",
        "mein profil vollständig anzeigen",
        "why you can trust",
        "[email protected]",
        "kontakt",
        "contact",
        "posted",
        "datum",
        "date",
        "beitrag",
        "alle artikel",
        "mehr über mich",
        "about me",
        "more",
        "mehr",
    }
)

# class/id tokens of byline elements (substring match on the lower-cased attribute).
BYLINE_CLASS_TOKENS = (
    "byline",
    "author",
    "autor",
    "auteur",
    "writer",
    "verfasser",
    "posted-by",
    "postedby",
    "submitted-by",
    "journalist",
    "reporter",
    "creator",
)

# class/id tokens of places where names are not the article's byline.
BYLINE_EXCLUDED_TOKENS = (
    "comment",
    "avatar",
    "author-box",
    "author-bio",
    "about-author",
    "related",
    "footer",
)

# class/id tokens of an article's own footer, where blog templates (Blogger, WordPress
# themes) put "Posted by …": not the site footer the exclusions above are meant for.
ARTICLE_FOOTER_TOKENS = ("post-footer", "entry-footer", "article-footer", "story-footer")

# Conjunctions that join several author names.
AUTHOR_JOINERS = ("and", "et", "und", "y", "e", "en", "i", "&", "og", "och", "ve")

# Suffixes and roles that are not part of a person's name. A single word is dropped only
# after a separator ("Jane Doe, Reporter"): "Jörg Staff" and "Rasender Reporter" are names.
AUTHOR_NOISE_WORDS = (
    "staff",
    "staff writer",
    "staff reporter",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "journalist",
    "rédaction",
    "redaktion",
    "redacción",
    "redazione",
    "redactie",
    "redakcja",
)

# Calls to action and arrows that follow a name in a byline link ("Jane Doe Alle Artikel",
# "jdoe →"), dropped with or without a separator.
AUTHOR_TRAILING_LABELS = (
    "alle artikel",
    "alle beiträge",
    "all articles",
    "all posts",
    "more articles",
    "more posts",
    "tous les articles",
    "todos los artículos",
    "→",
    "»",
    "›",
)

# class/id tokens of author boxes in common CMS themes (whole word parts): WordPress core
# and themes (Twenty*, Genesis, Astra, GeneratePress, Newspaper/tagDiv, Jannah), Simple
# Author Box, Molongui, PublishPress Authors, Starbox, Jetpack, Yoast-based themes, Ghost
# (Casper), Drupal, Medium/Substack-like and newsroom CMSs.
AUTHOR_BOX_TOKENS = (
    "author-box",
    "authorbox",
    "author-bio",
    "authorbio",
    "author-biography",
    "author-info",
    "author-card",
    "author-details",
    "author-description",
    "author-about",
    "author-excerpt",
    "author-summary",
    "author-profile",
    "author-blurb",
    "about-author",
    "about-the-author",
    "aboutauthor",
    "writer-bio",
    "contributor-bio",
    "byline-bio",
    "mini-bio",
    "bio-text",
    "biography",
    "saboxplugin-wrap",
    "sabox-plugin",
    "molongui-author",
    "m-a-box",
    "pp-multiple-authors",
    "pp-author-boxes",
    "starbox",
    "ts-author",
    "td-author-box",
    "tdb-author-box",
    "author-wrap",
    "gh-author-card",
    "post-author-bio",
    "entry-author-bio",
    "field-name-field-author-bio",
    "field--name-field-bio",
    "views-field-field-bio",
    "pencraft-author",
    "article-author-bio",
    "article-property--author",
)

# Labels that head an author box.
AUTHOR_BOX_LABELS = (
    "about the author",
    "about the authors",
    "about the writer",
    "author",
    "the author",
    "published by",
    "auteur",
    "auteure",
    "autrice",
    "à propos de l'auteur",
    "à propos de l’auteur",
    "l'auteur",
    "l’auteur",
    "über den autor",
    "über die autorin",
    "über die autoren",
    "zum autor",
    "zur autorin",
    "autor",
    "autorin",
    "sobre el autor",
    "sobre la autora",
    "acerca del autor",
    "sull'autore",
    "sull’autore",
    "l'autore",
    "l’autore",
    "autore",
    "informazioni sull'autore",
    "sobre o autor",
    "sobre a autora",
    "over de auteur",
    "over de schrijver",
    "o autorze",
    "o autorce",
    "autor artykułu",
)

# "About <name>" labels: the word before the author's name in a box heading.
AUTHOR_ABOUT_PREFIXES = ("about", "à propos de", "über", "sobre", "acerca de", "su", "over", "o")

# Calls to action that author boxes put around the bio; cut from the bio and from names.
BIO_CALLS_TO_ACTION = (
    "view all posts by",
    "view all posts",
    "all posts by",
    "see all articles",
    "see all posts",
    "show all articles of",
    "show all articles",
    "more articles by",
    "more from",
    "more by",
    "read more",
    "follow on",
    "follow",
    "voir tous les articles",
    "tous les articles de",
    "tous ses articles",
    "alle artikel von",
    "alle beiträge von",
    "weitere artikel",
    "weiter",
    "ver todos los artículos",
    "más artículos de",
    "tutti gli articoli di",
    "altri articoli di",
    "ver todos os artigos",
    "alle artikelen van",
    "meer van",
    "wszystkie artykuły",
    "więcej artykułów",
)

# Openings of the disclaimer some sites append to the author's bio; cut from the bio.
BIO_DISCLAIMERS = (
    "views and opinions expressed",
    "the views expressed",
    "the opinions expressed",
    "opinions expressed",
    "les opinions exprimées",
    "die geäußerten meinungen",
    "las opiniones expresadas",
    "le opinioni espresse",
    "as opiniões expressas",
    "de meningen",
    "opinie wyrażone",
)

# Verbs that open a bio sentence after the author's name ("Jane Doe is a reporter …").
BIO_VERBS = (
    "is",
    "was",
    "has been",
    "writes",
    "covers",
    "reports",
    "joined",
    "serves",
    "teaches",
    "lives",
    "est",
    "a été",
    "écrit",
    "couvre",
    "travaille",
    "enseigne",
    "ist",
    "war",
    "schreibt",
    "arbeitet",
    "berichtet",
    "lebt",
    "es",
    "fue",
    "cubre",
    "escribe",
    "trabaja",
    "è",
    "ha",
    "scrive",
    "lavora",
    "é",
    "foi",
    "escreve",
    "trabalha",
    "cobre",
    "schrijft",
    "werkt",
    "jest",
    "był",
    "była",
    "pisze",
    "pracuje",
)

# Headings of related-news blocks, lower-cased; matched as a prefix of the heading text.
RELATED_HEADINGS = (
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related content",
    "read more",
    "read next",
    "read also",
    "read this next",
    "more from",
    "more on",
    "more stories",
    "more news",
    "latest news",
    "latest stories",
    "latest articles",
    "latest posts",
    "recommended",
    "you may also like",
    "you might also like",
    "don't miss",
    "most read",
    "most popular",
    "popular",
    "trending",
    "top stories",
    "see also",
    "further reading",
    "also read",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "lire également",
    "sur le même sujet",
    "dans la même rubrique",
    "les plus lus",
    "articles similaires",
    "articles liés",
    "dernières actualités",
    "dernières infos",
    "vous aimerez aussi",
    "mehr zum thema",
    "mehr aus",
    "das könnte sie auch interessieren",
    "auch interessant",
    "weitere artikel",
    "meistgelesen",
    "lesen sie auch",
    "ähnliche artikel",
    "te puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "lo más leído",
    "más noticias",
    "relacionados",
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "i più letti",
    "leia também",
    "leia mais",
    "notícias relacionadas",
    "mais lidas",
    "veja também",
    "lees ook",
    "meer nieuws",
    "gerelateerd",
    "meest gelezen",
    "czytaj też",
    "czytaj także",
    "przeczytaj też",
    "zobacz też",
    "najczęściej czytane",
    "powiązane",
)

# class/id tokens of related-news containers, matched as a prefix of a class word
# ("related" also finds "relatedposts", "related-stories", "RelatedCoverage-container").
# Any teaser list is found by its structure; these tokens are what lets a box holding a
# single teaser count as a related block.
RELATED_CONTAINER_TOKENS = (
    "related",
    "jp-relatedposts",
    "read-next",
    "readnext",
    "read-more",
    "read-also",
    "readalso",
    "more-stories",
    "more-news",
    "morenews",
    "latest-news",
    "latest-posts",
    "recommended",
    "recommendation",
    "most-read",
    "mostread",
    "most-popular",
    "popular-posts",
    "recent-posts",
    "yarpp",
    "crp-related",
    "rp4wp",
    "gh-read-next",
    "teaser",
    "wp-embedded-content",
    "story-card",
    "storylink",
    "further-reading",
    "see-also",
    "lire-aussi",
    "a-lire",
    "voir-aussi",
    "mehr-zum-thema",
    "leggi-anche",
    "leia-tambem",
    "lees-ook",
    "czytaj",
)

# JSON-LD types of pages that list other pages: never archived as articles.
LISTING_TYPES = frozenset(
    {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "AboutPage", "ContactPage"}
)

# class/id tokens of page parts whose links are never related teasers (whole class words).
RELATED_EXCLUDED_TOKENS = (
    "comment",
    "comments",
    "commentlist",
    "comment-list",
    "recentcomments",
    "recent-comments",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "post-navigation",
    "posts-navigation",
    "nav-links",
    "nav-previous",
    "nav-next",
    "navigation-post",
    "prev-next",
    "share",
    "sharing",
    "social",
    "sharedaddy",
    "tagcloud",
    "tag-cloud",
    "tags",
    "post-tags",
    "entry-tags",
    "keywords",
    "sponsored",
    "outbrain",
    "taboola",
    "advert",
    "advertisement",
    "skip-link",
    "screen-reader-text",
)

# Path segments of pages that are listings or shop pages, not articles.
NON_ARTICLE_PATH_SEGMENTS = frozenset(
    {
        "tag",
        "tags",
        "category",
        "categories",
        "categorie",
        "kategorie",
        "categoria",
        "kategoria",
        "author",
        "authors",
        "autor",
        "autoren",
        "auteur",
        "auteurs",
        "autore",
        # staff profile pages under another name than "author"
        "journalist",
        "journalists",
        "journalisten",
        "contributor",
        "contributors",
        "columnists",
        "topic",
        "topics",
        "thema",
        "themen",
        "tema",
        "temas",
        "sujet",
        "motcle",
        "mot-cle",
        "schlagwort",
        "etiqueta",
        "etiquetas",
        "argomenti",
        "trefwoord",
        "tagi",
        "search",
        "suche",
        "recherche",
        "buscar",
        "product",
        "products",
        "shop",
        "cart",
        "checkout",
        "login",
        "account",
        "subscribe",
        "subscription",
        "newsletter",
        "newsletters",
        "abo",
        "feed",
        "rss",
        "wp-login.php",
        "profil",
        "profile",
        "register",
        "signup",
        "sign-up",
        "abonnement",
        "abonnements",
        "abonnieren",
        "suscripcion",
        "suscribete",
        "abbonamento",
        "abbonati",
        "abonneren",
        "prenumerata",
        "assinatura",
        "store",
        "boutique",
        # job ads and coupon codes: classified listings, under a path or a host of their own
        # ("jobs.<site>/job/…", "/stellenangebot/…", "/coupons/…")
        "job",
        "jobs",
        "stellenangebot",
        "stellenangebote",
        "stellenmarkt",
        "emploi",
        "empleo",
        "coupon",
        "coupons",
        "gutschein",
        "gutscheine",
        "gutscheincodes",
        "codes-promo",
        "cupones",
    }
)

# Link texts that point to an adjacent post, not to a related one.
PREV_NEXT_LABELS = (
    "previous",
    "previous post",
    "previous article",
    "next",
    "next post",
    "next article",
    "older post",
    "newer post",
    "précédent",
    "article précédent",
    "suivant",
    "article suivant",
    "vorheriger",
    "vorheriger artikel",
    "nächster",
    "nächster artikel",
    "zurück",
    "weiter",
    "anterior",
    "siguiente",
    "próximo",
    "precedente",
    "successivo",
    "vorige",
    "volgende",
    "poprzedni",
    "następny",
    "«",
    "»",
    "‹",
    "›",
    "←",
    "→",
)

# Link texts that repeat a teaser's link ("Read more") instead of titling it.
READ_MORE_LABELS = (
    "read more",
    "more",
    "continue reading",
    "full story",
    "lire la suite",
    "lire plus",
    "suite",
    "weiterlesen",
    "mehr",
    "leer más",
    "seguir leyendo",
    "leggi di più",
    "continua a leggere",
    "leia mais",
    "lees meer",
    "verder lezen",
    "czytaj dalej",
    "więcej",
)

# Labels that open a one-link "read also" line inside the article text.
READ_ALSO_LABELS = (
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "lire également",
    "voir aussi",
    "read also",
    "also read",
    "read more",
    "see also",
    "related",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "leggi anche",
    "leggi pure",
    "leia também",
    "leia mais",
    "veja também",
    "lees ook",
    "lees meer",
    "zie ook",
    "czytaj też",
    "czytaj także",
    "przeczytaj też",
    "zobacz też",
    "zobacz także",
    "te puede interesar",
    "lea también",
    "lee también",
    "ver también",
    "leer más",
    "lea más",
    "lea también",
    # One-word labels count only with their colon ("Lea: …"), a word alone opens prose.
    "lea:",
    "lee:",
    "leer:",
    "read:",
    "see:",
    "lire:",
    "voir:",
    "lesen:",
    "leggi:",
    "leia:",
    "lees:",
    "czytaj:",
    "zobacz:",
)

# class tokens of the short category label printed above a teaser title (whole words).
KICKER_TOKENS = (
    "kicker",
    "eyebrow",
    "dachzeile",
    "topline",
    "overline",
    "rubric",
    "rubrique",
    "category",
    "cat",
    "section-name",
    "label",
    "badge",
    "flag",
    "premium",
    "article-type",
    "nb",
    "rank",
    "number",
)

# class tokens of the element that holds a teaser's title (whole words or word ends).
TITLE_TOKENS = (
    "title",
    "ttl",
    "headline",
    "heading",
    "head",
    "hed",
    "titre",
    "titel",
    "titulo",
    "titolo",
    "tytul",
)

# class tokens of headings hidden from sighted readers: such a heading is not shown.
HIDDEN_TOKENS = ("screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "hidden", "offscreen")

# class/id tokens of site menus and the site footer: their links are navigation, even when
# they point to articles (mega-menus showing a few stories). Not "off-canvas": Drupal wraps
# every page in "dialog-off-canvas-main-canvas".
SITE_CHROME_TOKENS = (
    "menu-item",
    "main-menu",
    "primary-menu",
    "sub-menu",
    "mega-menu",
    "megamenu",
    "nav-menu",
    "navbar",
    "site-nav",
    "site-footer",
    "page-footer",
    "global-footer",
    "colophon",
)

# class tokens of a teaser's date, byline and counters: never its summary (whole words).
TEASER_META_TOKENS = (
    "byline",
    "author",
    "authors",
    "date",
    "time",
    "timestamp",
    "meta",
    "published",
    "updated",
    "credit",
    "caption",
    "source",
    "reading-time",
    "comment-count",
)

# class tokens of an element that titles a block, besides h1–h6 (whole words or word ends).
BLOCK_HEADING_TOKENS = (
    "title",
    "heading",
    "header",
    "headline",
    "label",
    "hed",
    "titre",
    "titel",
    "titulo",
    "titolo",
    "tytul",
)

# Hosts of social networks: links there are follow/share buttons, never article teasers.
SOCIAL_HOSTS = frozenset(
    {
        "facebook.com",
        "m.facebook.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "linkedin.com",
        "pinterest.com",
        "tiktok.com",
        "t.me",
        "telegram.me",
        "wa.me",
        "api.whatsapp.com",
        "vk.com",
        "threads.net",
        "bsky.app",
        "reddit.com",
        "flipboard.com",
        "news.google.com",
    }
)

# class tokens of a tab bar above a list, and the class words marking its selected tab.
TAB_TOKENS = ("tabs", "tablist", "tab-list", "nav-tabs", "tab-nav", "tabs-nav")
ACTIVE_TAB_WORDS = ("active", "is-active", "selected", "is-selected", "current", "on")
# Month names and abbreviations (lower-case) to month numbers, for dates written in text.
MONTH_NUMBERS = {
    **dict.fromkeys(
        ("january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari"), 1
    ),
    **dict.fromkeys(
        ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari"),
        2,
    ),
    **dict.fromkeys(("march", "mar", "märz", "mars", "marzo", "março", "maart", "mär"), 3),
    **dict.fromkeys(("april", "apr", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "maggio", "maio", "mei"), 5),
    **dict.fromkeys(("june", "jun", "juni", "juin", "junio", "giugno", "junho"), 6),
    **dict.fromkeys(("july", "jul", "juli", "juillet", "julio", "luglio", "julho"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout", "agosto", "augustus"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"), 10),
    **dict.fromkeys(("november", "nov", "novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(
        ("december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
        12,
    ),
    # Russian and Ukrainian write a date's month in the genitive ("15 августа 2016").
    **dict.fromkeys(("января", "січня"), 1),
    **dict.fromkeys(("февраля", "лютого"), 2),
    **dict.fromkeys(("марта", "березня"), 3),
    **dict.fromkeys(("апреля", "квітня"), 4),
    **dict.fromkeys(("мая", "травня"), 5),
    **dict.fromkeys(("июня", "червня"), 6),
    **dict.fromkeys(("июля", "липня"), 7),
    **dict.fromkeys(("августа", "серпня"), 8),
    **dict.fromkeys(("сентября", "вересня"), 9),
    **dict.fromkeys(("октября", "жовтня"), 10),
    **dict.fromkeys(("ноября", "листопада"), 11),
    **dict.fromkeys(("декабря", "грудня"), 12),
}

# Words joining the first day of a range to its last ("4. und 5. März", "3 to 5 May"),
# lower-case; the last day then belongs to an event, never to a byline.
DATE_RANGE_JOINERS = ("bis", "und", "and", "to", "till", "until", "au", "et", "al", "y", "e", "tot", "en")

# Words labelling the date an article was published, lower-case whole words.
PUBLISHED_LABELS = (
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "erstellt",
    "publié",
    "publicado",
    "pubblicato",
    "publicerad",
    "julkaistu",
    "opublikowano",
    "gepubliceerd",
)

# Labels of dates that are not the article's (a forum member's registration, a birthday),
# lower-case, as they end the text before the date.
OTHER_DATE_LABELS = (
    "registriert",
    "registriert seit",
    "mitglied seit",
    "dabei seit",
    "registered",
    "joined",
    "member since",
    "inscrit le",
    "inscrit depuis",
    "registrado",
    "geburtstag",
    "geboren",
    "born",
)

# class/id tokens of boxes that themes place inside the article's own content element:
# subscription and sharing widgets, paywall teasers, comment forms, credits, disclosures
# (whole words or word parts between "-": "newsletter" finds "newsletter-form__top-bar").
BOILERPLATE_TOKENS = (
    "newsletter",
    "newsletter-form",
    "newsletter-promo",
    "newsletter-signup",
    "paywall",
    "sharedaddy",
    "sd-sharing-enabled",
    "sd-social",
    "sd-rating",
    "jp-post-flair",
    "share-buttons",
    "social-share",
    "comment-form",
    "comment-item",
    "comment-respond",
    "kommentar",
    "kommentare",
    "image-copyright",
    "copyright",
    "editorial-disclosure",
    "disclosure",
    "affiliate-text",
    "ez-toc-container",
    "borlabscookie",
    "content-blocker",
)

# class prefixes of repeated paragraph containers that are no article cut into parts: reader
# comments, reviews, forum posts, teaser summaries.
SPLIT_BODY_EXCLUDED_TOKENS = (
    "comment",
    "reply",
    "review",
    "kommentar",
    "forum",
    "message",
    "teaser",
    "summary",
    "excerpt",
)

# Labels of a comment section, lower-cased; a body line that is one of them alone (with a
# count) is the section's tab or link, kept by trafilatura when the comments were dropped.
COMMENT_LABELS = (
    "comments",
    "comment",
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "comentarios",
    "comentários",
    "commenti",
    "reacties",
    "komentarze",
)

# Openings of a copyright notice line, lower-cased; "Copyright" needs a year or a sign after
# it to count ("Copyright ©2019 Dow Jones", "© Example 2019", "ⓒ 무단전재 및 재배포 금지").
COPYRIGHT_MARKS = ("copyright", "©", "ⓒ", "all rights reserved")

# Headings of teaser lists besides RELATED_HEADINGS, lower-cased, matched as a prefix of a
# short line of the body; with a colon they also open a one-line "read also" link.
TEASER_HEADINGS = (
    "mehr themen",
    "weitere themen",
    "weitere beiträge",
    "weitere aktuelle themen",
    "weitere artikel",
    "top-themen",
    "top themen",
    "zum weiterlesen",
    "schon gelesen",
    "das thema könnte dich auch interessieren",
    "das könnte dich auch interessieren",
    "das könnte dich interessieren",
    "das könnte sie interessieren",
    "le puede interesar",
    "le podría interesar",
    "vea también",
    "ver también",
    "puedes ver",
    "mire",
    "lee también",
    "más temas",
    "otras noticias",
    "you may also be interested",
    "more stories",
    "more articles",
    "recommended for you",
    "read next",
    "dowiedz się więcej",
    "przeczytaj także",
    "czytaj więcej",
)

# App state (the JSON a JavaScript framework embeds in a page; see appstate.py). Keys are
# compared lower-cased with "_" and "-" removed, so "published_at" matches "publishedat".
# Global variables that inline scripts assign the state to.
APP_STATE_VARIABLES = ("__APOLLO_STATE__", "__INITIAL_STATE__", "__PRELOADED_STATE__", "__NUXT__")
# Keys of page chrome around the article (menus, ads, settings, teasers of other stories):
# the search for the article's object does not go into them.
APP_STATE_CHROME_KEYS = frozenset(
    {
        "navigation", "nav", "menu", "menus", "header", "footer", "sidebar", "ads", "ad", "advert",
        "analytics", "tracking", "config", "settings", "translations", "i18n", "locale", "messages",
        "cookie", "cookies", "consent", "comments", "newsletter", "paywall", "breadcrumb", "breadcrumbs",
        "related", "relatedarticles", "recommended", "recommendations", "mostread", "popular", "teasers",
    }
)  # fmt: skip
# Keys whose values are never article text: identifiers, links, media, the page chrome, and
# the other fields of the article object (read by their own tables below).
APP_STATE_SKIPPED_KEYS = APP_STATE_CHROME_KEYS | frozenset(
    {
        "id", "uuid", "key", "slug", "url", "href", "link", "uri", "path", "src", "srcset", "canonical",
        "type", "typename", "__typename", "kind", "component", "name", "class", "classname", "style",
        "image", "images", "img", "media", "photo", "photos", "video", "videos", "thumbnail", "alt",
        "caption", "credit", "credits", "copyright", "embed", "attributes", "attrs", "props", "meta",
        "metadata", "seo", "og", "opengraph", "twitter", "tags", "categories", "category", "section",
        "sections", "topics", "keywords", "title", "headline", "seotitle", "heading",
    }
)  # fmt: skip
# Block types (a "type"/"_type"/"__typename" value, lower-cased) that hold no article text.
APP_STATE_SKIPPED_BLOCK_TOKENS = (
    "image", "photo", "picture", "gallery", "video", "audio", "podcast", "embed", "iframe", "tweet",
    "instagram", "social", "ad", "advert", "promo", "teaser", "related", "recommend", "newsletter",
    "subscribe", "paywall", "inline-link-list", "readmore", "read-more", "script",
)  # fmt: skip
# Keys of the article object's other fields, most specific first.
APP_STATE_TITLE_KEYS = ("headline", "title", "seotitle", "heading", "name")
APP_STATE_DESCRIPTION_KEYS = (
    "standfirst", "dek", "deck", "subheadline", "subtitle", "strapline", "description", "summary",
    "excerpt", "lead", "teaser", "abstract", "intro",
)  # fmt: skip
APP_STATE_AUTHOR_KEYS = ("authors", "author", "bylines", "byline", "writers", "writer", "creators", "creator")
APP_STATE_PUBLISHED_KEYS = (
    "datepublished", "publishedat", "publisheddate", "publishdate", "publicationdate", "firstpublished",
    "firstpublishedat", "published", "pubdate", "displaydate", "date", "createdat", "created",
)  # fmt: skip
APP_STATE_MODIFIED_KEYS = (
    "datemodified", "modifiedat", "updatedat", "lastmodified", "modifieddate", "updateddate", "modified",
    "updated", "lastpublishedat",
)  # fmt: skip
# Keys of a person object that hold the name, or its parts.
APP_STATE_PERSON_NAME_KEYS = ("name", "displayname", "fullname", "title", "byline")
# Keys of a person object that link to the author's profile page.
APP_STATE_PERSON_LINK_KEYS = ("url", "profileurl", "permalink", "href", "link", "path")
# Block types of whole paragraphs (a type containing a token, or equal to a tag name):
# their texts are paragraphs of their own, never runs joined into one.
APP_STATE_BLOCK_TYPE_TOKENS = ("paragraph", "heading", "block", "quote", "list", "section")
APP_STATE_BLOCK_TYPES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol"})
