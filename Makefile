# Two commands do everything (see README):
#   make story   installs Kessen and tells the Valley of the End
#   make test    installs what the tests need and runs them all
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SEED   ?= 7

.PHONY: story duel install install-test test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The install is editable, so the source is always what runs; pip runs again only when
# pyproject.toml changes (a stamp per extra), not on every `make story`.
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

story: install
	$(BIN)/kessen story valley-of-the-end --seed $(SEED)

test: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/kessen/engine src/kessen/content src/kessen/errors.py src/kessen/players \
	    src/kessen/replay src/kessen/protocol src/kessen/storage
	scripts/with-postgres.sh $(BIN)/python -m pytest -n 2

bench: install
	$(BIN)/python benchmarks/duels.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
	scripts/postgres-for-tests.sh stop
