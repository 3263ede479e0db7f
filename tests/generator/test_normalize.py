"""Stage 3 (normalize): each repair rule is fed the defect it exists for, and leaves clean input alone."""

from __future__ import annotations

import copy
from typing import Any

from generator.normalize import (
    RULES,
    dedupe_enum_values,
    drop_null_string_defaults,
    hoist_inline_response_schemas,
    retitle_duplicate_schema_titles,
    wrap_bare_webhook_events,
)


def test_every_rule_has_a_docstring() -> None:
    assert all(rule.__doc__ and rule.__doc__.strip() for rule in RULES)


def test_dedupe_enum_values_collapses_case_variants() -> None:
    doc: dict[str, Any] = {
        "components": {
            "schemas": {"P": {"type": "string", "enum": ["telnyx", "minimax", "Telnyx", "Minimax", "x", "x"]}}
        }
    }
    changes = dedupe_enum_values(doc)
    assert doc["components"]["schemas"]["P"]["enum"] == ["telnyx", "minimax", "x"]
    assert len(changes) == 3 and "'Minimax'" in " ".join(changes)


def test_dedupe_ignores_a_property_named_enum() -> None:
    doc: dict[str, Any] = {"properties": {"enum": ["a", "A"]}}
    assert dedupe_enum_values(doc) == []


def test_retitle_duplicate_titles_keeps_record_resume() -> None:
    pause = {"type": "object", "title": "Pause Recording Request", "properties": {"a": {"type": "string"}}}
    resume = {"type": "object", "title": "Pause Recording Request", "properties": {"b": {"type": "string"}}}
    doc: dict[str, Any] = {
        "components": {
            "schemas": {"PauseConferenceRecordingRequest": pause, "ResumeConferenceRecordingRequest": resume}
        }
    }
    changes = retitle_duplicate_schema_titles(doc)
    assert resume["title"] == "Resume Conference Recording Request"
    assert pause["title"] == "Pause Recording Request"
    assert len(changes) == 1


def test_identical_schemas_may_share_a_title() -> None:
    schema = {"type": "object", "title": "Same"}
    doc: dict[str, Any] = {"components": {"schemas": {"A": dict(schema), "B": dict(schema)}}}
    assert retitle_duplicate_schema_titles(doc) == []


def test_null_string_defaults_are_dropped() -> None:
    doc: dict[str, Any] = {
        "parameters": [
            {"schema": {"type": "string", "default": "null"}},
            {"schema": {"type": "string", "default": "x"}},
        ]
    }
    changes = drop_null_string_defaults(doc)
    assert "default" not in doc["parameters"][0]["schema"] and doc["parameters"][1]["schema"]["default"] == "x"
    assert len(changes) == 1


def _webhook_doc(event: dict[str, Any]) -> dict[str, Any]:
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/FloorEvent"}}}}
    return {"webhooks": {"floor": {"post": {"requestBody": body}}}, "components": {"schemas": {"FloorEvent": event}}}


def test_bare_webhook_event_gets_the_data_envelope() -> None:
    bare = {
        "type": "object",
        "title": "Floor",
        "properties": {"event_type": {"type": "string"}, "payload": {"type": "object"}},
    }
    doc = _webhook_doc(bare)
    changes = wrap_bare_webhook_events(doc)
    schemas = doc["components"]["schemas"]
    assert schemas["FloorEvent"]["properties"] == {"data": {"$ref": "#/components/schemas/Floor"}}
    assert schemas["Floor"]["properties"] == bare["properties"]
    assert schemas["FloorEvent"]["title"] != schemas["Floor"]["title"]
    assert len(changes) == 1


def test_enveloped_webhook_event_is_left_alone() -> None:
    doc = _webhook_doc({"type": "object", "properties": {"data": {"type": "object"}}})
    before = copy.deepcopy(doc)
    assert wrap_bare_webhook_events(doc) == [] and doc == before


def test_titled_inline_responses_are_hoisted_and_shared() -> None:
    schema = {"type": "object", "title": "Thing Response", "properties": {"data": {"type": "string"}}}

    def operation(op_id: str) -> dict[str, Any]:
        return {
            "operationId": op_id,
            "responses": {"200": {"content": {"application/json": {"schema": copy.deepcopy(schema)}}}},
        }

    doc: dict[str, Any] = {"paths": {"/a": {"get": operation("A")}, "/b": {"get": operation("B")}}}
    changes = hoist_inline_response_schemas(doc)
    assert doc["components"]["schemas"] == {"ThingResponse": schema}
    for path in ("/a", "/b"):
        media = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert media["schema"] == {"$ref": "#/components/schemas/ThingResponse"}
    assert len(changes) == 2
