"""Stage 4, plan: one model of the surface, built from openapi-python-client's own parse.

The engine parses the normalized document into endpoints and models (``GeneratorData``); the plan
adds what the facades, webhook layer and CLI need on top: resource paths and method names, the
order and kind of every parameter, pagination, and the webhook events with their payload fields.
The raw spec document is consulted only for facts the engine does not keep (operationIds, enum
order, parameter style, examples).
"""

from __future__ import annotations

import dataclasses
import functools
import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import (
    GeneratorData,
    ModelProperty,
    Problem,
    Property,
    binary_media_types,
    class_name,
    parse,
    pascal_case,
    preferred_body,
    property_kind,
    snake_case,
    text,
)
from .errors import BuildError
from .naming import Naming, identifier, load_naming, words
from .spec import HTTP_METHODS, resolve_pointer

_PAGE_PARAM = "page"
# Names a facade method uses besides the operation's own (its per-call options, as the official SDK
# has them): a field of the same name takes the name the spec gives it for Python (`x-stainless-param`)
# or else a trailing underscore (``timeout`` -> ``timeout_``).
RESERVED_ARGS = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})


@dataclass(frozen=True)
class Param:
    """One argument of a facade method (and one option of a CLI command)."""

    name: str  # wire name
    python_name: str
    location: str  # "path", "query" or "body"
    required: bool
    kind: str  # string, datetime, date, integer, number, boolean, enum, array, object, any
    type_hint: str  # Python annotation used in facades (without "| Omit")
    description: str
    enum: tuple[Any, ...] = ()
    item_kind: str | None = None  # for arrays
    default: Any = None
    deep_object: bool = False  # query parameter serialized as name[key]=value
    wire_group: str | None = None  # flattened deepObject member: ("page", "number") -> page_number
    schema: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    arg_override: str | None = None  # set by a repair, e.g. a path id shadowed by a body field

    @property
    def arg(self) -> str:
        """The facade keyword: the wire name when it is a usable identifier (``filter``, ``format``)."""
        if self.arg_override:
            return self.arg_override
        spelled = self.schema.get("x-stainless-param")
        if isinstance(spelled, str) and spelled.isidentifier() and not keyword.iskeyword(spelled):
            return spelled
        name = self.python_name if self.wire_group else self.name
        if name in RESERVED_ARGS:
            return name + "_"
        if name.isidentifier() and not keyword.iskeyword(name):
            return name
        return self.python_name

    @property
    def flag(self) -> str:
        """The CLI option: ``--call-control-id``, ``--page-size`` (also for a flat ``page[size]``)."""
        return "--" + "-".join(words(f"{self.wire_group}_{self.name}" if self.wire_group else self.name))


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # lower-case HTTP method
    path: str
    tag: str
    resource: str  # dotted facade path, e.g. "conferences.actions"
    method_name: str
    summary: str
    description: str
    lowlevel_module: str  # e.g. "api.conference_commands.join_conference"
    positional: Param | None
    params: tuple[Param, ...]  # everything but the positional id, in signature order
    body_required: bool
    response_model: str | None  # class name in lowlevel.models
    response_kind: str  # "model", "json" (untyped), "empty" (no body, e.g. 204) or "binary" (bytes)
    paginated: bool
    item_model: str | None
    has_command_id: bool
    body_encoding: str = "json"  # how the body travels: "json", "form", "multipart" or "binary"
    replay: str = "idempotent"  # "command_id", "idempotent" or "unsafe" (see generator/naming.py)
    request_example: dict[str, Any] | None = field(default=None, compare=False)
    response_example: Any = field(default=None, compare=False)

    @property
    def all_params(self) -> tuple[Param, ...]:
        return ((self.positional,) if self.positional else ()) + self.params

    @property
    def return_hint(self) -> str:
        """The facade's return annotation (pages aside)."""
        return {"model": self.response_model or "Any", "json": "Any", "empty": "None", "binary": "bytes"}[
            self.response_kind
        ]

    @property
    def cast(self) -> str:
        """The expression that turns the decoded body into the result (see ``_response.py``)."""
        if self.response_kind == "model":
            return f"{self.response_model}.from_dict"
        return {"json": "json_body", "empty": "empty_body", "binary": "binary_body"}[self.response_kind]

    @property
    def models(self) -> tuple[str, ...]:
        """The low-level model classes the facade method imports."""
        return tuple(m for m in (self.response_model, self.item_model) if m)

    @property
    def replay_safe(self) -> bool:
        """False: retried only when the request surely never reached Telnyx."""
        return self.replay != "unsafe"

    @property
    def cli_name(self) -> str:
        return self.method_name.replace("_", "-")


