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

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

story: install
	$(BIN)/kessen story valley-of-the-end --seed $(SEED)

test: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/kessen/engine src/kessen/content src/kessen/errors.py src/kessen/players \
	    src/kessen/replay src/kessen/protocol src/kessen/storage
	url=$$(scripts/postgres-for-tests.sh) && \
	    KESSEN_TEST_POSTGRES_URL="$$url" $(BIN)/python -m pytest -n 2 -q

bench: install
	$(BIN)/python benchmarks/duels.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
