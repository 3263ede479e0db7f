"""Contract cases derived from the plan: one call per operation, built from the spec's examples.

An operation added to spec/ gets its case here with no hand edit: arguments come from the
request example (or, without one, from the required fields with their example values), path ids
from the parameter's example or format, and the reply from the spec's 200 example (none for a 204).
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.build import prepare
from generator.plan import Operation, Param, Plan, Webhook
from generator.render import arg_name
from tests.conftest import SPEC

_SAMPLE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


@cache
def plan() -> Plan:
    return prepare(SPEC)[0]


def example_for(schema: dict[str, Any], depth: int = 0) -> Any:
    """An example value for a (dereferenced) schema: its example, else one built from its parts."""
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if schema.get("enum"):
        return next(v for v in schema["enum"] if v is not None)
    for key in ("oneOf", "anyOf", "allOf"):
        if schema.get(key):
            return example_for(schema[key][0], depth + 1)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        if depth > 4:
            return {}
        return {
            name: value
            for name, sub in (schema.get("properties") or {}).items()
            if (value := example_for(sub, depth + 1)) is not None
        }
    if kind == "array":
        item = example_for(schema.get("items") or {}, depth + 1)
        return [item] if item is not None else []
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "uuid":
            return _SAMPLE_ID
        if fmt == "date-time":
            return "2024-01-01T12:00:00Z"
        return "example"
    return None


def path_value(param: Param) -> str:
    value = example_for(param.schema)
    return str(value) if value not in (None, "example") else (_SAMPLE_ID if "id" in param.name else "sample")


@dataclass
class Case:
    op: Operation
    path_values: dict[str, str]  # wire name -> value
    body: dict[str, Any] | None  # the JSON body the call should send (without command_id)
    query: dict[str, Any]  # param wire name (or page member) -> value
    reply: Any
    notes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.op.operation_id

    def facade_args(self) -> tuple[list[Any], dict[str, Any]]:
        args = [self.path_values[self.op.positional.name]] if self.op.positional else []
        kwargs: dict[str, Any] = {}
        for param in self.op.params:
            if param.location == "path":
                kwargs[arg_name(param)] = self.path_values[param.name]
            elif param.location == "body" and self.body is not None and param.name in self.body:
                kwargs[arg_name(param)] = self.body[param.name]
            elif param.location == "query":
                key = param.name if not param.wire_group else f"{param.wire_group}.{param.name}"
                if key in self.query:
                    kwargs[arg_name(param)] = self.query[key]
        return args, kwargs

    def query_objects(self) -> dict[str, Any]:
        """Query values grouped the way the spec declares them (page members inside ``page``)."""
        grouped: dict[str, Any] = {}
        for key, value in self.query.items():
            if "." in key and "[" not in key:
                group, member = key.split(".", 1)
                grouped.setdefault(group, {})[member] = value
            else:
                grouped[key] = value
        return grouped


def _query_sample(op: Operation) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for param in op.params:
        if param.location != "query":
            continue
        if param.name in ("page[number]", "page[size]"):  # flat page members (ListQueues), not a deepObject
            query[param.name] = 2 if param.name == "page[number]" else 50
        elif param.wire_group:
            if param.name in ("number", "size"):
                query[f"{param.wire_group}.{param.name}"] = 2 if param.name == "number" else 50
        elif param.kind.name == "enum":
            query[param.name] = param.enum[0]
        elif param.deep_object:
            sample = example_for(param.schema)
            if isinstance(sample, dict):
                sample = {k: v for k, v in sample.items() if not isinstance(v, dict) or k == "occurred_at"}
                query[param.name] = sample
    return query


def _body_sample(op: Operation) -> dict[str, Any] | None:
    body_params = [p for p in op.params if p.location == "body"]
    if not body_params and not op.body_required:
        return None
    if op.request_example:
        body = copy.deepcopy(op.request_example)
    else:
        body = {p.name: example_for(p.schema) for p in body_params if p.required}
    for param in body_params:
        if param.required and param.name not in body:
            body[param.name] = example_for(param.schema)
    return body


def _reply(op: Operation) -> Any:
    """The 200 example, or None for an operation that answers 204 without a body."""
    if op.response_example is not None and _complete(op):
        return copy.deepcopy(op.response_example)

    spec = validator()
    route = spec.match(op.http_verb, op.url_path)
    assert route is not None
    responses = route[0].operation["responses"]
    if "200" not in responses:
        assert "204" in responses, f"{op.operation_id}: neither 200 nor 204"
        return None
    schema = spec.deref(responses["200"])["content"]["application/json"]["schema"]
    return _resolved_example(spec, schema)


def _complete(op: Operation) -> bool:
    return isinstance(op.response_example, dict) and "data" in op.response_example


def _resolved_example(validator: Any, schema: Any, depth: int = 0) -> Any:
    schema = validator.deref(schema)
    if not isinstance(schema, dict) or depth > 6:
        return None
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    resolved = dict(schema)
    if "properties" in schema:
        resolved["properties"] = {
            k: {"example": v}
            for k, s in schema["properties"].items()
            if (v := _resolved_example(validator, s, depth + 1)) is not None
        }
    if "items" in schema:
        item = _resolved_example(validator, schema["items"], depth + 1)
        return [item] if item is not None else []
    for key in ("oneOf", "anyOf", "allOf"):
        if schema.get(key):
            return _resolved_example(validator, schema[key][0], depth + 1)
    return example_for(resolved, depth)


@cache
def validator() -> Any:
    from tests.contract.validator import SpecValidator

    return SpecValidator(SPEC)


def case_for(op: Operation) -> Case:
    path_values = {p.name: path_value(p) for p in op.all_params if p.location == "path"}
    return Case(op, path_values, _body_sample(op), _query_sample(op), _reply(op))


def operation_cases() -> list[Case]:
    return [case_for(op) for op in plan().operations]


def webhook_cases() -> list[Webhook]:
    return list(plan().webhooks)


def normalize_datetimes(value: Any) -> Any:
    """Compare date-times by instant: the models re-serialize "…Z" as "+00:00" and trim zeros."""
    if isinstance(value, dict):
        return {k: normalize_datetimes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalize_datetimes(v) for v in value]
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


__all__ = ["Case", "normalize_datetimes", "operation_cases", "validator", "webhook_cases"]
