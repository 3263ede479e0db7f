"""Stage 3 (normalize): each repair rule is fed the defect it exists for, and leaves clean input alone."""

from __future__ import annotations

import copy
from typing import Any

from generator.normalize import (
    RULES,
    dedupe_enum_values,
    dedupe_operation_ids,
    drop_null_string_defaults,
    drop_required_only_variants,
    hoist_response_schemas,
    infer_temporal_formats,
    unique_model_names,
    wrap_bare_webhook_events,
)
from generator.plan import parse_with_engine


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


def _model(title: str | None, field: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {field: {"type": "string"}}}
    if title:
        schema["title"] = title
    return schema


def _uses(*keys: str) -> dict[str, Any]:
    """Operations that reference each component, so the engine parses them all."""
    paths = {}
    for key in keys:
        media = {"application/json": {"schema": {"$ref": f"#/components/schemas/{key}"}}}
        paths[f"/{key.lower()}"] = {
            "get": {"operationId": key, "responses": {"200": {"description": "ok", "content": media}}}
        }
    return paths


def _engine_accepts(doc: dict[str, Any]) -> None:
    parse_with_engine({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, **doc})


def test_unique_model_names_keeps_record_resume() -> None:
    pause, resume = _model("Pause Recording Request", "a"), _model("Pause Recording Request", "b")
    doc: dict[str, Any] = {
        "components": {
            "schemas": {"PauseConferenceRecordingRequest": pause, "ResumeConferenceRecordingRequest": resume}
        }
    }
    changes = unique_model_names(doc)
    assert resume["title"] == "Resume Conference Recording Request" and pause["title"] == "Pause Recording Request"
    assert len(changes) == 1


def test_a_component_whose_key_is_the_name_owns_it_and_retitling_never_repeats_a_taken_name() -> None:
    # the voice surface: a conference schema titled like the call schema that is keyed by that name
    conference = _model("Pause Recording Request", "conference")
    call = _model("Pause Recording Request", "call")
    doc: dict[str, Any] = {
        "components": {"schemas": {"PauseConferenceRecordingRequest": conference, "PauseRecordingRequest": call}}
    }
    unique_model_names(doc)
    assert call["title"] == "Pause Recording Request"
    assert conference["title"] == "Pause Conference Recording Request"
    doc["paths"] = _uses("PauseConferenceRecordingRequest", "PauseRecordingRequest")
    _engine_accepts(doc)


def test_equal_components_with_one_title_are_told_apart() -> None:
    doc: dict[str, Any] = {"components": {"schemas": {"A": _model("Same", "x"), "B": _model("Same", "x")}}}
    assert len(unique_model_names(doc)) == 1
    assert doc["components"]["schemas"]["B"]["title"] == "B"
    doc["paths"] = _uses("A", "B")
    _engine_accepts(doc)


def test_a_name_taken_twice_is_numbered() -> None:
    doc: dict[str, Any] = {
        "components": {"schemas": {"X": _model(None, "a"), "Y": _model("X", "b"), "Z": _model("X", "c")}}
    }
    unique_model_names(doc)
    titles = [doc["components"]["schemas"][k].get("title") for k in ("X", "Y", "Z")]
    assert titles == [None, "Y", "Z"]
    doc["components"]["schemas"]["W"] = _model("Y", "d")
    unique_model_names(doc)
    assert doc["components"]["schemas"]["W"]["title"] == "W"


def test_nested_inline_titles_are_shared_when_equal_and_numbered_when_not() -> None:
    owner = _model("Leg", "id")
    holder = {
        "type": "object",
        "properties": {"same": _model("Leg", "id"), "other": _model("Leg", "name")},
    }
    doc: dict[str, Any] = {"components": {"schemas": {"Leg": owner, "Holder": holder}}}
    changes = unique_model_names(doc)
    assert holder["properties"]["same"] == {"$ref": "#/components/schemas/Leg"}
    assert holder["properties"]["other"]["title"] == "Leg 2"
    assert len(changes) == 2
    doc["paths"] = _uses("Holder", "Leg")
    _engine_accepts(doc)


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
    changes = hoist_response_schemas(doc)
    assert doc["components"]["schemas"] == {"ThingResponse": schema}
    for path in ("/a", "/b"):
        media = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert media["schema"] == {"$ref": "#/components/schemas/ThingResponse"}
    assert len(changes) == 2


