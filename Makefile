# telnyx-conferencing: every target works from a fresh clone with only Python 3.11, make and pip.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UPSTREAM ?= ../shared/telnyx-openapi/spec3.yml
# The official SDK, measured side by side by `make bench` from a venv of its own.
PEER := bench/.venv-peer
OFFICIAL_SDK := telnyx[webhooks]==4.189.0
PEER_STAMP := $(PEER)/.installed-4.189.0

# The lowest allowed runtime versions (from pyproject.toml's >= bounds), in a venv of their own.
MIN_VENV := .venv-min
MIN_PY := $(MIN_VENV)/bin/python
MIN_STAMP := $(MIN_VENV)/.installed
MIN_TESTS := tests/runtime tests/webhooks tests/cli/test_errors.py tests/cli/test_cli_hardening.py \
  tests/cli/test_cli_key_never_leaks.py --ignore=tests/webhooks/test_webhook_template.py  # no generator deps here

.PHONY: install generate check-generated test test-slow lint bench clean contract contract-selfcheck drift drift-voice demo min-versions

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (set PYTHON=...)"; exit 2; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev,sandbox]"
	@touch $(STAMP)

generate: install
	$(PY) -m generator --spec spec/openapi.yaml --out generated

check-generated: install
	$(PY) -m generator --spec spec/openapi.yaml --check generated

test: install check-generated
	$(PY) -m pytest

# Tests over a minute each (the whole Telnyx API built, imported, linted and type-checked); CI runs them too.
test-slow: install
	$(PY) -m pytest -m slow

contract: install
	$(PY) -m pytest tests/contract/test_operations.py tests/contract/test_webhooks.py tests/contract/test_selfcheck.py

contract-selfcheck: install
	$(PY) -m pytest tests/contract/test_selfcheck.py

# `make drift` checks the product surface; `make drift SURFACE=voice` (or `make drift-voice`) another one.
drift: install
	$(PY) -m generator.drift --upstream $(UPSTREAM) $(if $(SURFACE),--surface $(SURFACE))

drift-voice:
	$(MAKE) drift SURFACE=voice

bench: install
	@test -f $(PEER_STAMP) || { { test -x $(PEER)/bin/python || $(PYTHON) -m venv $(PEER); } \
	  && $(PEER)/bin/python -m pip install --quiet --disable-pip-version-check "$(OFFICIAL_SDK)" \
	  && touch $(PEER_STAMP); } || echo "bench: could not install $(OFFICIAL_SDK); the official SDK column shows n/a"
	UPSTREAM=$(UPSTREAM) $(PY) -m bench

# Installs once (again only when pyproject.toml or constraints.txt change), then runs a quick subset.
min-versions: $(MIN_STAMP)
	$(MIN_PY) -m pytest -x $(MIN_TESTS)

$(MIN_STAMP): pyproject.toml constraints.txt .ci/min_constraints.py Makefile
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (set PYTHON=...)"; exit 2; }
	@test -x $(MIN_PY) || $(PYTHON) -m venv $(MIN_VENV)
	$(PYTHON) .ci/min_constraints.py sandbox > $(MIN_VENV)/constraints-min.txt
	$(MIN_PY) -m pip install --quiet --disable-pip-version-check -c $(MIN_VENV)/constraints-min.txt \
	  -e ".[sandbox]" pytest pytest-asyncio hypothesis
	@$(MIN_PY) -m pip freeze --disable-pip-version-check | grep -iE '^(httpx|attrs|python-dateutil|pynacl|click|starlette|uvicorn|jsonschema)=='
	@touch $(MIN_STAMP)

# The API reference into site/ (mkdocs.yml says why MkDocs); --strict turns any warning into a failure.
.PHONY: docs
docs: install
	DISABLE_MKDOCS_2_WARNING=true $(VENV)/bin/mkdocs build --strict --site-dir site

demo: install
	$(PY) demo/run.py

lint: install
	$(VENV)/bin/ruff check generator tests bench demo docs examples generated overlays/lib
	$(VENV)/bin/ruff format --check generator tests bench demo docs examples generated overlays/lib
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(MIN_VENV)
