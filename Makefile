# Two commands set everything up: `make run` and `make test`.
# Local settings come from a git-ignored .env (debug on, a random secret key, the site URL), written by
# `make install` when missing; `make run PORT=...` keeps its site URL on that port. The tests ignore it.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test install migrate demo static browser screenshots bench-search bench-search-quality bench-import bench-load bench-pages bench-finder wrk nginx test-multiserver test-redis lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)
	@$(BIN)/python -m portal.envfile --port $(PORT)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py load_demo_pages
	$(BIN)/python manage.py load_glossary

static: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: demo static
	@$(BIN)/python -m portal.envfile --port $(PORT) --update-port
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production-like on one machine: gunicorn (deploy/gunicorn.conf.py) with debug off. The secret key and
# anything else come from .env (the environment wins); these variables make it production-like on plain
# HTTP on loopback. Add e.g. DATABASE_URL or DJANGO_CACHE=redis://127.0.0.1:6379/1 to .env.
SERVE_ENV := DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 \
  DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0 DJANGO_SITE_URL=http://127.0.0.1:$(PORT)
serve: demo
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) exec $(BIN)/gunicorn --config deploy/gunicorn.conf.py

# Browser tests need Debian's chromium; installed here when missing (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "ERROR: chromium is missing and could not be installed (need root and Debian's package registry)."; exit 1; }; }

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The multi-server setup needs Debian's nginx; installed here when missing (never a downloaded build).
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  echo "Installing Debian's nginx for the multi-server test..."; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } \
	  || { echo "ERROR: nginx is missing and could not be installed (need root and Debian's package registry)."; exit 1; }; }

# Two gunicorn app servers behind nginx on one PostgreSQL (PG_URL_BASE) and one Redis (REDIS_URL).
REDIS_URL ?= redis://127.0.0.1:6379/1
test-multiserver: install nginx
	PORTAL_MULTISERVER=1 PORTAL_TEST_REDIS_URL=$(REDIS_URL) $(BIN)/python -m pytest tests/deploy -p no:randomly $(PYTEST_ARGS)

# The page cache, the content generation and the rate limits against the real Redis (REDIS_URL).
REDIS_TESTS ?= tests/content/test_pagecache.py tests/content/test_cache.py tests/faq tests/accounts/test_views.py
test-redis: install
	DJANGO_CACHE=$(REDIS_URL) $(BIN)/python -m pytest $(REDIS_TESTS) -m "not browser" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# 1,000 replicated ClinicalTrials.gov records into a scratch SQLite DB (and PostgreSQL
# `portal_bench_import` when DATABASE_URL is postgres), then a no-change re-import.
bench-import: install
	$(BIN)/python scripts/bench_import.py

# Search benchmark on a scratch database (never the dev or test one): SQLite by default;
# make bench-search BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench
# (BENCH_ARGS=--keep reuses the entries already built). Prints wall and CPU time per query.
BENCH_ITEMS ?= 100000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
bench-search: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_search --items $(BENCH_ITEMS) $(BENCH_ARGS)

# Trial finder benchmark on a scratch database (1,000 trials, 50,000 sites); PostgreSQL with
# make bench-finder BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench
# (BENCH_ARGS=--keep reuses the trials). Cold (after a content change) and warm, wall and CPU time.
bench-finder: install
	DJANGO_CACHE=locmem DJANGO_PAGE_CACHE=0 DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_finder --trials 1000 --sites 50000 $(BENCH_ARGS)

# Graded patient-style queries (tests/data/search_eval.json) over demo content + glossary, on a scratch
# SQLite file and a scratch PostgreSQL database (portal_bench_search_quality, or SEARCH_QUALITY_PG_DB, on
# SEARCH_QUALITY_PG_URL's server, default 127.0.0.1:5432): nDCG@5, MRR and zero-result queries per database. BENCH_ARGS=--verbose for every query.
bench-search-quality: install
	$(BIN)/python scripts/bench_search_quality.py $(BENCH_ARGS)

# PNGs of the main pages (desktop and phone, light and dark) in screenshots/, which git ignores.
# Uses a scratch SQLite database; `--docs` also refreshes the README images in docs/.
screenshots: install browser
	$(BIN)/python -m tests.browser.screenshots $(SCREENSHOT_ARGS)

# gunicorn on a scratch PostgreSQL database (portal_bench_load, dropped and re-created) under a 60 s
# mixed load from a second process. BENCH_RESTART=1 adds a run that restarts the local PostgreSQL
# (a shared server: never in CI or the test suite). Not part of `make test`.
BENCH_LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench_load
bench-load: install
	$(BIN)/python scripts/bench_load.py --database-url $(BENCH_LOAD_DATABASE_URL) $(if $(BENCH_RESTART),--restart-postgres)

# Every public page type through gunicorn (2 workers), cold and warm, on SQLite and on PostgreSQL + Redis,
# with the demo content plus BENCH_VOLUME generated items of each type (scratch databases only).
# make bench-pages BENCH_VOLUME=3000 BENCH_SECONDS=5 BENCH_PG_DB=portal_bench_pages BENCH_REDIS_URL=redis://127.0.0.1:6379/1
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "Installing Debian's wrk for bench-pages..."; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "ERROR: wrk is missing and could not be installed (need root and Debian's package registry)."; exit 1; }; }

bench-pages: install wrk
	$(BIN)/python scripts/bench_pages.py
