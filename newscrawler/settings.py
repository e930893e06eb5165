"""newscrawler's Scrapy settings: only what differs from Scrapy's defaults, by concern.

Project settings carry the ``NEWSCRAWLER_`` prefix; ``ARCHIVE_DIR`` and ``STATE_DIR`` are
named as users know them from the README.
"""

from scrapy.settings import default_settings

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"
COMMANDS_MODULE = "newscrawler.commands"

# --- Identity and politeness ---------------------------------------------------------
NEWSCRAWLER_CONTACT_URL = "https://github.com/newscrawler/newscrawler"
USER_AGENT = f"newscrawler/0.1 (+{NEWSCRAWLER_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Outputs of one callback handled at once. Scrapy 2.19 starts this many asyncio tasks for
# every callback's output, however short: at its default of 100 that was a fifth of a site
# crawl's main-process time (a page yields one record and its links).
CONCURRENT_ITEMS = 16
DOWNLOAD_DELAY = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
# Scrapy starts at 5 s between requests until it has measured latencies; the crawl then
# settles at what the server sustains, so a shorter start is still polite.
AUTOTHROTTLE_START_DELAY = 0.5

# Robots.txt Crawl-delay above this many seconds is capped.
NEWSCRAWLER_MAX_CRAWL_DELAY = 30.0

# --- Sites ---------------------------------------------------------------------------
# The sites configuration read by `scrapy crawl site -a site=NAME|all` and `scrapy schedule`.
NEWSCRAWLER_SITES_FILE = "sites.yaml"

# --- Safety limits -------------------------------------------------------------------
# The README's "Reliability" section lists every limit with its safe default.
DOWNLOAD_TIMEOUT = 30
# Pages larger than this are not news articles; refusing them bounds memory. Scrapy applies
# it to the decompressed size too (gzip, brotli, zstd bombs).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
# A Retry-After longer than this many seconds is cut to it.
NEWSCRAWLER_MAX_RETRY_AFTER = 60.0
# Seconds one page's extraction may take before it is skipped as ExtractionTimeout.
NEWSCRAWLER_EXTRACTION_TIMEOUT = 10.0
# Extraction worker processes (off the reactor thread, so downloads go on meanwhile);
# None means one per core, 0 extracts in the crawl process.
NEWSCRAWLER_EXTRACTION_WORKERS = None
# A worker whose memory (RSS, MB) stays above this after a page is replaced by a fresh
# one, so a long crawl's memory stays flat whatever its pages; 0 never replaces. A warm
# worker holds 62 MB on average after its pages, 71 at most (five passes over the dev
# corpora); a replacement costs ~1.5 s, so the limit leaves room for its caches to fill.
NEWSCRAWLER_EXTRACTION_WORKER_MAX_MB = 100
# Bytes of responses (with the items made from them) the scraper holds before the engine
# stops downloading (Scrapy's default is 5 MB). Pages waiting for a worker are held
# decoded, several times their size: two workers need a few queued, not eighty.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
# Links and redirects to loopback, private and link-local addresses are refused unless the
# user gave that origin; True allows private networks (never metadata endpoints).
NEWSCRAWLER_ALLOW_PRIVATE_TARGETS = False

# --- Components ----------------------------------------------------------------------
# RemoteControl (Scrapy 2.19) serves an HTTP endpoint that runs Python inside the crawler,
# and the telnet console does the same over telnet: an archiving crawler needs neither.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
# RemoteControl's module imports aiohttp (~10 MB, resident for the whole crawl) before it
# reads REMOTE_CONTROL_ENABLED, so it is also left out of Scrapy's default extensions.
# Not disabled with None in EXTENSIONS: Scrapy imports every class named there, those set
# to None included (scrapy/scrapy#7820).
EXTENSIONS_BASE = {
    path: order
    for path, order in default_settings.EXTENSIONS_BASE.items()
    if path != "scrapy.extensions.remote_control.RemoteControl"
}

DOWNLOADER_MIDDLEWARES = {
    # First of all, before OffsiteMiddleware (50) and RobotsTxtMiddleware (100): no
    # request, robots.txt included, reaches a refused address.
    "newscrawler.middlewares.targets.TargetGuardMiddleware": 40,
    # After RobotsTxtMiddleware (100), so robots.txt responses are seen.
    "newscrawler.middlewares.crawldelay.CrawlDelayMiddleware": 110,
    # On the download side of RetryMiddleware (550): waits before it retries.
    "newscrawler.middlewares.retryafter.RetryAfterMiddleware": 560,
    # On the download side of RedirectMiddleware (600): sees each 3xx first.
    "newscrawler.middlewares.redirects.RedirectGuardMiddleware": 610,
    # Before anything is fetched: drops requests for articles not due for a re-check.
    "newscrawler.middlewares.incremental.IncrementalFetchMiddleware": 120,
    # After robots.txt and the revisit policy: only pages really fetched spend the budget.
    "newscrawler.middlewares.budget.PageBudgetMiddleware": 130,
    # 620: above HttpCompressionMiddleware (590), so the WARC gets the body as sent, still
    # content-encoded; above RedirectMiddleware (600), so redirects are archived too.
    "newscrawler.warc.middleware.WarcWriterMiddleware": 620,
}

