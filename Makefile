# vetplan: `make demo` serves the demo county; `make test` runs every check and test.
# Needs only Python 3.11, make and the package registries; everything else is installed here.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck migrations-check pytest-sqlite pytest-postgres browser postgres clean

install: $(STAMP) vetplan/static/vendor/.installed

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "vetplan needs Python 3.11, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

vetplan/static/vendor/.installed: scripts/fetch_assets.py
	$(BIN)/python scripts/fetch_assets.py
	touch $@

demo: install
	@bash scripts/ensure_system_packages.sh demo
	$(BIN)/vetplan demo

test: install browser postgres lint typecheck migrations-check pytest-sqlite pytest-postgres

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

migrations-check:
	$(BIN)/python scripts/check_migrations.py

pytest-sqlite:
	@echo "== pytest on SQLite"
	$(BIN)/pytest

pytest-postgres:
	@echo "== pytest on PostgreSQL (throwaway cluster)"
	$(BIN)/python scripts/with_postgres.py $(BIN)/pytest

browser:
	@bash scripts/ensure_system_packages.sh test

postgres:
	@bash scripts/ensure_postgres.sh

clean:
	rm -rf $(VENV) var vetplan/static/vendor .pytest_cache .mypy_cache .ruff_cache
