"""Project commands for the ``scrapy`` command line (``COMMANDS_MODULE``).

Scrapy imports every module here whenever it starts, ``scrapy crawl`` included: each
command imports the code it uses when it runs, not with its module, so that a crawl process
does not hold that code.
"""
