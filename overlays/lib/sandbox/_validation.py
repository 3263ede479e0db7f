"""Request validation against the spec: query strings (deepObject keys included) and JSON bodies.

The schemas come from the rendered route table (`_routes`); violations become Telnyx-shaped 422s,
one error object per problem, each pointing at the offending field (`source.pointer` for the body,
`source.parameter` for the query).
"""

from __future__ import annotations

import importlib
import json
import re
from typing import Any
from urllib.parse import parse_qsl

from ._errors import SandboxError, bad_request
from ._specs import RouteSpec

__all__ = ["RequestValidationError", "parse_query", "validate_body", "validate_query"]

_jsonschema: Any = importlib.import_module("jsonschema")  # untyped; imported like this to keep mypy --strict quiet
_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_validators: dict[tuple[str, str], Any] = {}
MAX_BODY_DEPTH = 64  # far deeper than any request of the spec; deeper bodies would blow Python's stack


class RequestValidationError(SandboxError):
    """A request that breaks the spec: a 422 carrying every violation found."""

    def __init__(self, errors: list[SandboxError]) -> None:
        first = errors[0]
        super().__init__(
            first.status, first.code, first.title, first.detail, pointer=first.pointer, parameter=first.parameter
        )
        self.errors = errors

    def body(self) -> dict[str, Any]:
        return {"errors": [error.error_object() for error in self.errors]}


def parse_query(raw: str) -> dict[str, Any]:
    """`page[number]=2&filter[occurred_at][gte]=x&a=1&a=2` -> nested dicts; a repeated plain key becomes a list."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        match = _KEY.match(key)
        if not match:
            result[key] = value
            continue
        path = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = result
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        last = path[-1]
        if last in node and not isinstance(node[last], dict):
            previous = node[last]
            node[last] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            node[last] = value
    return result


def validate_query(route: RouteSpec, query: dict[str, Any]) -> dict[str, Any]:
    """Coerce query strings to the schema's types (`"2"` -> 2, `"true"` -> True), then validate them."""
    coerced = _coerce(query, route.query_schema)
    errors = [
        _to_sandbox_error(error, in_query=True)
        for error in _validator(route, "query", route.query_schema).iter_errors(coerced)
    ]
    if errors:
        raise RequestValidationError(errors)
    return dict(coerced)


def validate_body(route: RouteSpec, raw: bytes) -> dict[str, Any]:
    """Decode the JSON body and validate it against the operation's request schema; returns the object."""
    if route.body_schema is None:
        return {}
    if not raw.strip():
        body: Any = {}
    else:
        if _too_deep(raw, MAX_BODY_DEPTH):
            raise bad_request(f"The request body nests arrays or objects more than {MAX_BODY_DEPTH} levels deep.")
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, ValueError) as exc:
            raise bad_request(f"The request body is not valid JSON ({exc}).") from None
    if not isinstance(body, dict):
        raise RequestValidationError(
            [SandboxError(422, "10015", "Invalid value", "The request body must be a JSON object.", pointer="")]
        )
    errors = [_to_sandbox_error(error) for error in _validator(route, "body", route.body_schema).iter_errors(body)]
    if errors:
        raise RequestValidationError(errors)
    return body


def _too_deep(raw: bytes, limit: int) -> bool:
    """Whether JSON text opens more than `limit` arrays/objects at once (brackets inside strings do not count)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return False


def _validator(route: RouteSpec, part: str, schema: dict[str, Any]) -> Any:
    key = (route.operation_id, part)
    validator = _validators.get(key)
    if validator is None:
        validator = _validators[key] = _jsonschema.Draft202012Validator(schema)
    return validator


def _coerce(value: Any, schema: dict[str, Any]) -> Any:
    """Turn query-string text into the JSON type its schema asks for; anything else is left for validation."""
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        return {key: _coerce(item, properties.get(key) or {}) for key, item in value.items()}
    if isinstance(value, list):
        items = schema.get("items") if isinstance(schema.get("items"), dict) else schema
        return [_coerce(item, items or {}) for item in value]
    if not isinstance(value, str):
        return value
    kinds = [schema.get("type")] + [variant.get("type") for variant in schema.get("anyOf") or schema.get("oneOf") or []]
    if "integer" in kinds and re.fullmatch(r"[+-]?\d{1,18}", value):
        return int(value)
    if "number" in kinds:
        try:
            return float(value)
        except ValueError:
            return value
    if "boolean" in kinds and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _to_sandbox_error(error: Any, *, in_query: bool = False) -> SandboxError:
    path = [str(part) for part in error.absolute_path]
    kind = error.validator
    if kind == "required":
        match = re.match(r"'([^']+)' is a required property", error.message)
        name = match.group(1) if match else "?"
        path = [*path, name]
    where = _where(path, in_query)
    name = path[-1] if path else "body"
    if kind == "required" or (kind == "minLength" and error.validator_value == 1):
        # Telnyx answers a missing and an empty ("blank") required value alike.
        code, title, detail = (
            "10004",
            "Missing required parameter",
            f"The '{name}' parameter is required and cannot be blank.",
        )
    elif kind == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        code, title, detail = "10032", "Invalid enumerated value", f"The '{name}' value must be one of: {allowed}."
    elif kind in ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"):
        code, title = "10033", "Value outside of range"
        detail = f"The '{name}' value is outside of the allowed range ({error.message})."
    elif kind in ("type", "anyOf", "oneOf"):
        wanted = error.validator_value if kind == "type" else "one of the allowed types"
        code, title, detail = "10015", "Invalid value", f"The '{name}' value must be {_article(wanted)}."
    else:
        code, title, detail = "10015", "Invalid value", f"The '{name}' value is not valid: {error.message}."
    if in_query:
        return SandboxError(422, code, title, detail, parameter=where)
    return SandboxError(422, code, title, detail, pointer=where)


def _where(path: list[str], in_query: bool) -> str:
    if in_query:
        return path[0] + "".join(f"[{part}]" for part in path[1:]) if path else ""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in path)


def _article(kind: Any) -> str:
    text = " or ".join(kind) if isinstance(kind, list) else str(kind)
    return ("an " if text[:1] in "aeiou" else "a ") + text