def test_responses_shared_through_components_responses_are_hoisted_once() -> None:
    """The layout of Telnyx's specs before June 2026: one response component used by many operations."""
    schema = {"type": "object", "title": "Command Response", "properties": {"data": {"type": "string"}}}
    shared = {"description": "ok", "content": {"application/json": {"schema": schema}}}

    def operation(op_id: str) -> dict[str, Any]:
        return {"operationId": op_id, "responses": {"200": {"$ref": "#/components/responses/CommandResponse"}}}

    doc: dict[str, Any] = {
        "paths": {"/a": {"post": operation("A")}, "/b": {"post": operation("B")}},
        "components": {"responses": {"CommandResponse": shared}},
    }
    changes = hoist_response_schemas(doc)
    assert changes == [
        "#/components/responses/CommandResponse: response schema -> #/components/schemas/CommandResponse"
    ]
    assert shared["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CommandResponse"}
    _engine_accepts(doc)


def test_a_different_response_shape_with_a_taken_title_gets_the_operation_name() -> None:
    def operation(op_id: str, field: str) -> dict[str, Any]:
        schema = {"type": "object", "title": "Reply", "properties": {field: {"type": "string"}}}
        return {"operationId": op_id, "responses": {"200": {"content": {"application/json": {"schema": schema}}}}}

    doc: dict[str, Any] = {"paths": {"/a": {"get": operation("A", "x")}, "/b": {"get": operation("B", "y")}}}
    hoist_response_schemas(doc)
    assert sorted(doc["components"]["schemas"]) == ["Reply", "ReplyB"]


def test_required_only_variants_of_a_body_are_dropped_and_its_fields_kept() -> None:
    body = {
        "type": "object",
        "properties": {"url": {"type": "string"}, "settings": {"type": "object"}},
        "anyOf": [{"required": ["url"]}, {"required": ["settings"]}],
    }
    shaped = {"type": "object", "properties": {}, "oneOf": [{"type": "object", "properties": {"a": {}}}]}
    doc: dict[str, Any] = {"components": {"schemas": {"Body": body, "Shaped": shaped}}}
    changes = drop_required_only_variants(doc)
    assert "anyOf" not in body and set(body["properties"]) == {"url", "settings"}
    assert "oneOf" in shaped  # a real union of shapes is not a constraint
    assert changes == ["#/components/schemas/Body: dropped anyOf of required-only variants (url | settings)"]


def test_duplicate_operation_ids_are_told_apart_by_verb_then_number() -> None:
    def op(op_id: str) -> dict[str, Any]:
        return {"operationId": op_id, "responses": {}}

    doc: dict[str, Any] = {
        "paths": {"/a": {"get": op("Get"), "post": op("Get")}, "/b": {"post": op("Get")}, "/c": {"get": op("Other")}}
    }
    changes = dedupe_operation_ids(doc)
    ids = [doc["paths"][p][m]["operationId"] for p, m in (("/a", "get"), ("/a", "post"), ("/b", "post"), ("/c", "get"))]
    assert ids == ["Get", "GetPost", "GetPost2", "Other"]
    assert len(changes) == 2


def test_wildcard_media_types_become_json_or_bytes_by_their_schema() -> None:
    from generator.normalize import name_wildcard_media_types

    doc: dict[str, Any] = {
        "paths": {
            "/reports": {
                "post": {
                    "requestBody": {"content": {"*/*": {"schema": {"type": "object"}}}},
                    "responses": {"200": {"content": {"*": {"schema": {"type": "string", "format": "binary"}}}}},
                }
            }
        }
    }
    changes = name_wildcard_media_types(doc)
    operation = doc["paths"]["/reports"]["post"]
    assert list(operation["requestBody"]["content"]) == ["application/json"]
    assert list(operation["responses"]["200"]["content"]) == ["application/octet-stream"]
    assert len(changes) == 2


