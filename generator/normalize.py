"""Stage 3, normalize: named repairs of known defects in Telnyx's spec, applied before the engine parses it.

Each rule is a function that takes the selected document, changes it in place and returns one line
per change (shown by ``--explain``). A rule that finds nothing to repair returns an empty list, so
running the defect rules on the project's own ``spec/`` changes nothing (only the
hoisting of shared response schemas, the required envelope ``data`` and the date-time formats its
examples imply apply to it).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any

from .model_names import title_from_key, unique_model_names
from .spec import HTTP_METHODS, resolve_pointer

Rule = Callable[[dict[str, Any]], list[str]]


def _walk(node: Any, path: str = "#", skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every mapping in the document with a JSON-pointer-like location.

    The values of keys in `skip` are not entered, except where the key is a property's name (the children of
    ``properties``)."""
    stack: list[tuple[str, Any, bool]] = [(path, node, False)]
    while stack:
        where, item, names = stack.pop()
        if isinstance(item, dict):
            yield where, item
            for key, value in reversed(list(item.items())):
                if names or key not in skip:
                    stack.append((f"{where}/{key}", value, key == "properties" and not names))
        elif isinstance(item, list):
            stack.extend((f"{where}/{index}", value, False) for index, value in reversed(list(enumerate(item))))


def _is_schema_with(node: dict[str, Any], key: str) -> bool:
    return key in node and ("type" in node or "properties" in node or "enum" in node)


def dedupe_operation_ids(doc: dict[str, Any]) -> list[str]:
    """Give every operation an operationId of its own: a repeat gets its HTTP verb, then a number.

    Names, modules and CLI commands all derive from the operationId, and the engine writes one
    module per id, so a repeat would overwrite another operation. The first keeps its id, in
    document order.
    """
    changes = []
    seen: set[str] = set()
    for url_path, method, operation in _operations(doc):
        operation_id = operation.get("operationId")
        if not isinstance(operation_id, str):
            continue
        if operation_id in seen:
            base = operation_id + method.title()
            new = next(c for c in (base, *(f"{base}{n}" for n in range(2, 10_000))) if c not in seen)
            operation["operationId"] = new
            changes.append(f"{method.upper()} {url_path}: operationId {operation_id!r} is taken; now {new!r}")
            operation_id = new
        seen.add(operation_id)
    return changes


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
        for method in HTTP_METHODS:
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
        inner_title = inner_title.removesuffix(" Event") if isinstance(inner_title, str) else title_from_key(inner)
        inner_schema["title"] = inner_title
        schemas[inner] = inner_schema
        schemas[key] = {
            "type": "object",
            "title": f"{inner_title} Event",
            "properties": {"data": {"$ref": f"#/components/schemas/{inner}"}},
        }
        changes.append(f"#/webhooks/{webhook}: wrapped bare event {key} in a data envelope (inner schema {inner})")
    return changes


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for url_path, item in (doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict):
                yield url_path, method, operation


