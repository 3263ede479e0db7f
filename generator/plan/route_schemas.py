"""The JSON schemas the sandbox validates a request against, as Python literals the route table prints.

Prose, examples and formats are left out (the sandbox checks shapes and values, not wording), a
``$ref`` to a provider-specific sub-schema becomes "any value", and a ``oneOf`` that holds one is
loosened to ``anyOf`` (an unknown variant may overlap a known one). Keys come out sorted, so the
table is stable whatever the spec's order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Param

__all__ = ["body_schema", "query_schema", "validation_schema"]

_DROPPED = frozenset(
    {
        "description",
        "example",
        "examples",
        "title",
        "default",
        "discriminator",
        "externalDocs",
        "deprecated",
        "readOnly",
        "writeOnly",
        "format",
    }
)


_NAME_MAPS = frozenset({"properties", "patternProperties"})


def _folded(item: tuple[Any, Any]) -> str:
    return str(item[0]).lower()


def validation_schema(node: Any) -> Any:
    """A schema (or any node inside one) without what the sandbox does not check."""
    if isinstance(node, dict):
        if "$ref" in node:
            return {}
        kept = {}
        for key, value in sorted(node.items(), key=_folded):
            if key in _DROPPED or str(key).startswith("x-"):
                continue
            refers = key == "oneOf" and any(isinstance(v, dict) and "$ref" in v for v in value)
            if key in _NAME_MAPS and isinstance(value, dict):  # keys are field names: a field `format` stays
                kept[key] = {name: validation_schema(sub) for name, sub in sorted(value.items(), key=_folded)}
            else:
                kept["anyOf" if refers else key] = validation_schema(value)
        return kept
    if isinstance(node, list | tuple):
        return [validation_schema(item) for item in node]
    return node


def _object(params: Iterable[Param]) -> dict[str, Any]:
    members = list(params)
    return {
        "type": "object",
        "properties": {p.name: validation_schema(p.schema) for p in members},
        "required": [p.name for p in members if p.required],
    }


def query_schema(params: Iterable[Param]) -> dict[str, Any]:
    """The query as one object: plain parameters by name, flattened deepObject members regrouped."""
    query = [p for p in params if p.location == "query"]
    properties = {p.name: validation_schema(p.schema) for p in query if not p.wire_group}
    for group in dict.fromkeys(p.wire_group for p in query if p.wire_group):
        properties[str(group)] = _object(p for p in query if p.wire_group == group)
    return {"type": "object", "properties": properties}


def body_schema(params: Iterable[Param]) -> dict[str, Any] | None:
    fields = [p for p in params if p.location == "body"]
    return _object(fields) if fields else None
