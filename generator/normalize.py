"""Stage 3, normalize: named repairs of known defects in Telnyx's spec, applied before the engine parses it.

Each rule is a function that takes the selected document, changes it in place and returns one line
per change (shown by ``--explain``). A rule that finds nothing to repair returns an empty list, so
running the defect rules on the project's own ``spec/`` changes nothing (only the
hoisting of shared response schemas and the required envelope ``data`` apply to it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .engine import class_name
from .spec import HTTP_METHODS

Rule = Callable[[dict[str, Any]], list[str]]


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


def _title_from_key(key: str) -> str:
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", key))


def _title(schema: dict[str, Any]) -> str | None:
    title = schema.get("title")
    return title if isinstance(title, str) else None


def _is_model(node: dict[str, Any]) -> bool:
    """Whether the engine makes a class of this schema (an object with fields, or a composition)."""
    return (
        "$ref" not in node
        and (node.get("type") == "object" or "properties" in node or "allOf" in node)
        and "enum" not in node
    )


def _unused(candidates: Iterator[str], taken: dict[str, int]) -> str:
    return next(c for c in candidates if class_name(c) not in taken)


def _numbered(base: str) -> Iterator[str]:
    yield base
    for number in range(2, 10_000):
        yield f"{base} {number}"


def unique_model_names(doc: dict[str, Any]) -> list[str]:
    """Give every schema the engine makes a class of a class name of its own.

    The engine names a model after its title (or its component key) and drops a second schema
    that maps to a name already taken, together with every operation that uses it, with only a
    warning; two "Pause Recording Request" schemas once cost the ``record_resume`` operation.
    A component whose key is its class name keeps it; the others follow in document order, and one
    whose name is taken is retitled from its key, numbered if that is taken too. Titled inline schemas nested anywhere follow: one equal to the
    component that owns its name becomes a reference to it, a different one is numbered.
    """
    changes = []
    schemas = (doc.get("components") or {}).get("schemas") or {}
    taken: dict[str, int] = {}  # class name -> id() of the schema node that owns it
    owners: dict[str, str] = {}  # class name -> component key, for sharing equal inline copies
    # A component whose key is its class name has the strongest claim to it; then document order.
    claims = sorted(
        (key for key, schema in schemas.items() if isinstance(schema, dict)),
        key=lambda key: class_name(key) != class_name(_title(schemas[key]) or key),
    )
    for key in claims:
        schema = schemas[key]
        title = _title(schema)
        name = class_name(title or key)
        if name in taken and taken[name] != id(schema):
            new = _unused(_numbered(_title_from_key(key)), taken)
            schema["title"] = new
            changes.append(f"#/components/schemas/{key}: class name {name} is taken; titled {new!r}")
            name = class_name(new)
        taken[name] = id(schema)
        owners[name] = key
    roots = [("#/paths", doc.get("paths") or {}), ("#/webhooks", doc.get("webhooks") or {})]
    roots += [(f"#/components/schemas/{k}", v) for k, v in schemas.items()]
    for root_where, root in roots:
        for where, node in _walk(root, root_where):
            title = node.get("title")
            if node is root or not isinstance(title, str) or not _is_model(node):
                continue
            name = class_name(title)
            owner = taken.get(name)
            if owner is None or owner == id(node):
                taken[name] = id(node)
                continue
            key = owners.get(name)
            if key is not None and schemas.get(key) == node:
                node.clear()
                node["$ref"] = f"#/components/schemas/{key}"
                changes.append(f"{where}: equal to #/components/schemas/{key}; now a reference to it")
                continue
            new = _unused(_numbered(title), taken)
            node["title"] = new
            taken[class_name(new)] = id(node)
            changes.append(f"{where}: class name {name} is taken; titled {new!r}")
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


RULES: tuple[Rule, ...] = (
    dedupe_operation_ids,
    dedupe_enum_values,
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
