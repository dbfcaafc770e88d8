# Two commands for a fresh machine:
#   make run   installs everything, builds the store, starts the app
#   make test  installs what the tests need (Chromium included) and runs them
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= data/esscope.duckdb
PORT ?= 8501

.PHONY: run test install install-test browser store bench bundles clean

run: install store
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

# Two workers share the machine's cores (the store is built once for both); the slowest tests are listed.
test: install-test browser
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=15 $(PYTEST_ARGS)

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# Debian's Chromium for the end-to-end tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

store: $(DB)

$(DB): $(wildcard data/*.csv data/programmes/*.csv) esscope/schema.sql esscope/build.py esscope/geography.py | $(VENV)/.installed
	$(BIN)/esscope build --db $(DB)

bench: install
	$(BIN)/python benchmarks/bench_build.py

# The shared real programmes' events rewritten as bundles (facts only) after the reader changes, each with
# the edition and région of its reference; `esscope build` loads them.
bundles: install store
	for f in ../shared/programmes/*.txt; do \
		set -- $$($(BIN)/python -c "import json, sys; g = json.load(open(sys.argv[1])); print(g['edition'], g['region'])" "$${f%.txt}.gold.json"); \
		$(BIN)/esscope bundle "$$f" --edition $$1 --region $$2 --db $(DB); \
	done

clean:
	rm -rf $(VENV) $(DB) test-output
