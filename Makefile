# dossier: `make demo` sets everything up and builds the example corpus; `make test` runs the tests.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
STORY   := examples/gerd/html examples/gerd/text
DEMO_DB := build/demo.db

.PHONY: demo install test eval check lint typecheck bench browser-deps pg-deps clean lock

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p build
	$(BIN)/dossier build $(STORY) --db $(DEMO_DB)
	$(BIN)/dossier docs --db $(DEMO_DB)
	$(BIN)/dossier report --db $(DEMO_DB) --out build/demo-report.html
	@echo "store: $(DEMO_DB)   report: build/demo-report.html   app: $(BIN)/dossier serve --db $(DEMO_DB)"

# Chromium for the browser test comes from Debian (Playwright cannot download its own browser here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# PostgreSQL for the store tests and the bench (a throwaway server each run; tests/support/pgserver.py).
pg-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

test: install browser-deps pg-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

eval: install
	$(BIN)/python eval/run.py

# The gates CI runs after `make test`: ruff (bug rules), mypy --strict on src/, and the eval floors.
# Each fails closed (see eval/run.py); keep them green before landing on main.
lint: install
	$(BIN)/ruff check src eval tests

typecheck: install
	$(BIN)/mypy

check: lint typecheck eval

bench: install pg-deps
	$(BIN)/python bench/run.py

# Regenerate the hashed lock after editing requirements.in.
lock:
	$(BIN)/python -m pip install -q pip-tools
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf build $(VENV) *.egg-info
