"""Stage 4, plan: one model of the surface, built from openapi-python-client's own parse.

The engine parses the normalized document into endpoints and models (``GeneratorData``); the plan
adds what the facades, webhook layer and CLI need on top: resource paths and method names, the
order and kind of every parameter, pagination, and the webhook events with their payload fields.
The raw spec document is consulted only for facts the engine does not keep (operationIds, enum
order, parameter style, examples), through the spec index.

The modules: ``model`` (the dataclasses), ``spec_index``, ``kinds`` (engine property -> parameter
kind), ``operations`` and ``webhooks`` (building each), and this one, which puts them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..engine import GeneratorData, Problem, binary_media_types, parse, text
from ..errors import BuildError
from ..naming import load_naming
from .model import RESERVED_ARGS, EventField, Operation, Param, Plan, Resource, Webhook
from .operations import build_operation, unique_method, url_path
from .spec_index import SpecIndex
from .webhooks import build_webhooks

__all__ = [
    "RESERVED_ARGS",
    "EventField",
    "Operation",
    "Param",
    "Plan",
    "Resource",
    "Webhook",
    "build_plan",
    "dropped_message",
    "parse_with_engine",
    "url_path",
]


def parse_with_engine(doc: dict[str, Any], keep_going: bool = False) -> tuple[GeneratorData, list[Problem]]:
    """The engine's parse; anything it would drop fails the build, one line each, unless ``keep_going``."""
    try:
        data, problems = parse(doc)
    except ValueError as exc:
        raise BuildError(f"the engine rejected the spec: {exc}") from None
    if problems and not keep_going:
        raise BuildError(dropped_message(problems))
    return data, problems


def dropped_message(problems: list[Problem]) -> str:
    lines = [f"{len(problems)} part{'s' if len(problems) != 1 else ''} of the spec would be dropped:"]
    lines += [f"  {problem}" for problem in problems]
    lines.append("(fix the spec or a normalize rule, or pass --keep-going to build the rest)")
    return "\n".join(lines)


def build_plan(doc: dict[str, Any], naming_file: Path, keep_going: bool = False) -> tuple[Plan, GeneratorData]:
    data, problems = parse_with_engine(doc, keep_going)
    index = SpecIndex(doc)
    naming = load_naming(naming_file)
    repairs: list[tuple[str, str]] = []
    dropped = [str(problem) for problem in problems]
    operations = []
    seen_ids: dict[str, str] = {}
    for collection in data.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            try:
                op = build_operation(endpoint, index, naming, repairs)
            except BuildError as exc:
                if not keep_going:
                    raise
                dropped.append(f"{endpoint.method.upper()} {url_path(endpoint)}: {exc}")
                continue
            op = unique_method(op, seen_ids, repairs)
            seen_ids[f"{op.resource}.{op.python_method}"] = op.operation_id
            operations.append(op)
    operations.sort(key=lambda o: (o.resource, o.python_method))
    # every endpoint the engine renders, also one the plan dropped with --keep-going
    deep = frozenset(
        (str(e.name), name)
        for c in data.endpoint_collections_by_tag.values()
        for e in c.endpoints
        for name in index.deep_query(url_path(e), e.method.lower())
    )
    plan = Plan(
        title=text(data.title),
        version=text(data.version),
        operations=tuple(operations),
        webhooks=build_webhooks(data, index, naming.webhook_aliases),
        models=tuple(str(m.class_info.name) for m in data.models),
        enums=tuple(str(e.class_info.name) for e in data.enums),
        deep_object_params=deep,
        repairs=tuple(repairs),
        dropped=tuple(dropped),
        spec_operations=sum(1 for _ in index.operations()),
        spec_webhooks=len(index.doc.get("webhooks") or {}),
        model_modules={str(m.class_info.name): str(m.class_info.module_name) for m in [*data.models, *data.enums]},
        content_types=binary_media_types(doc),
    )
    return plan, data
