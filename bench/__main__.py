"""`python -m bench`: run the extraction benchmark (see bench/extraction.py)."""

from bench.extraction import main

raise SystemExit(main())
