"""The sandbox's validation schemas come out of the plan as Python literals: shapes and values kept,
prose and provider-specific references left out, keys sorted."""

from __future__ import annotations

from generator.plan.route_schemas import validation_schema


def test_prose_formats_and_extensions_are_left_out_and_keys_sorted() -> None:
    schema = {
        "type": "string",
        "description": "words",
        "format": "uuid",
        "x-stainless-param": "id",
        "maxLength": 8,
        "maximum": 3,
        "enum": ["a", "b"],
    }
    assert list(validation_schema(schema).items()) == [
        ("enum", ["a", "b"]),
        ("maximum", 3),
        ("maxLength", 8),
        ("type", "string"),
    ]


def test_a_reference_is_any_value_and_a_oneof_holding_one_is_loosened() -> None:
    schema = {"oneOf": [{"$ref": "#/components/schemas/Provider"}, {"type": "object", "title": "Plain"}]}
    assert validation_schema(schema) == {"anyOf": [{}, {"type": "object"}]}
    assert validation_schema({"oneOf": [{"type": "string"}]}) == {"oneOf": [{"type": "string"}]}


def test_a_field_named_like_a_dropped_keyword_is_kept() -> None:
    schema = {"type": "object", "properties": {"format": {"type": "string", "format": "uuid"}, "title": {}}}
    assert validation_schema(schema)["properties"] == {"format": {"type": "string"}, "title": {}}
