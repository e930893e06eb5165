"""The crawl process only fetches, discovers links and archives: extraction runs in worker
processes. Whatever it imports stays resident for the whole crawl, so it must not import
the extraction code, the Redis client when the crawl has no Redis, nor aiohttp.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newscrawler.settings import EXTENSIONS
from tests.support.crawl import ROOT, run_crawl

NEVER_IMPORTED = frozenset(
    {
        # The extraction code and its libraries: the workers import them.
        "newscrawler.extraction.extractor",
        "trafilatura",
        "htmldate",
        "justext",
        "courlan",
        "babel",
        "fasttext",
        # Scrapy's RemoteControl extension imports it.
        "aiohttp",
        # No REDIS_URL in these crawls.
        "redis",
        # Nor rendering: the browser driver is loaded only by crawls that render.
        "playwright",
        "scrapy_playwright",
        # Not jsonschema: ValidateArticlePipeline checks each record in the crawl process.
    }
)


def test_configured_components_spiders_and_commands_import_none_of_them() -> None:
    code = (
        "import sys\n"
        "from tests.support.modules import import_crawl_components\n"
        "import_crawl_components()\n"
        "print('\\n'.join(sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert NEVER_IMPORTED & set(done.stdout.split()) == set()


def test_a_crawl_with_extraction_workers_imports_none_of_them(demo_url: str, tmp_path: Path) -> None:
    modules_file = tmp_path / "modules.txt"
    recorder = {**EXTENSIONS, "tests.support.modules.RecordImportedModules": 0}
    settings = {"EXTENSIONS": json.dumps(recorder), "RECORD_MODULES_FILE": str(modules_file)}
    crawl = run_crawl("site", tmp_path / "out", "-a", f"url={demo_url}", settings=settings)
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.records()
    assert crawl.stat("newscrawler/extraction/max_in_flight")  # the pages went to workers
    assert NEVER_IMPORTED & set(modules_file.read_text(encoding="utf-8").split()) == set()
