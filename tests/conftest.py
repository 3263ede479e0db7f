"""Shared test helpers: where the project's spec and Telnyx's upstream spec live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
# The regeneration drill points the contract suite at a changed copy of the spec.
SPEC = Path(os.environ.get("TELNYX_CONF_SPEC", PROJECT / "spec" / "openapi.yaml"))
UPSTREAM = PROJECT.parent / "shared" / "telnyx-openapi" / "spec3.yml"


@pytest.fixture(scope="session")
def upstream_spec() -> Path:
    if not UPSTREAM.exists():
        pytest.skip("../shared/telnyx-openapi/spec3.yml is not present")
    return UPSTREAM
