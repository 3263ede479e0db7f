"""Render a minimal spec fragment into a temp dir and run code against the package it produces.

Templates have branches today's spec/ never reaches; these helpers let a test write the smallest
spec that reaches one, build it with the real generator, and drive the result in a fresh interpreter
(the package name is fixed, so it cannot share this process with the installed one)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.build import build
from tests.conftest import PROJECT
from tests.processes import run

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reply"}}}}}
REPLY = {"type": "object", "title": "Reply", "properties": {"data": {"type": "object", "properties": {}}}}


def operation(operation_id: str, **fields: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "summary": operation_id, "responses": OK, **fields}


def body(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def document(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "fragment", "version": "1"},
        "servers": [{"url": "https://api.telnyx.com/v2"}],
        "paths": paths,
        "components": {"schemas": {"Reply": REPLY, **(schemas or {})}},
    }


def render(tmp_path: Path, doc: dict[str, Any]) -> Path:
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    build(spec, out)
    return out


PRELUDE = """
import json, httpx
from telnyx_conferencing import Telnyx
SEEN = []
def handler(request):
    SEEN.append({"method": request.method, "url": str(request.url),
                 "body": json.loads(request.content) if request.content else None})
    return httpx.Response(200, json={"data": {}, "meta": {"total_pages": 1, "page_number": 1}})
client = Telnyx(api_key="KEY-fragment", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
def attempt(call):
    try:
        result = call()
        return {"ok": type(result).__name__, "sent": SEEN[-1] if SEEN else None}
    except Exception as exc:
        return {"error": type(exc).__name__, "message": str(exc), "sent": len(SEEN)}
    finally:
        SEEN.clear()
"""


def probe(out: Path, code: str) -> Any:
    """Run `code` (which sets `result`) with the fragment's package first on the path; return `result`."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out), str(PROJECT)])}
    script = PRELUDE + code + "\nprint('RESULT=' + json.dumps(result))\n"
    completed = run([sys.executable, "-c", script], env=env, cwd=out)
    assert completed.returncode == 0, completed.stderr
    line = next(line for line in completed.stdout.splitlines() if line.startswith("RESULT="))
    return json.loads(line.removeprefix("RESULT="))
