"""WARC files beside the JSON Lines archive: every fetched request and response, raw.

Layout: ``ARCHIVE_DIR/warc/<YYYY-MM-DD>/<crawl_id>-<NNNNN>.warc.gz`` (one set per crawl,
rotated by size); a file being written ends in ``.part``. Each archive record names its
response's WARC file (``warc_file``: the file name, also its ``WARC-Filename``) and
``WARC-Record-ID`` (``warc_record_id``).
"""
