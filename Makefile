# Two commands: `make run` and `make test`. Both create .venv and install on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := TENDING_DEBUG=1 TENDING_DEMO=1 TENDING_DATA_DIR=$(CURDIR)/data

.PHONY: run test lint browser-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(DEV_ENV) $(BIN)/tending migrate --noinput
	$(DEV_ENV) $(BIN)/tending createcachetable
	$(DEV_ENV) $(BIN)/tending demo --if-missing
	@echo "Tending is running at http://127.0.0.1:8000 (demo log-ins are on the log-in page)"
	$(DEV_ENV) $(BIN)/tending runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	TENDING_DATA_DIR=$(CURDIR)/.test-data $(BIN)/mypy
	TENDING_DATA_DIR=$(CURDIR)/.test-data $(BIN)/tending makemigrations --check --dry-run

test: lint
	TENDING_DATA_DIR=$(CURDIR)/.test-data $(BIN)/pytest -m "not browser" -q

browser-test: $(STAMP)
	TENDING_DATA_DIR=$(CURDIR)/.test-data $(BIN)/pytest -m browser -q \
		--junitxml=test-artifacts/browser-tests.xml

clean:
	rm -rf $(VENV) .test-data