ITEM_PIPELINES = {
    "newscrawler.pipelines.extract.ExtractArticlePipeline": 100,
    "newscrawler.pipelines.normalize.NormalizeArticlePipeline": 200,
    "newscrawler.pipelines.validate.ValidateArticlePipeline": 300,
    "newscrawler.pipelines.dedupe.DropDuplicateArticlePipeline": 400,
    "newscrawler.pipelines.revision.AssignRevisionPipeline": 450,
    "newscrawler.pipelines.archive.WriteArchivePipeline": 900,
}

# --- Author pages ------------------------------------------------------------------
# An author with a profile page on the site and no bio on the article gets the bio read
# from the profile (fetched once per crawl, politely, kept in the crawl state).
NEWSCRAWLER_AUTHOR_PAGES = True
# Days a profile read stays good for later crawls before it is fetched again.
NEWSCRAWLER_AUTHOR_PAGE_MAX_AGE = 30

# --- Archive -------------------------------------------------------------------------
ARCHIVE_DIR = "output"
# Write ``.jsonl.gz`` instead of ``.jsonl``.
NEWSCRAWLER_ARCHIVE_GZIP = False
# fsync after each line: survives a power cut, not only a killed process; slower.
NEWSCRAWLER_ARCHIVE_FSYNC = False

# --- WARC (newscrawler/warc) ----------------------------------------------------------
# Every request and response also goes into ARCHIVE_DIR/warc/<day>/<crawl_id>-NNNNN.warc.gz.
NEWSCRAWLER_WARC_ENABLED = True
# A WARC file is rotated once it reaches this many bytes (1 GiB, the usual archive size).
NEWSCRAWLER_WARC_MAX_SIZE = 1024**3

# --- Rendering with Chromium (newscrawler/render) ----------------------------------------
# Off unless a site of the sites file says `render: true|auto` or a run gives
# `-a render=1|auto`; only article pages are rendered, in Debian's Chromium.
# Pages open in the browser at once.
NEWSCRAWLER_RENDER_CONCURRENCY = 2
# Seconds a page may take to load in the browser before it is skipped as render_timeout.
NEWSCRAWLER_RENDER_TIMEOUT = 20.0
# The browser is closed and started afresh after this many pages (its memory grows);
# 0 never restarts it.
NEWSCRAWLER_RENDER_RESTART_AFTER = 200
# Path of the Chromium executable; None looks for `chromium` on PATH.
NEWSCRAWLER_CHROMIUM = None

# --- Periodic crawls ----------------------------------------------------------------
# The crawl state (SQLite file; Redis when REDIS_URL is set): what was archived, when to
# look again.
STATE_DIR = "state"
# Articles are re-checked for edits during this many days after first sight…
NEWSCRAWLER_REVISIT_WINDOW_DAYS = 7.0
# …at growing intervals (half the article's age), never sooner than this many seconds.
NEWSCRAWLER_REVISIT_MIN_INTERVAL = 3600.0

# --- Scaling out on Redis --------------------------------------------------------------
# Set REDIS_URL (redis://host:6379/0) to share the frontier, dedup and crawl state of
# every worker started with the same spider and arguments.
REDIS_URL = None
SCHEDULER = "newscrawler.frontier.scheduler.FrontierScheduler"
# Without Redis or JOBDIR, pending requests wait on disk, not in memory (a 20,000-article
# sitemap is ~60 MB of Request objects), in a temporary directory under this one
# (default: the system's), removed when the crawl ends.
NEWSCRAWLER_QUEUE_ON_DISK = True
NEWSCRAWLER_QUEUE_DIR = None
NEWSCRAWLER_REDIS_PREFIX = "newscrawler"
# Name of the shared frontier; by default derived from the spider and its arguments.
NEWSCRAWLER_FRONTIER = None
# A worker silent for this many seconds is dead: its requests go back to the queue.
NEWSCRAWLER_WORKER_HEARTBEAT_TIMEOUT = 30.0
# A worker idle this long (and with no other worker busy) stops.
NEWSCRAWLER_IDLE_TIMEOUT = 30.0

# --- Validation ----------------------------------------------------------------------
# Records whose body has fewer characters are dropped as not articles; a page the site's
# feed or news sitemap lists as an article keeps a shorter body (a news flash).
NEWSCRAWLER_MIN_BODY_CHARS = 250
NEWSCRAWLER_MIN_LISTED_BODY_CHARS = 80

# --- Runtime -------------------------------------------------------------------------
# The crawl process gives large freed blocks back to the OS (glibc; newscrawler/heap.py)
# instead of keeping them as heap holes (the workers trim their heap after each page).
NEWSCRAWLER_RETURN_FREED_MEMORY = True
EXTENSIONS = {
    "newscrawler.extensions.heap.ReturnFreedMemory": 0,
    # Switches itself off unless the crawl renders (newscrawler.render.auto).
    "newscrawler.render.auto.RenderEmptyPages": 0,
}
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
