# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    install, seed the embedded engine when empty, serve http://127.0.0.1:8000/graphql
#   make test   install, lint, type-check (mypy) and run the whole test suite
#   make test-unit   the fast tier only (tests/unit, no engine), in seconds
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-unit lint bench clean chromium

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "graph_api needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The pages' npm assets, again whenever a page pins other versions.
$(VENV)/.assets: $(VENV)/.installed graph_api/npm.py graph_api/graphiql/__init__.py graph_api/verkenner/__init__.py
	$(BIN)/graph-api install-assets
	@touch $@

run: $(VENV)/.assets
	$(BIN)/graph-api serve --seed-if-empty

# The verkenner's browser tests: playwright-core from npm (pinned by its lock file, no browser
# download) drives Debian's chromium, installed here when missing and this is root on Debian.
VERKENNER_TESTS := tests/verkenner/node_modules/.package-lock.json
$(VERKENNER_TESTS): tests/verkenner/package-lock.json
	cd tests/verkenner && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

chromium:
	@command -v chromium >/dev/null || [ -n "$$GRAPH_API_CHROMIUM" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -qq chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; \
	  else echo "the browser tests need Debian's chromium: sudo apt-get install chromium, or set GRAPH_API_CHROMIUM"; exit 1; fi; }

# Two pytest-xdist workers: one runs every test on Neo4j, the other the rest (tests/conftest.py).
test: $(VENV)/.assets $(VERKENNER_TESTS) chromium
	$(BIN)/ruff check .
	$(BIN)/mypy graph_api
	$(BIN)/python -m pytest -n 2

# The fast tier: tests/unit needs no engine. --confcutdir keeps the suite's engine fixtures
# (tests/conftest.py) out of it; `make test` runs it with everything else.
test-unit: $(VENV)/.installed
	$(BIN)/python -m pytest tests/unit --confcutdir=tests/unit -q

bench: $(VENV)/.assets
	$(BIN)/python -m bench seed
	$(BIN)/python -m bench api

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache tests/verkenner/node_modules test-artefacts
