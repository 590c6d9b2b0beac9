# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    install, seed the embedded engine when empty, serve http://127.0.0.1:8000/graphql
#   make test   install, lint, type-check (mypy) and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "graph_api needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/graph-api install-graphiql
	@touch $@

run: $(VENV)/.installed
	$(BIN)/graph-api serve --seed-if-empty

test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy graph_api
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python -m bench seed
	$(BIN)/python -m bench api

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
