"""The extraction core stays free of Scrapy, so benchmarks and tests can call it alone."""

from __future__ import annotations

import subprocess
import sys


def test_extraction_does_not_import_scrapy() -> None:
    code = "import sys, newscrawler.extraction; print('scrapy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
