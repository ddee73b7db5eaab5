# Two commands: `make run` and `make test`. Both create .venv on first use; `make run`
# installs only the app, `make test` adds the development tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
DEV_ENV := TENDING_DEBUG=1 TENDING_DEMO=1 TENDING_DATA_DIR=$(CURDIR)/data
TEST_ENV := TENDING_DATA_DIR=$(CURDIR)/.test-data

.PHONY: run test lint browser-test screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@ $(APP_STAMP)

run: $(APP_STAMP)
	$(DEV_ENV) $(BIN)/tending migrate --noinput
	$(DEV_ENV) $(BIN)/tending createcachetable
	$(DEV_ENV) $(BIN)/tending demo --if-missing
	@echo "Tending is running at http://127.0.0.1:8000 (demo log-ins are on the log-in page)"
	$(DEV_ENV) $(BIN)/tending worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/tending runserver 127.0.0.1:8000

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(TEST_ENV) $(BIN)/mypy
	$(TEST_ENV) $(BIN)/tending makemigrations --check --dry-run

test: lint
	$(TEST_ENV) $(BIN)/pytest -m "not browser" -q

browser-test: $(DEV_STAMP)
	$(TEST_ENV) $(BIN)/pytest -m browser -q --junitxml=test-artifacts/browser-tests.xml

# Refresh the README's screenshots in docs/screenshots: the demo couple's home on a phone
# (light and dark) and a desktop, the check-in and History (the browser tests alone never
# write there).
screenshots: $(DEV_STAMP)
	TENDING_UPDATE_SCREENSHOTS=1 $(TEST_ENV) $(BIN)/pytest -m browser -q \
		tests/browser/test_screenshots.py

clean:
	rm -rf $(VENV) .test-data