def test_a_string_redeclared_without_a_format_in_an_all_of_takes_the_other_parts_format() -> None:
    from generator.normalize import align_all_of_formats

    base = {"allOf": [{"properties": {"ip_id": {"type": "string", "format": "uuid"}}}]}
    update = {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"ip_id": {"type": "string"}}}]}
    doc: dict[str, Any] = {"components": {"schemas": {"Base": base, "Update": update}}}
    changes = align_all_of_formats(doc)
    assert update["allOf"][1]["properties"]["ip_id"] == {"type": "string", "format": "uuid"}
    assert len(changes) == 1
    doc["paths"] = _uses("Update")
    _engine_accepts(doc)


def test_object_variants_of_a_top_level_union_become_components() -> None:
    from generator.normalize import hoist_union_variants

    stats = {"oneOf": [{"type": "array", "items": {"type": "object"}}, {"type": "object", "properties": {"audio": {"type": "object", "properties": {"level": {"type": "number"}}}}}]}  # fmt: skip
    doc: dict[str, Any] = {"components": {"schemas": {"Stats": stats}}}
    changes = hoist_union_variants(doc)
    assert stats["oneOf"][1] == {"$ref": "#/components/schemas/StatsVariant2"}
    assert "audio" in doc["components"]["schemas"]["StatsVariant2"]["properties"]
    assert len(changes) == 1
    doc["paths"] = _uses("Stats")
    _engine_accepts(doc)


def test_the_data_of_a_success_envelope_is_required() -> None:
    from generator.normalize import require_envelope_data

    envelope = {"type": "object", "properties": {"data": {"type": "object"}}}
    failure = {"type": "object", "properties": {"data": {"type": "object"}}}
    doc: dict[str, Any] = {
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Env"}}}},
                        "422": {"content": {"application/json": {"schema": failure}}},
                    }
                }
            }
        },
        "components": {"schemas": {"Env": envelope}},
    }
    assert len(require_envelope_data(doc)) == 1
    assert envelope["required"] == ["data"] and "required" not in failure
    assert require_envelope_data(doc) == []  # already required: nothing to repair


def test_string_fields_whose_examples_are_rfc_3339_get_the_date_time_or_date_format() -> None:
    fields: dict[str, Any] = {
        "created_at": {
            "type": "string",
            "description": "Creation time (ISO 8601)",
            "example": "2019-01-23T18:10:02.574Z",
        },
        "day": {"type": ["string", "null"], "examples": ["2024-02-29"]},
        "offset": {"type": "string", "example": "2019-01-23T18:10:02+01:00"},
        "prose_only": {"type": "string", "description": "An ISO 8601 timestamp"},
        "duration": {"type": "string", "description": "ISO 8601 duration", "example": "PT5M"},
        "no_offset": {"type": "string", "example": "2019-01-23T18:10:02"},
        "not_a_day": {"type": "string", "example": "2019-02-30"},
        "mixed": {"type": "string", "examples": ["2019-01-23T18:10:02Z", "soon"]},
        "uuid": {"type": "string", "format": "uuid", "example": "2019-01-23"},
        "example": {"type": "object", "example": {"type": "string", "example": "2019-01-23"}},
    }
    parameter = {"name": "since", "in": "query", "schema": {"type": "string", "example": "2019-03-29T11:10:00Z"}}
    doc: dict[str, Any] = {
        "paths": {"/things": {"get": {"operationId": "ListThings", "parameters": [parameter]}}},
        "components": {"schemas": {"Thing": {"type": "object", "properties": fields}}},
    }
    changes = infer_temporal_formats(doc)
    formats = {name: field.get("format") for name, field in fields.items()}
    assert formats == {
        "created_at": "date-time",
        "day": "date",
        "offset": "date-time",
        "prose_only": None,
        "duration": None,
        "no_offset": None,
        "not_a_day": None,
        "mixed": None,
        "uuid": "uuid",
        "example": None,
    }
    assert fields["example"]["example"] == {"type": "string", "example": "2019-01-23"}  # an example value, not a schema
    assert parameter["schema"]["format"] == "date-time"
    assert len(changes) == 4 and all("RFC 3339" in change for change in changes)
    assert infer_temporal_formats(doc) == []
