"""Running the sites of the sites file at their intervals (``scrapy schedule``).

Pure logic first: :mod:`backoff` (how long a failing site waits), :mod:`due` (which sites
to start now), :mod:`history` (``STATE_DIR/schedule.json``), :mod:`outcome` (what a finished
crawl did). Then the shell: :mod:`sitesfile` (reloading ``sites.yaml``), :mod:`process` (one
crawl as a ``scrapy crawl`` subprocess), :mod:`signals` (stop requests and wake-ups) and
:mod:`scheduler`, the loop that ties them together.
"""