@dataclass(frozen=True)
class EventField:
    name: str
    python_name: str
    kind: str
    type_hint: str
    required: bool
    description: str
    enum: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Webhook:
    name: str  # key under `webhooks:`, e.g. "conferenceCreated"
    event_type: str  # e.g. "conference.created"
    class_name: str  # facade class, e.g. "ConferenceCreatedEvent"
    envelope_model: str  # engine model of the delivered body
    event_model: str  # engine model of the inner event
    description: str
    fields: tuple[EventField, ...]
    payload_fields: tuple[EventField, ...]
    example: dict[str, Any] = field(default_factory=dict, compare=False)
    aliases: tuple[str, ...] = ()  # other event_type spellings that parse to this class


@dataclass(frozen=True)
class Resource:
    path: str  # dotted, e.g. "conferences.actions"
    class_name: str  # e.g. "ConferencesActions"
    operations: tuple[Operation, ...]
    children: tuple[str, ...]  # attribute names of sub-resources
    model_imports: tuple[tuple[str, str], ...] = ()  # (module under lowlevel.models, class), sorted

    @property
    def attr(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def cli_name(self) -> str:
        """The CLI group: ``telnyx-conf <cli_name>``."""
        return snake_case(self.attr).replace("_", "-")

    @property
    def cli_help(self) -> str:
        """The group's one-line help: what it holds."""
        parts = []
        if self.operations:
            parts.append(f"{len(self.operations)} command{'s' if len(self.operations) > 1 else ''}")
        if self.children:
            parts.append(f"the {', '.join(self.children)} group{'s' if len(self.children) > 1 else ''}")
        return f"client.{self.path}: {' and '.join(parts)}."

    @property
    def module(self) -> str:
        parts = self.path.split(".")
        return ".".join(parts + [parts[-1]]) if self.children or len(parts) == 1 else ".".join(parts)


@dataclass(frozen=True)
class Plan:
    title: str
    version: str
    operations: tuple[Operation, ...]
    webhooks: tuple[Webhook, ...]
    models: tuple[str, ...]
    enums: tuple[str, ...]
    deep_object_params: frozenset[tuple[str, str]]  # (endpoint python name, parameter wire name)
    repairs: tuple[tuple[str, str], ...] = ()  # (rule, change) made while planning, for --explain
    dropped: tuple[str, ...] = ()  # with --keep-going: what could not be built, and why
    spec_operations: int = 0  # operations in the selected document (the "of M" of the summary)
    spec_webhooks: int = 0
    model_modules: dict[str, str] = field(
        default_factory=dict, compare=False
    )  # class -> module, as the engine wrote it
    content_types: dict[str, str] = field(default_factory=dict, compare=False)  # engine media-type overrides

    @functools.cached_property
    def resources(self) -> tuple[Resource, ...]:
        paths: dict[str, list[Operation]] = {}
        for op in self.operations:
            parts = op.resource.split(".")
            for depth in range(1, len(parts) + 1):
                paths.setdefault(".".join(parts[:depth]), [])
            paths[op.resource].append(op)
        result = []
        for path in sorted(paths):
            prefix = path + "."
            children = tuple(
                sorted(p[len(prefix) :] for p in paths if p.startswith(prefix) and "." not in p[len(prefix) :])
            )
            class_name = "".join(part.title().replace("_", "") for part in path.split("."))
            models = sorted({m for op in paths[path] for m in op.models})
            imports = tuple((self.model_modules[m], m) for m in models)
            result.append(Resource(path, class_name, tuple(paths[path]), children, imports))
        return tuple(result)

    @property
    def top_resources(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if "." not in r.path)


def _enum_values(schema: dict[str, Any]) -> tuple[Any, ...]:
    values = schema.get("enum")
    if values is None:
        for variant in schema.get("anyOf") or schema.get("oneOf") or []:
            if isinstance(variant, dict) and variant.get("enum"):
                values = variant["enum"]
    return tuple(v for v in values or () if v is not None)


def _scalar_hint(kind: str) -> str:
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


def _type_hint(prop: Any, schema: dict[str, Any]) -> tuple[str, str, tuple[Any, ...], str | None]:
    """Return (kind, annotation, enum values in spec order, item kind) for a facade argument."""
    kind = property_kind(prop)
    if kind == "enum":
        values = _enum_values(schema) or tuple(sorted(prop.values, key=str))
        return kind, "Literal[" + ", ".join(repr(v) for v in values) + "]", values, None
    if kind == "array":
        inner = prop.inner_property
        item_schema = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        item_kind, item_hint, item_enum, _ = _type_hint(inner, item_schema or {})
        return kind, f"SequenceNotStr[{item_hint}]", item_enum, item_kind
    return kind, _scalar_hint(kind), (), None


class _SpecIndex:
    """Facts from the normalized document that the engine's parse does not keep."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            node, seen = resolve_pointer(self.doc, node["$ref"]), seen + 1
        return node

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(URL path, HTTP verb, operation) of every operation in the document."""
        for url_path, item in (self.doc.get("paths") or {}).items():
            item = self.deref(item)
            for verb in HTTP_METHODS:
                if isinstance(item.get(verb), dict):
                    yield url_path, verb, item[verb]

    def operation(self, path: str, method: str) -> dict[str, Any]:
        return dict(self.deref(self.doc["paths"][path])[method])

    def parameters(self, path: str, method: str) -> dict[tuple[str, str], dict[str, Any]]:
        item = self.deref(self.doc["paths"][path])
        result = {}
        for raw in list(item.get("parameters") or []) + list(item[method].get("parameters") or []):
            param = self.deref(raw)
            result[(param["in"], param["name"])] = param
        return result

    def body_schema(self, operation: dict[str, Any], media_type: str = "application/json") -> dict[str, Any]:
        body = self.deref(operation.get("requestBody") or {})
        media = (body.get("content") or {}).get(media_type) or {}
        return dict(self.deref(media.get("schema") or {}))

    def properties(self, schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
        props: dict[str, dict[str, Any]] = {}
        for part in schema.get("allOf") or []:
            props.update(self.properties(self.deref(part)))
        for name, sub in (schema.get("properties") or {}).items():
            props[name] = self.deref(sub)
        return props

    def required(self, schema: dict[str, Any]) -> set[str]:
        names = set(schema.get("required") or [])
        for part in schema.get("allOf") or []:
            names |= self.required(self.deref(part))
        return names

    def example_of(self, node: Any) -> Any:
        node = self.deref(node)
        if not isinstance(node, dict):
            return None
        if "example" in node:
            return node["example"]
        examples = node.get("examples")
        if isinstance(examples, dict) and examples:
            first = self.deref(next(iter(examples.values())))
            return first.get("value") if isinstance(first, dict) else None
        if isinstance(examples, list) and examples:
            return examples[0]
        if isinstance(node.get("schema"), dict):
            return self.example_of(node["schema"])
        return None

    def response_example(self, operation: dict[str, Any]) -> Any:
        response = self.deref((operation.get("responses") or {}).get("200") or {})
        media = (response.get("content") or {}).get("application/json") or {}
        example = self.example_of(media)
        if example is not None:
            return example
        schema = self.deref(media.get("schema") or {})
        built = {}
        for name, sub in self.properties(schema).items():
            value = self.example_of(sub)
            if value is None and sub.get("type") == "array":
                item = self.example_of(sub.get("items") or {})
                value = [item] if item is not None else None
            if value is not None:
                built[name] = value
        return built or None


def _param(prop: Property, *, location: str, schema: dict[str, Any], required: bool, **extra: Any) -> Param:
    kind, hint, enum, item_kind = _type_hint(prop, schema)
    return Param(
        name=text(prop.name),
        python_name=str(prop.python_name),
        location=location,
        required=required,
        kind=kind,
        type_hint=hint,
        description=" ".join(text(prop.description or schema.get("description")).split()),
        enum=enum,
        item_kind=item_kind,
        default=schema.get("default"),
        schema=schema,
        **extra,
    )


def _flatten_page(prop: ModelProperty, schema: dict[str, Any], index: _SpecIndex) -> list[Param]:
    """``page`` (deepObject) becomes ``page_number``, ``page_size``... so paging reads naturally."""
    members = (prop.required_properties or []) + (prop.optional_properties or [])
    props = index.properties(schema)
    flattened = []
    for member in members:
        wire = text(member.name)
        flat = _param(member, location="query", schema=props.get(wire, {}), required=False, wire_group=_PAGE_PARAM)
        flattened.append(
            Param(**{**flat.__dict__, "python_name": f"{_PAGE_PARAM}_{flat.python_name}", "deep_object": True})
        )
    return flattened


_JSON_TYPES = re.compile(r"^application/([\w.+-]*\+)?json\b")


def _success_response(endpoint: Any, raw: dict[str, Any], index: _SpecIndex) -> tuple[str, ModelProperty | None]:
    """What a 2xx returns: ``model`` (with the engine's model), ``json``, ``empty`` or ``binary``.

    The first documented 2xx decides: no content (a 204) is ``empty``; JSON parsed by the engine
    into a model is ``model``, other JSON ``json``; any other media type (audio, PDF, ``*/*``)
    is ``binary``, returned as bytes.
    """
    responses = raw.get("responses") or {}
    status = next((code for code in sorted(map(str, responses)) if code.startswith("2")), None)
    if status is None:
        return "json", None
    content = index.deref(responses[status]).get("content") or {}
    if not content:
        return "empty", None
    if not any(_JSON_TYPES.match(media) for media in content):
        return "binary", None
    for response in endpoint.responses.patterns:
        if text(response.status_code.pattern) == status and isinstance(response.prop, ModelProperty):
            return "model", response.prop
    return "json", None


def _page_item_model(response: ModelProperty | None) -> str | None:
    """The model class of a list response's ``data`` items, as the engine named it."""
    if response is None:
        return None
    for member in (response.required_properties or []) + (response.optional_properties or []):
        inner = getattr(member, "inner_property", None)
        if text(member.name) == "data" and isinstance(inner, ModelProperty):
            return str(inner.class_info.name)
    return None


def url_path(endpoint: Any) -> str:
    """The operation's URL path as the spec writes it: the engine renames ``{brandId}`` to ``{brand_id}``."""
    path = text(endpoint.path)
    for prop in endpoint.path_parameters:
        path = path.replace("{" + str(prop.python_name) + "}", "{" + text(prop.name) + "}")
    return path


def _unshadow_path_ids(
    operation_id: str,
    positional: Param | None,
    path_params: list[Param],
    fields: list[Param],
    repairs: list[tuple[str, str]],
) -> tuple[Param | None, list[Param]]:
    """Repair ``path_id_shadowed_by_field``: a path id named like a body or query field is ``path_<name>``.

    ``BridgeCall`` takes the leg to bridge in its path and the other leg as a body field, both
    ``call_control_id``; a Python signature cannot hold both. The field keeps its name (it is what
    the caller spells out), the path id is renamed, as Stainless-generated SDKs do.
    """
    taken = {field.arg for field in fields}

    def unshadow(param: Param) -> Param:
        if param.arg not in taken:
            return param
        renamed = f"path_{param.arg}"
        repairs.append(("path_id_shadowed_by_field", f"{operation_id}: path id {param.name!r} is argument {renamed!r}"))
        return Param(**{**param.__dict__, "arg_override": renamed})

    return (unshadow(positional) if positional else None), [unshadow(p) for p in path_params]


def _build_operation(endpoint: Any, index: _SpecIndex, naming: Naming, repairs: list[tuple[str, str]]) -> Operation:
    path, method = url_path(endpoint), endpoint.method.lower()
    raw = index.operation(path, method)
    operation_id = raw.get("operationId") or str(endpoint.name)
    resource, method_name = naming.names(operation_id, path)
    raw_params = index.parameters(path, method)

    path_params = []
    for prop in endpoint.path_parameters:
        spec_param = raw_params[("path", text(prop.name))]
        param = _param(prop, location="path", schema=spec_param.get("schema", {}), required=True)
        description = " ".join(str(spec_param.get("description") or param.description).split())
        path_params.append(Param(**{**param.__dict__, "description": description}))
    positional = path_params[-1] if path_params else None
    params: list[Param] = list(path_params[:-1])

    paginated = False
    query: list[Param] = []
    for prop in endpoint.query_parameters:
        spec_param = raw_params[("query", text(prop.name))]
        schema = index.deref(spec_param.get("schema") or {})
        deep = spec_param.get("style") == "deepObject"
        if deep and text(prop.name) == _PAGE_PARAM and isinstance(prop, ModelProperty):
            paginated = True
            query.extend(_flatten_page(prop, schema, index))
            continue
        param = _param(
            prop, location="query", schema=schema, required=bool(spec_param.get("required")), deep_object=deep
        )
        if spec_param.get("description"):
            param = Param(**{**param.__dict__, "description": " ".join(str(spec_param["description"]).split())})
        query.append(param)

    body: list[Param] = []
    body_required = False
    body_encoding = "json"
    chosen = preferred_body(endpoint)
    if chosen is not None:
        body_def, body_encoding = chosen
        model = body_def.prop
        body_required = bool(model.required)
        body_schema = index.body_schema(raw, text(body_def.content_type))
        if isinstance(model, ModelProperty):
            props, required_names = index.properties(body_schema), index.required(body_schema)
            for member in (model.required_properties or []) + (model.optional_properties or []):
                wire = text(member.name)
                body.append(
                    _param(member, location="body", schema=props.get(wire, {}), required=wire in required_names)
                )
        else:  # the body is one value (bytes, a JSON list...): one argument, `body`
            whole = _param(model, location="content", schema=body_schema, required=body_required)
            body.append(dataclasses.replace(whole, name="body", python_name="body"))
    else:
        body_schema = {}

    fields = query + body
    positional, params = _unshadow_path_ids(operation_id, positional, params, fields, repairs)
    ordered = params + sorted(fields, key=lambda p: (not p.required, p.python_name))
    seen: dict[str, Param] = {}
    for param in ordered:
        if param.arg in seen or (positional and param.arg == positional.arg):
            raise BuildError(f"{operation_id}: parameter name {param.arg!r} is used twice")
        seen[param.arg] = param

    response_kind, response_prop = _success_response(endpoint, raw, index)
    response_model = str(response_prop.class_info.name) if response_prop is not None else None
    item_model = _page_item_model(response_prop) if paginated else None
    if paginated and item_model is None:
        paginated = False  # a `page` parameter without a list of models in `data`: a plain call

    tag = str(endpoint.tags[0]) if endpoint.tags else "default"
    has_command_id = any(p.name == "command_id" and p.location == "body" for p in body)
    request_example = index.example_of(body_schema) if body_schema else None
    return Operation(
        operation_id=operation_id,
        method=method,
        path=path,
        tag=tag,
        resource=resource,
        method_name=method_name,
        summary=" ".join(text(endpoint.summary).split()),
        description=text(endpoint.description).strip(),
        lowlevel_module=f"api.{tag}.{endpoint.name}",
        positional=positional,
        params=tuple(ordered),
        body_required=body_required,
        response_model=response_model,
        response_kind=response_kind,
        body_encoding=body_encoding,
        paginated=paginated,
        item_model=item_model,
        has_command_id=has_command_id,
        replay=naming.replay(operation_id, method, path, has_command_id),
        request_example=request_example if isinstance(request_example, dict) else None,
        response_example=index.response_example(raw),
    )


def _event_fields(model: ModelProperty, schema: dict[str, Any], index: _SpecIndex) -> tuple[EventField, ...]:
    props, required_names = index.properties(schema), index.required(schema)
    fields = []
    for member in (model.required_properties or []) + (model.optional_properties or []):
        wire = text(member.name)
        kind, hint, enum, _ = _type_hint(member, props.get(wire, {}))
        if kind == "object":
            hint = "dict[str, Any]"
        elif kind == "array":
            hint = hint.replace("SequenceNotStr[", "list[").replace("Mapping[str, Any]", "dict[str, Any]")
        elif kind in ("datetime", "date"):
            hint = "datetime.datetime" if kind == "datetime" else "datetime.date"
        fields.append(
            EventField(
                name=wire,
                # The spec's name (`format`, `type`), as the official SDK has it; a keyword takes the engine's (`from_`).
                python_name=wire if wire.isidentifier() and not keyword.iskeyword(wire) else str(member.python_name),
                kind=kind,
                type_hint=hint,
                required=wire in required_names,
                description=" ".join(text(member.description).split()),
                enum=enum,
            )
        )
    return tuple(fields)


def _member(model: ModelProperty, wire: str) -> Any:
    members = (model.required_properties or []) + (model.optional_properties or [])
    return next((p for p in members if text(p.name) == wire), None)


def _example_event_type(schema: dict[str, Any], webhook: str) -> tuple[str, ...]:
    """The event_type of a webhook whose schema lists no enum: from its examples, else its own name."""
    field = (schema.get("properties") or {}).get("event_type") or {}
    for candidate in (field.get("const"), field.get("example"), (schema.get("example") or {}).get("event_type")):
        if isinstance(candidate, str) and candidate:
            return (candidate,)
    return (webhook,)


def _build_webhooks(data: GeneratorData, index: _SpecIndex, aliases: dict[str, list[str]]) -> tuple[Webhook, ...]:
    models = {str(m.class_info.name): m for m in data.models}
    schemas = (index.doc.get("components") or {}).get("schemas") or {}
    webhooks = []
    for name, item in (index.doc.get("webhooks") or {}).items():
        operation = index.deref(item).get("post") or {}
        media = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
        envelope_key = str((media.get("schema") or {}).get("$ref", "")).rsplit("/", 1)[-1]
        envelope = schemas.get(envelope_key) or {}
        envelope_model = models.get(class_name(str(envelope.get("title") or envelope_key)))
        if envelope_model is None:
            raise BuildError(f"webhook {name}: the engine produced no model for {envelope_key or 'its body'}")
        envelope_model = models.get(str(envelope_model.class_info.name), envelope_model)
        data_prop = _member(envelope_model, "data")
        if isinstance(data_prop, ModelProperty):  # Telnyx's envelope: {"data": {event}}
            # the processed model, with its fields (a property holds a copy made before they were parsed)
            event_model = models.get(str(data_prop.class_info.name), data_prop)
            inner_schema = index.deref((envelope.get("properties") or {}).get("data") or {})
        else:  # a bare event: the body is the event
            event_model, inner_schema = envelope_model, envelope
        inner_props = index.properties(inner_schema)
        event_types = _enum_values(inner_props.get("event_type", {})) or _example_event_type(inner_schema, name)
        payload_prop = next(
            (
                p
                for p in (event_model.optional_properties or []) + (event_model.required_properties or [])
                if text(p.name) == "payload"
            ),
            None,
        )
        payload_fields: tuple[EventField, ...] = ()
        if isinstance(payload_prop, ModelProperty):
            payload_fields = _event_fields(payload_prop, inner_props.get("payload", {}), index)
        top_fields = tuple(f for f in _event_fields(event_model, inner_schema, index) if f.name != "payload")
        example = inner_schema.get("example")
        webhooks.append(
            Webhook(
                name=name,
                event_type=str(event_types[0]),
                class_name=pascal_case(identifier(name)) + "Event",
                envelope_model=str(envelope_model.class_info.name),
                event_model=str(event_model.class_info.name),
                description=" ".join(text(operation.get("summary") or operation.get("description")).split()),
                fields=top_fields,
                payload_fields=payload_fields,
                example=example if isinstance(example, dict) else {},
                aliases=tuple(a for a in aliases.get(name, []) if a != event_types[0]),
            )
        )
    return tuple(sorted(webhooks, key=lambda w: w.event_type))


def _unique_method(op: Operation, seen: dict[str, str], repairs: list[tuple[str, str]]) -> Operation:
    """Repair ``method_name_collision``: an operation whose name another took is named by its operationId.

    Rules give short names (`list`, `retrieve`); two operations of one resource may earn the same
    one. The first keeps it, in document order; a later one takes its whole operationId in
    snake_case, numbered if even that is taken.
    """
    key = f"{op.resource}.{op.method_name}"
    if key not in seen:
        return op
    base = identifier(op.operation_id)
    name = next(n for n in (base, *(f"{base}_{i}" for i in range(2, 10_000))) if f"{op.resource}.{n}" not in seen)
    repairs.append(("method_name_collision", f"{op.operation_id}: {key} is {seen[key]}; named {op.resource}.{name}"))
    return dataclasses.replace(op, method_name=name)


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
    index = _SpecIndex(doc)
    naming = load_naming(naming_file)
    repairs: list[tuple[str, str]] = []
    dropped = [str(problem) for problem in problems]
    operations = []
    seen_ids: dict[str, str] = {}
    for collection in data.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            try:
                op = _build_operation(endpoint, index, naming, repairs)
            except BuildError as exc:
                if not keep_going:
                    raise
                dropped.append(f"{endpoint.method.upper()} {url_path(endpoint)}: {exc}")
                continue
            op = _unique_method(op, seen_ids, repairs)
            seen_ids[f"{op.resource}.{op.method_name}"] = op.operation_id
            operations.append(op)
    operations.sort(key=lambda o: (o.resource, o.method_name))
    deep = frozenset(
        (str(e.name), text(p.name))
        for c in data.endpoint_collections_by_tag.values()
        for e in c.endpoints
        for p in e.query_parameters
        if index.parameters(url_path(e), e.method.lower())[("query", text(p.name))].get("style") == "deepObject"
    )
    plan = Plan(
        title=text(data.title),
        version=text(data.version),
        operations=tuple(operations),
        webhooks=_build_webhooks(data, index, naming.webhook_aliases),
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
