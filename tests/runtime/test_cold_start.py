"""What a cold start loads: building a client and reaching a resource imports no model, no HTTP stack and none
of the stdlib modules the SDK defers (`python -m bench --only coldstart` times it; these tests pin the cause)."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from telnyx_conferencing._base_client import new_command_id
from telnyx_conferencing._qs import encode_segment
from telnyx_conferencing._response import ModelCast
from tests import processes

DEFERRED = (
    "attrs",  # with every model
    "httpx",  # with the first request
    "nacl",  # with the first webhook verified
    "dataclasses",
    "datetime",
    "json",
    "logging",
    "urllib.parse",
    "uuid",
    "telnyx_conferencing._pagination",
    "telnyx_conferencing.cli",
    "telnyx_conferencing.lowlevel",
    "telnyx_conferencing.webhooks",
)


def _modules_after(statement: str) -> set[str]:
    probe = f"import sys, telnyx_conferencing as t\n{statement}\nprint(' '.join(sorted(sys.modules)))\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}  # a base URL or TELNYX_LOG loads more
    return set(processes.run([sys.executable, "-c", probe], env=env, check=True).stdout.split())


@pytest.mark.parametrize("resource", ["conferences.actions", "calls.actions", "queues.calls"])
def test_reaching_a_resource_loads_no_model_and_no_deferred_module(resource: str) -> None:
    loaded = _modules_after(f"t.Telnyx(api_key='x').{resource}")
    assert {m for m in loaded if m in DEFERRED or m.startswith(tuple(d + "." for d in DEFERRED))} == set()


def test_a_model_cast_imports_its_model_with_the_first_body_it_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cold_start_probe_model.py").write_text(
        "class Probe:\n    @classmethod\n    def from_dict(cls, body):\n        return ('parsed', body)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "cold_start_probe_model", raising=False)
    cast: ModelCast[tuple[str, object]] = ModelCast("cold_start_probe_model", "Probe")
    assert "cold_start_probe_model" not in sys.modules
    assert cast({"data": 1}) == ("parsed", {"data": 1})
    assert "cold_start_probe_model" in sys.modules
    assert cast({"data": 2}) == ("parsed", {"data": 2})


def test_command_ids_are_random_version_4_uuids() -> None:
    ids = [new_command_id() for _ in range(200)]
    assert len(set(ids)) == 200
    for text in ids:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)


@given(st.text())
def test_a_path_id_is_encoded_exactly_as_quote_encodes_it(value: str) -> None:
    assert encode_segment(value) == quote(value, safe="")


@pytest.mark.parametrize("value", ["v3:MdI91X4lWFEs7IgbBEOT9M4Aig_Yw2axZ", "v2:T02llQ+xIyaRk/hfR==", "a b", "é", ""])
def test_the_fast_paths_of_path_ids_agree_with_quote(value: str) -> None:
    assert encode_segment(value) == quote(value, safe="")
