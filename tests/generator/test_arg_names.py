"""Argument names on a minimal spec fragment: the spec's `x-stainless-param` is the Python name where
present; a field named like a per-call option (`timeout`, `extra_body`) takes a trailing underscore;
a keyword takes the engine's name (`from_`); a builtin keeps its own (`format`)."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.build import prepare
from tests.generator.fragments import body, document, operation

ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
FIELDS = {
    "timeout": {"type": "integer", "x-stainless-param": "timeout_seconds"},
    "extra_body": {"type": "string"},
    "extra_headers": {"type": "string"},
    "from": {"type": "string"},
    "format": {"type": "string"},
}


def test_argument_names_avoid_the_per_call_options(tmp_path: Path) -> None:
    paths = {
        "/conferences/{id}/actions/dial": {"post": operation("DialCall", parameters=[ID], requestBody=body(FIELDS))}
    }
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(document(paths)), encoding="utf-8")
    plan = prepare(spec)[0]
    (op,) = [op for resource in plan.resources for op in resource.operations]
    names = {param.name: param.arg for param in op.params}
    assert names == {
        "timeout": "timeout_seconds",
        "extra_body": "extra_body_",
        "extra_headers": "extra_headers_",
        "from": "from_",
        "format": "format",
    }
