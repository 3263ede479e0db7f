"""Typed object parameters: a query or body parameter whose schema is an object with properties becomes
a `TypedDict` of the spec's keys (`filter=` of `conferences.list` is `ConferencesListFilter`), as the
official SDK types it; nested objects become TypedDicts of their own.

Keys need not be identifiers (`outbound.outbound_voice_profile_id`, `from`), so the declarations use
the functional form `Name = TypedDict("Name", {...}, total=False)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine import pascal_case

__all__ = ["TypedDictDecl", "object_hint", "typed_dicts"]


@dataclass(frozen=True)
class TypedDictDecl:
    name: str
    fields: tuple[tuple[str, str, bool], ...]  # (key, annotation, required)


def _has_properties(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("properties"), dict) and bool(schema["properties"])


def object_hint(name: str, schema: dict[str, Any]) -> str | None:
    """The TypedDict that types this object parameter, or None when the spec lists no keys for it."""
    return name if _has_properties(schema) else None


def typed_dicts(name: str, schema: dict[str, Any]) -> list[TypedDictDecl]:
    """The declarations for an object parameter named `name`, nested ones first (they are referenced)."""
    if not _has_properties(schema):
        return []
    decls: list[TypedDictDecl] = []
    required = set(schema.get("required") or [])
    fields = []
    for key, sub in schema["properties"].items():
        fields.append(
            (str(key), _hint(f"{name}{pascal_case(str(key).replace('.', '_'))}", sub, decls), key in required)
        )
    decls.append(TypedDictDecl(name, tuple(fields)))
    return decls


def _hint(name: str, schema: Any, decls: list[TypedDictDecl]) -> str:
    if not isinstance(schema, dict):
        return "Any"
    if _has_properties(schema):
        decls.extend(typed_dicts(name, schema))
        return name
    enum = [value for value in schema.get("enum") or [] if value is not None]
    if enum:
        return "Literal[" + ", ".join(repr(value) for value in enum) + "]"
    kind = schema.get("type")
    if kind == "array":
        return f"SequenceNotStr[{_hint(name + 'Item', schema.get('items'), decls)}]"
    if kind == "string" and schema.get("format") in ("date-time", "date"):
        # quoted: a functional TypedDict evaluates its hints, and `datetime` is imported for the type checker only
        return '"str | datetime.' + ("datetime" if schema["format"] == "date-time" else "date") + '"'
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "object": "Mapping[str, Any]"}.get(
        str(kind), "Any"
    )