def _response_targets(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Every response object once, with where it is written and a name to fall back on."""
    shared = (doc.get("components") or {}).get("responses") or {}
    seen: set[str] = set()
    for url_path, method, operation in _operations(doc):
        for status, response in (operation.get("responses") or {}).items():
            if not isinstance(response, dict):
                continue
            ref = response.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/responses/"):
                key = ref.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
                if key not in seen and isinstance(shared.get(key), dict):
                    seen.add(key)
                    yield f"#/components/responses/{key}", shared[key], str(operation.get("operationId", ""))
            else:
                yield f"{method.upper()} {url_path} {status}", response, str(operation.get("operationId", ""))


def hoist_response_schemas(doc: dict[str, Any]) -> list[str]:
    """Move titled response schemas to ``components/schemas``, so that equal ones share one model.

    Telnyx repeats one response shape (for example "Conference Command Response") on many
    operations, written inline in some versions of its spec and shared through
    ``components/responses`` in others. Either way the engine would parse each use on its own and
    drop all but the first as a duplicate model. Each titled schema becomes one component, named
    after its title; a different shape with a taken name gets the operation's name appended.
    """
    changes = []
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for where, response, operation_id in _response_targets(doc):
        for media in (response.get("content") or {}).values():
            schema = media.get("schema") if isinstance(media, dict) else None
            if not isinstance(schema, dict) or "$ref" in schema or not isinstance(schema.get("title"), str):
                continue
            name = re.sub(r"\W", "", schema["title"].title())
            candidates = [name, name + re.sub(r"\W", "", operation_id)] + [f"{name}{n}" for n in range(2, 10_000)]
            name = next(c for c in candidates if schemas.get(c) in (None, schema))
            schemas.setdefault(name, schema)
            media["schema"] = {"$ref": f"#/components/schemas/{name}"}
            changes.append(f"{where}: response schema -> #/components/schemas/{name}")
    return changes


def require_envelope_data(doc: dict[str, Any]) -> list[str]:
    """Mark ``data`` required in every 2xx JSON response envelope that has one.

    Telnyx answers every success with ``{"data": ...}``, but its spec leaves ``data`` optional, so
    the engine types ``response.data`` as possibly absent and every user has to narrow it. Required,
    the model reads it as a plain type, and a 2xx without it is an ``APIResponseValidationError``.
    """
    changes = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for url_path, method, operation in _operations(doc):
        for status, response in (operation.get("responses") or {}).items():
            if not str(status).startswith("2") or not isinstance(response, dict):
                continue
            media = (response.get("content") or {}).get("application/json")
            schema = media.get("schema") if isinstance(media, dict) else None
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                schema = schemas.get(ref.rsplit("/", 1)[1])
            if not isinstance(schema, dict) or "data" not in (schema.get("properties") or {}):
                continue
            required = schema.setdefault("required", [])
            if isinstance(required, list) and "data" not in required:
                required.append("data")
                changes.append(f"{method.upper()} {url_path} {status}: `data` of the response envelope is required")
    return changes


_CONSTRAINT_KEYS = frozenset({"required", "description", "title"})


def drop_required_only_variants(doc: dict[str, Any]) -> list[str]:
    """Remove an ``anyOf``/``oneOf`` whose variants only list required fields of the object beside it.

    ``ConversationRelayStartRequest`` has ``properties`` and ``anyOf: [{required: [url]},
    {required: [conversation_relay_url]}, ...]``: "at least one of these". That is a rule about
    values, not a shape; the engine refuses it as a union of empty models. The fields stay (all
    optional, as the caller chooses which), and the server still enforces the rule.
    """
    changes = []
    for where, node in _walk(doc):
        if "properties" not in node and node.get("type") != "object":
            continue
        for combinator in ("anyOf", "oneOf"):
            variants = node.get(combinator)
            if (
                isinstance(variants, list)
                and variants
                and all(isinstance(v, dict) and "required" in v and set(v) <= _CONSTRAINT_KEYS for v in variants)
            ):
                del node[combinator]
                groups = " | ".join(",".join(v["required"]) for v in variants)
                changes.append(f"{where}: dropped {combinator} of required-only variants ({groups})")
    return changes


def _media_maps(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``content`` map of a request body or response, inline or shared, with where it is."""
    components = doc.get("components") or {}
    for section in ("requestBodies", "responses"):
        for key, item in (components.get(section) or {}).items():
            if isinstance(item, dict) and isinstance(item.get("content"), dict):
                yield f"#/components/{section}/{key}", item["content"]
    for url_path, method, operation in _operations(doc):
        body = operation.get("requestBody")
        if isinstance(body, dict) and isinstance(body.get("content"), dict):
            yield f"{method.upper()} {url_path} requestBody", body["content"]
        for status, response in (operation.get("responses") or {}).items():
            if isinstance(response, dict) and isinstance(response.get("content"), dict):
                yield f"{method.upper()} {url_path} {status}", response["content"]


def _is_binary(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "string" and schema.get("format") in ("binary", "byte")


def name_wildcard_media_types(doc: dict[str, Any]) -> list[str]:
    """Give a ``*/*`` (or ``*``) media type the type its schema means: JSON, or bytes for a binary string.

    Some Telnyx operations declare their body as ``*/*`` while the schema is a JSON object; the
    engine supports no wildcard and would drop the operation.
    """
    changes = []
    for where, content in _media_maps(doc):
        for media in [m for m in content if m in ("*", "*/*")]:
            entry = content.pop(media)
            named = "application/octet-stream" if _is_binary((entry or {}).get("schema")) else "application/json"
            content.setdefault(named, entry)
            changes.append(f"{where}: media type {media!r} is {named}")
    return changes


_RFC3339_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_RFC3339_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_SCHEMAS = frozenset({"example", "examples", "default", "enum", "const"})


def _temporal_format(value: object) -> str | None:
    """`date-time` or `date` when `value` is an RFC 3339 date-time or full-date (a real day and time), else None."""
    if not isinstance(value, str):
        return None
    try:
        if _RFC3339_DATE_TIME.fullmatch(value):
            datetime.datetime.fromisoformat(value)
            return "date-time"
        if _RFC3339_FULL_DATE.fullmatch(value):
            datetime.date.fromisoformat(value)
            return "date"
    except ValueError:  # 2019-02-30: the shape of a date, not a date
        return None
    return None


def infer_temporal_formats(doc: dict[str, Any]) -> list[str]:
    """Give ``format: date-time`` (or ``date``) to a string schema without a format whose examples are all
    RFC 3339 date-times (or full-dates), so the field is a ``datetime`` (``date``) in every model.

    Telnyx writes ``created_at: {type: string, example: '2019-01-23T18:10:02.574Z'}`` on some schemas
    and adds ``format: date-time`` to the same kind of field on others. The evidence is the example
    alone: a description saying "ISO 8601" does not count (ISO 8601 also spells durations and week
    dates, and prose is not a type), and a schema without examples is left as it is. Request
    parameters and bodies are included, so a field has one type wherever it appears; a facade
    argument typed ``datetime`` still accepts the string it took before.
    """
    changes = []
    for where, node in _walk(doc, skip=_NOT_SCHEMAS):  # not inside example values, defaults, enums, consts
        types = node.get("type")
        if "format" in node or not (types == "string" or (isinstance(types, list) and "string" in types)):
            continue
        if "enum" in node or "const" in node or "pattern" in node:
            continue
        examples = list(node["examples"]) if isinstance(node.get("examples"), list) else []
        if "example" in node:
            examples.append(node["example"])
        formats = {_temporal_format(example) for example in examples if example is not None}
        if len(formats) == 1 and None not in formats:
            (found,) = formats
            node["format"] = found
            changes.append(f"{where}: format {found!r}, as its examples are RFC 3339 ({examples[0]!r})")
    return changes


def align_all_of_formats(doc: dict[str, Any]) -> list[str]:
    """In an ``allOf``, a string field redeclared without a format takes the format another part gives it.

    ``GlobalIpAssignmentUpdate`` is ``allOf: [GlobalIpAssignment, {global_ip_id: {type: string,
    readOnly: true}}]`` where the first part says ``format: uuid``; the engine cannot merge a UUID
    with a plain string and drops the schema. Both parts describe the same field.
    """
    changes = []

    def resolve(node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            try:
                node, seen = resolve_pointer(doc, node["$ref"]), seen + 1
            except (KeyError, IndexError, TypeError, ValueError):
                return None
        return node

    for where, node in _walk(doc):
        parts = node.get("allOf")
        if not isinstance(parts, list) or len(parts) < 2:
            continue
        formats: dict[str, str] = {}
        pending = list(parts)
        while pending:
            part = resolve(pending.pop(0))
            if not isinstance(part, dict):
                continue
            pending.extend(part.get("allOf") or [])  # a part may itself be a composition
            for name, field in (part.get("properties") or {}).items():
                field = resolve(field)
                if isinstance(field, dict) and field.get("type") == "string" and isinstance(field.get("format"), str):
                    formats.setdefault(name, field["format"])
        for index, part in enumerate(parts):
            if not isinstance(part, dict) or "$ref" in part:
                continue
            for name, field in (part.get("properties") or {}).items():
                if (
                    isinstance(field, dict)
                    and field.get("type") == "string"
                    and "format" not in field
                    and name in formats
                ):
                    field["format"] = formats[name]
                    changes.append(
                        f"{where}/allOf/{index}/properties/{name}: format {formats[name]!r}, as the other parts say"
                    )
    return changes


def hoist_union_variants(doc: dict[str, Any]) -> list[str]:
    """Move object variants written inside a component's top-level ``anyOf``/``oneOf`` to components of their own.

    The engine parses such a variant twice (once as the union's member, once when it processes
    its fields) and drops it as a duplicate model. As a component it is parsed once.
    """
    changes = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for key in list(schemas):
        schema = schemas[key]
        if not isinstance(schema, dict):
            continue
        for combinator in ("anyOf", "oneOf"):
            for index, variant in enumerate(schema.get(combinator) or []):
                if not isinstance(variant, dict) or "$ref" in variant or "properties" not in variant:
                    continue
                base = f"{key}Variant{index + 1}"
                name = next(n for n in (base, *(f"{base}_{i}" for i in range(2, 1000))) if n not in schemas)
                schemas[name] = variant
                schema[combinator][index] = {"$ref": f"#/components/schemas/{name}"}
                changes.append(f"#/components/schemas/{key}/{combinator}/{index}: -> #/components/schemas/{name}")
    return changes


RULES: tuple[Rule, ...] = (
    dedupe_operation_ids,
    name_wildcard_media_types,
    dedupe_enum_values,
    infer_temporal_formats,
    align_all_of_formats,
    hoist_union_variants,
    drop_null_string_defaults,
    wrap_bare_webhook_events,
    hoist_response_schemas,
    require_envelope_data,
    unique_model_names,
    drop_required_only_variants,
)


def normalize(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Apply every rule in order; return ``(rule name, change)`` pairs."""
    report: list[tuple[str, str]] = []
    for rule in RULES:
        report.extend((rule.__name__, change) for change in rule(doc))
    return report
