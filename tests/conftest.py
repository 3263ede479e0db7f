"""Shared test helpers: where the project's spec and Telnyx's upstream spec live."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SPEC = PROJECT / "spec" / "openapi.yaml"
UPSTREAM = PROJECT.parent / "shared" / "telnyx-openapi" / "spec3.yml"


@pytest.fixture(scope="session")
def upstream_spec() -> Path:
    if not UPSTREAM.exists():
        pytest.skip("../shared/telnyx-openapi/spec3.yml is not present")
    return UPSTREAM
