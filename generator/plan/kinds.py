"""Type mapping: the kind and Python annotation of a parameter, from the engine's parsed property."""

from __future__ import annotations

from typing import Any

from ..engine import property_kind


def enum_values(schema: dict[str, Any]) -> tuple[Any, ...]:
    values = schema.get("enum")
    if values is None:
        for variant in schema.get("anyOf") or schema.get("oneOf") or []:
            if isinstance(variant, dict) and variant.get("enum"):
                values = variant["enum"]
    return tuple(v for v in values or () if v is not None)


def scalar_hint(kind: str) -> str:
    return {
        "string": "str",
        "datetime": "datetime.datetime | str",
        "date": "datetime.date | str",
        "integer": "int",
        "number": "float",
        "boolean": "bool",
        "object": "Mapping[str, Any]",
        "file": "bytes | IO[bytes] | tuple[str, bytes]",
        "union": "Any",
        "any": "Any",
    }[kind]


def type_hint(prop: Any, schema: dict[str, Any]) -> tuple[str, str, tuple[Any, ...], str | None]:
    """Return (kind, annotation, enum values in spec order, item kind) for a facade argument."""
    kind = property_kind(prop)
    if kind == "enum":
        values = enum_values(schema) or tuple(sorted(prop.values, key=str))
        return kind, "Literal[" + ", ".join(repr(v) for v in values) + "]", values, None
    if kind == "array":
        inner = prop.inner_property
        item_schema = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        item_kind, item_hint, item_enum, _ = type_hint(inner, item_schema or {})
        return kind, f"SequenceNotStr[{item_hint}]", item_enum, item_kind
    return kind, scalar_hint(kind), (), None
