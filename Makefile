# The project's everyday commands. Each installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The demo workspace of `make run`: a SQLite file of its own, never your real workspace.
DEMO_DB := $(VENV)/demo.sqlite

.PHONY: run test lint format bench install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

## run: install, then try the product on its embedded default
run: $(STAMP)
	$(BIN)/passerelle check examples/memo-fr.md examples/memo-en.md || true
	$(BIN)/passerelle explain examples/memo-fr.md
	$(BIN)/passerelle --db $(DEMO_DB) demo --replace
	$(BIN)/passerelle --db $(DEMO_DB) review

## test: install, then run the whole test suite
test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: the benchmarks, printing figures and ratios against the named peers
bench: $(STAMP)
	$(BIN)/python bench/run.py
