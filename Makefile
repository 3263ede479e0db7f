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

.PHONY: install generate check-generated test lint bench clean contract contract-selfcheck drift demo

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

contract: install
	$(PY) -m pytest tests/contract/test_operations.py tests/contract/test_webhooks.py tests/contract/test_selfcheck.py

contract-selfcheck: install
	$(PY) -m pytest tests/contract/test_selfcheck.py

drift: install
	$(PY) -m generator.drift --upstream $(UPSTREAM)

bench: install
	@test -f $(PEER_STAMP) || { { test -x $(PEER)/bin/python || $(PYTHON) -m venv $(PEER); } \
	  && $(PEER)/bin/python -m pip install --quiet --disable-pip-version-check "$(OFFICIAL_SDK)" \
	  && touch $(PEER_STAMP); } || echo "bench: could not install $(OFFICIAL_SDK); the official SDK column shows n/a"
	UPSTREAM=$(UPSTREAM) $(PY) -m bench

demo: install
	$(PY) demo/run.py

lint: install
	$(VENV)/bin/ruff check generator tests bench demo generated overlays/lib
	$(VENV)/bin/ruff format --check generator tests bench demo generated overlays/lib
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV)
