# newscrawler: the README's commands. `make crawl` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
URL ?=
BENCH_PAGES ?= 20000
ARCHIVE_DIR ?= output

.PHONY: setup setup-dev crawl test lint typecheck unit bench system-deps clean

# Idempotent and fast when nothing changed: each stamp is rebuilt only when its
# requirements file is newer.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-stamp: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements-dev.txt requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime-stamp

setup-dev: setup $(VENV)/.dev-stamp

# Services and programs the tests use (Redis, Chromium): Debian packages, installed once.
system-deps:
	@bash scripts/system-deps.sh

crawl: setup
ifeq ($(strip $(URL)),)
	$(PY) -m demo.crawl --archive-dir $(ARCHIVE_DIR)
else
	$(VENV)/bin/scrapy crawl article -a url="$(URL)" -s ARCHIVE_DIR=$(ARCHIVE_DIR)
endif

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup-dev
	$(VENV)/bin/mypy

unit: setup-dev system-deps
	$(VENV)/bin/pytest

test: lint typecheck unit

# Extraction beside trafilatura on the corpora, then crawl figures on generated sites.
# BENCH_PAGES sizes the throughput crawl (20,000 pages, all four runs: about 35 minutes on 2 cores).
bench: setup-dev system-deps
	$(PY) -m bench
	$(PY) -m bench.crawls
	$(PY) -m bench.throughput --pages $(BENCH_PAGES)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
