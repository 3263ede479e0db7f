"""Stage 3, normalize: named repairs of known defects in Telnyx's spec, applied before the engine parses it.

Each rule is a function that takes the selected document, changes it in place and returns one line
per change (shown by ``--explain``). A rule that finds nothing to repair returns an empty list, so
running the defect rules on the project's own ``spec/`` changes nothing (only the
hoisting of shared response schemas applies to it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

Rule = Callable[[dict[str, Any]], list[str]]
_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every mapping in the document with a JSON-pointer-like location."""
    stack: list[tuple[str, Any]] = [(path, node)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            yield where, item
            stack.extend((f"{where}/{key}", value) for key, value in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((f"{where}/{index}", value) for index, value in reversed(list(enumerate(item))))


def _is_schema_with(node: dict[str, Any], key: str) -> bool:
    return key in node and ("type" in node or "properties" in node or "enum" in node)


def dedupe_enum_values(doc: dict[str, Any]) -> list[str]:
    """Collapse enum values that repeat or differ only in letter case (``minimax`` / ``Minimax``).

    openapi-python-client derives a constant name from each value by upper-casing it, and crashes
    with "Duplicate key MINIMAX in enum" when two values map to the same name. The first spelling
    is kept.
    """
    changes = []
    for where, node in _walk(doc):
        values = node.get("enum")
        if not isinstance(values, list) or where.endswith("/properties"):
            continue
        seen: set[str] = set()
        kept = []
        for value in values:
            key = value.upper() if isinstance(value, str) else repr(value)
            if key in seen:
                changes.append(f"{where}: dropped duplicate enum value {value!r}")
                continue
            seen.add(key)
            kept.append(value)
        if len(kept) != len(values):
            node["enum"] = kept
    return changes


def _title_from_key(key: str) -> str:
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", key))


def retitle_duplicate_schema_titles(doc: dict[str, Any]) -> list[str]:
    """Give component schemas that share a ``title`` with a different schema a title of their own.

    The engine names a model after its title; two different schemas titled "Pause Recording
    Request" make it drop the second model, and with it the ``record_resume`` operation, with only
    a warning. The later schema is retitled from its component key.
    """
    changes = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    first_by_title: dict[str, str] = {}
    for key, schema in schemas.items():
        title = schema.get("title") if isinstance(schema, dict) else None
        if not isinstance(title, str):
            continue
        normalized = re.sub(r"\W", "", title).lower()
        if normalized in first_by_title and schemas[first_by_title[normalized]] != schema:
            schema["title"] = _title_from_key(key)
            changes.append(
                f"#/components/schemas/{key}: title {title!r} is also used by "
                f"{first_by_title[normalized]}; retitled {schema['title']!r}"
            )
        else:
            first_by_title.setdefault(normalized, key)
    return changes


def drop_null_string_defaults(doc: dict[str, Any]) -> list[str]:
    """Remove ``default: "null"``: the string "null" is not a value anyone means as a default.

    Upstream writes it where the field simply has no default; the engine would otherwise render
    the four-letter string as the parameter's default value.
    """
    changes = []
    for where, node in _walk(doc):
        if node.get("default") == "null" and _is_schema_with(node, "default"):
            del node["default"]
            changes.append(f"{where}: removed string default 'null'")
    return changes


def _webhook_body_refs(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name, item in (doc.get("webhooks") or {}).items():
        for method in _HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            content = (operation.get("requestBody") or {}).get("content") or {}
            for media in content.values():
                ref = (media.get("schema") or {}).get("$ref", "")
                if ref.startswith("#/components/schemas/"):
                    yield name, ref.rsplit("/", 1)[1]


def wrap_bare_webhook_events(doc: dict[str, Any]) -> list[str]:
    """Give every webhook body the ``{"data": {...}}`` envelope that Telnyx actually sends.

    Upstream describes ``conference.floor.changed`` as the bare event object while the other
    events are wrapped in ``data``. The bare schema is moved to a component named without the
    ``Event`` suffix and the webhook's schema becomes the envelope around it.
    """
    changes = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for webhook, key in list(_webhook_body_refs(doc)):
        schema = schemas.get(key)
        properties = (schema or {}).get("properties") or {}
        if "data" in properties or "event_type" not in properties:
            continue
        inner = key[: -len("Event")] if key.endswith("Event") and key != "Event" else f"{key}Data"
        if inner in schemas:
            continue
        inner_schema = dict(schema or {})
        inner_title = inner_schema.get("title")
        inner_title = inner_title.removesuffix(" Event") if isinstance(inner_title, str) else _title_from_key(inner)
        inner_schema["title"] = inner_title
        schemas[inner] = inner_schema
        schemas[key] = {
            "type": "object",
            "title": f"{inner_title} Event",
            "properties": {"data": {"$ref": f"#/components/schemas/{inner}"}},
        }
        changes.append(f"#/webhooks/{webhook}: wrapped bare event {key} in a data envelope (inner schema {inner})")
    return changes


def hoist_inline_response_schemas(doc: dict[str, Any]) -> list[str]:
    """Move titled inline response schemas to ``components/schemas`` so equal ones share a model.

    Telnyx repeats the same inline schema (for example "Conference Command Response") on many
    operations. The engine would either prefix each copy with the operation name or, without
    prefixes, drop all but the first as duplicates. Hoisting gives one model per title.
    """
    changes = []
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for path, item in (doc.get("paths") or {}).items():
        for method in _HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            for status, response in (operation.get("responses") or {}).items():
                for media in ((response or {}).get("content") or {}).values():
                    schema = media.get("schema")
                    if not isinstance(schema, dict) or "$ref" in schema or not isinstance(schema.get("title"), str):
                        continue
                    name = re.sub(r"\W", "", schema["title"].title())
                    existing = schemas.get(name)
                    if existing is not None and existing != schema:
                        name += re.sub(r"\W", "", str(operation.get("operationId", "")))
                    schemas.setdefault(name, schema)
                    media["schema"] = {"$ref": f"#/components/schemas/{name}"}
                    changes.append(f"{method.upper()} {path} {status}: response schema -> #/components/schemas/{name}")
    return changes


RULES: tuple[Rule, ...] = (
    dedupe_enum_values,
    retitle_duplicate_schema_titles,
    drop_null_string_defaults,
    wrap_bare_webhook_events,
    hoist_inline_response_schemas,
)


def normalize(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Apply every rule in order; return ``(rule name, change)`` pairs."""
    report: list[tuple[str, str]] = []
    for rule in RULES:
        report.extend((rule.__name__, change) for change in rule(doc))
    return report
