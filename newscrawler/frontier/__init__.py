"""A crawl frontier in Redis shared by many workers, with leases so no request is lost."""
