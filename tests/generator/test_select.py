"""Stage 2 (select): the conferencing surface is chosen by rule, with everything it references."""

from __future__ import annotations

from typing import Any

import pytest

from generator.errors import BuildError
from generator.select import is_surface_path, is_surface_webhook, select_surface


def op(ref: str | None = None) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": ref}}} if ref else {}
    return {"post": {"operationId": "x", "responses": {"200": {"description": "ok", "content": content}}}}


def test_path_and_webhook_rules() -> None:
    assert is_surface_path("/conferences")
    assert is_surface_path("/conferences/{id}/actions/join")
    assert is_surface_path("/calls/{call_control_id}/actions/enqueue")
    assert is_surface_path("/calls/{call_control_id}/actions/leave_queue")
    assert not is_surface_path("/calls/{call_control_id}/actions/answer")
    assert not is_surface_path("/conferencesx")
    assert is_surface_webhook("conferenceCreated") and is_surface_webhook("callEnqueued")
    assert not is_surface_webhook("callAnswered")


def test_keeps_only_the_surface_and_its_referenced_components() -> None:
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "security": [{"bearer": []}],
        "paths": {"/conferences": op("#/components/schemas/A"), "/messages": op("#/components/schemas/M")},
        "webhooks": {"conferenceEnded": op("#/components/schemas/B"), "messageSent": op()},
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"c": {"$ref": "#/components/schemas/C"}}},
                "B": {"type": "string"},
                "C": {"type": "string"},
                "M": {"type": "string"},
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "other": {"type": "http"}},
        },
    }
    selected = select_surface(doc)
    assert list(selected["paths"]) == ["/conferences"]
    assert list(selected["webhooks"]) == ["conferenceEnded"]
    assert sorted(selected["components"]["schemas"]) == ["A", "B", "C"]
    assert list(selected["components"]["securitySchemes"]) == ["bearer"]


def test_dangling_component_ref_is_an_error() -> None:
    doc = {"paths": {"/conferences": op("#/components/schemas/Gone")}, "components": {"schemas": {}}}
    with pytest.raises(BuildError, match="does not exist"):
        select_surface(doc)


def test_a_spec_without_conferences_is_an_error() -> None:
    with pytest.raises(BuildError, match="no conferencing operations"):
        select_surface({"paths": {"/messages": op()}})


def test_duplicate_operation_ids_are_an_error() -> None:
    doc = {"paths": {"/conferences": op(), "/conferences/{id}": op()}}
    with pytest.raises(BuildError, match="operationId 'x' is used by"):
        select_surface(doc)
