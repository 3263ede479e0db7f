"""Stage 4, plan: one model of the surface, built from openapi-python-client's own parse.

The engine parses the normalized document into endpoints and models (``GeneratorData``); the plan
adds what the facades, webhook layer and CLI need on top: resource paths and method names, the
order and kind of every parameter, pagination, and the webhook events with their payload fields.
The raw spec document is consulted only for facts the engine does not keep (operationIds, enum
order, parameter style, examples).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError, ParseError
from openapi_python_client.parser.properties import ModelProperty, Property
from openapi_python_client.parser.properties.any import AnyProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.literal_enum_property import LiteralEnumProperty
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty

from .errors import BuildError
from .naming import Naming, load_naming

LOWLEVEL_PACKAGE = "lowlevel"
_PAGE_PARAM = "page"


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
    paginated: bool
    item_model: str | None
    has_command_id: bool
    replay: str = "idempotent"  # "command_id", "idempotent" or "unsafe" (see generator/naming.py)
    request_example: dict[str, Any] | None = field(default=None, compare=False)
    response_example: Any = field(default=None, compare=False)

    @property
    def all_params(self) -> tuple[Param, ...]:
        return ((self.positional,) if self.positional else ()) + self.params

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

    @property
    def attr(self) -> str:
        return self.path.rsplit(".", 1)[-1]

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

    @property
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
            result.append(Resource(path, class_name, tuple(paths[path]), children))
        return tuple(result)

    @property
    def top_resources(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if "." not in r.path)


def engine_config(output_path: Path | None = None) -> Config:
    """The engine settings the build uses: Literal enums, title-based names, no post-hooks."""
    config_file = ConfigFile(
        literal_enums=True,
        post_hooks=[],
        use_path_prefixes_for_title_model_names=False,
        package_name_override=LOWLEVEL_PACKAGE,
        project_name_override=LOWLEVEL_PACKAGE,
    )
    return Config.from_sources(config_file, MetaType.NONE, Path("spec"), "utf-8", True, output_path)


def _text(value: Any) -> str:
    if value is None:
        return ""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter else value)


def _describe_errors(errors: list[ParseError] | list[GeneratorError]) -> list[str]:
    lines = []
    for error in errors:
        header = _text(error.header).strip()
        detail = " ".join(_text(error.detail).split())
        lines.append(f"{header}: {detail}" if detail else header)
    return lines


def _kind(prop: Any) -> str:
    kinds: list[tuple[type, str]] = [
        (LiteralEnumProperty, "enum"),
        (DateTimeProperty, "datetime"),
        (DateProperty, "date"),
        (BooleanProperty, "boolean"),
        (IntProperty, "integer"),
        (FloatProperty, "number"),
        (ListProperty, "array"),
        (ModelProperty, "object"),
        (UuidProperty, "string"),
        (StringProperty, "string"),
        (UnionProperty, "union"),
        (AnyProperty, "any"),
    ]
    for cls, kind in kinds:
        if isinstance(prop, cls):
            return kind
    return "any"


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
        "union": "Any",
        "any": "Any",
    }[kind]


def _type_hint(prop: Any, schema: dict[str, Any]) -> tuple[str, str, tuple[Any, ...], str | None]:
    """Return (kind, annotation, enum values in spec order, item kind) for a facade argument."""
    kind = _kind(prop)
    if kind == "enum":
        values = _enum_values(schema) or tuple(sorted(prop.values, key=str))
        return kind, "Literal[" + ", ".join(repr(v) for v in values) + "]", values, None
    if kind == "array":
        inner = prop.inner_property
        item_schema = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        item_kind, item_hint, item_enum, _ = _type_hint(inner, item_schema or {})
        return kind, f"Sequence[{item_hint}]", item_enum, item_kind
    return kind, _scalar_hint(kind), (), None


class _SpecIndex:
    """Facts from the normalized document that the engine's parse does not keep."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            target: Any = self.doc
            for token in node["$ref"].lstrip("#/").split("/"):
                target = target[token.replace("~1", "/").replace("~0", "~")]
            node, seen = target, seen + 1
        return node

    def operation(self, path: str, method: str) -> dict[str, Any]:
        return dict(self.deref(self.doc["paths"][path])[method])

    def parameters(self, path: str, method: str) -> dict[tuple[str, str], dict[str, Any]]:
        item = self.deref(self.doc["paths"][path])
        result = {}
        for raw in list(item.get("parameters") or []) + list(item[method].get("parameters") or []):
            param = self.deref(raw)
            result[(param["in"], param["name"])] = param
        return result

    def body_schema(self, operation: dict[str, Any]) -> dict[str, Any]:
        body = self.deref(operation.get("requestBody") or {})
        media = (body.get("content") or {}).get("application/json") or {}
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
        name=_text(prop.name),
        python_name=str(prop.python_name),
        location=location,
        required=required,
        kind=kind,
        type_hint=hint,
        description=" ".join(_text(prop.description or schema.get("description")).split()),
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
        wire = _text(member.name)
        flat = _param(member, location="query", schema=props.get(wire, {}), required=False, wire_group=_PAGE_PARAM)
        flattened.append(
            Param(**{**flat.__dict__, "python_name": f"{_PAGE_PARAM}_{flat.python_name}", "deep_object": True})
        )
    return flattened


def _build_operation(endpoint: Any, index: _SpecIndex, naming: Naming) -> Operation:
    path, method = _text(endpoint.path), endpoint.method.lower()
    raw = index.operation(path, method)
    operation_id = raw.get("operationId") or str(endpoint.name)
    resource, method_name = naming.names(operation_id, path)
    raw_params = index.parameters(path, method)

    path_params = []
    for prop in endpoint.path_parameters:
        spec_param = raw_params[("path", _text(prop.name))]
        param = _param(prop, location="path", schema=spec_param.get("schema", {}), required=True)
        description = " ".join(str(spec_param.get("description") or param.description).split())
        path_params.append(Param(**{**param.__dict__, "description": description}))
    positional = path_params[-1] if path_params else None
    params: list[Param] = list(path_params[:-1])

    paginated = False
    query: list[Param] = []
    for prop in endpoint.query_parameters:
        spec_param = raw_params[("query", _text(prop.name))]
        schema = index.deref(spec_param.get("schema") or {})
        deep = spec_param.get("style") == "deepObject"
        if deep and _text(prop.name) == _PAGE_PARAM and isinstance(prop, ModelProperty):
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
    body_schema = index.body_schema(raw)
    for body_def in endpoint.bodies:
        model = body_def.prop
        body_required = bool(model.required)
        if not isinstance(model, ModelProperty):
            raise BuildError(f"{operation_id}: only JSON object request bodies are supported")
        props, required_names = index.properties(body_schema), index.required(body_schema)
        for member in (model.required_properties or []) + (model.optional_properties or []):
            wire = _text(member.name)
            body.append(_param(member, location="body", schema=props.get(wire, {}), required=wire in required_names))

    ordered = params + sorted(query + body, key=lambda p: (not p.required, p.python_name))
    seen: dict[str, Param] = {}
    for param in ordered:
        if param.python_name in seen or (positional and param.python_name == positional.python_name):
            raise BuildError(f"{operation_id}: parameter name {param.python_name!r} is used twice")
        seen[param.python_name] = param

    response_model = None
    for response in endpoint.responses.patterns:
        if _text(response.status_code.pattern) == "200" and isinstance(response.prop, ModelProperty):
            response_model = str(response.prop.class_info.name)
    item_model = None
    if paginated and response_model:
        response_schema = index.deref(
            ((index.deref(raw["responses"]["200"]).get("content") or {}).get("application/json") or {}).get("schema")
        )
        items = index.deref(index.properties(response_schema).get("data", {}).get("items") or {})
        item_model = items.get("title") if isinstance(items, dict) else None

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
        summary=" ".join(_text(endpoint.summary).split()),
        description=_text(endpoint.description).strip(),
        lowlevel_module=f"api.{tag}.{endpoint.name}",
        positional=positional,
        params=tuple(ordered),
        body_required=body_required,
        response_model=response_model,
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
        wire = _text(member.name)
        kind, hint, enum, _ = _type_hint(member, props.get(wire, {}))
        if kind == "object":
            hint = "dict[str, Any]"
        elif kind == "array":
            hint = hint.replace("Sequence[", "list[").replace("Mapping[str, Any]", "dict[str, Any]")
        elif kind in ("datetime", "date"):
            hint = "datetime.datetime" if kind == "datetime" else "datetime.date"
        fields.append(
            EventField(
                name=wire,
                python_name=str(member.python_name),
                kind=kind,
                type_hint=hint,
                required=wire in required_names,
                description=" ".join(_text(member.description).split()),
                enum=enum,
            )
        )
    return tuple(fields)


def _build_webhooks(data: GeneratorData, index: _SpecIndex, aliases: dict[str, list[str]]) -> tuple[Webhook, ...]:
    models = {str(m.class_info.name): m for m in data.models}
    schemas = (index.doc.get("components") or {}).get("schemas") or {}
    webhooks = []
    for name, item in (index.doc.get("webhooks") or {}).items():
        operation = index.deref(item).get("post") or {}
        media = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
        envelope_key = str((media.get("schema") or {}).get("$ref", "")).rsplit("/", 1)[-1]
        envelope = schemas.get(envelope_key) or {}
        inner_ref = (envelope.get("properties") or {}).get("data") or {}
        inner_schema = index.deref(inner_ref)
        inner_props = index.properties(inner_schema)
        event_types = _enum_values(inner_props.get("event_type", {}))
        if not event_types:
            raise BuildError(f"webhook {name}: its event schema has no event_type enum")
        envelope_model = models.get(_class_name(str(envelope.get("title") or envelope_key)))
        inner_name = inner_schema.get("title") or str(inner_ref.get("$ref", "")).rsplit("/", 1)[-1]
        event_model = models.get(_class_name(str(inner_name)))
        if envelope_model is None or event_model is None:
            raise BuildError(f"webhook {name}: the engine produced no model for {envelope_key}")
        payload_prop = next(
            (
                p
                for p in (event_model.optional_properties or []) + (event_model.required_properties or [])
                if _text(p.name) == "payload"
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
                class_name=name[0].upper() + name[1:] + "Event",
                envelope_model=str(envelope_model.class_info.name),
                event_model=str(event_model.class_info.name),
                description=" ".join(_text(operation.get("summary") or operation.get("description")).split()),
                fields=top_fields,
                payload_fields=payload_fields,
                example=example if isinstance(example, dict) else {},
                aliases=tuple(a for a in aliases.get(name, []) if a != event_types[0]),
            )
        )
    return tuple(sorted(webhooks, key=lambda w: w.event_type))


def _class_name(title: str) -> str:
    from openapi_python_client import strings

    return str(strings.ClassName(title, "field_"))


def parse_with_engine(doc: dict[str, Any]) -> GeneratorData:
    """Run openapi-python-client's parser; any warning it raises is a build error."""
    data = GeneratorData.from_dict(doc, config=engine_config())
    if isinstance(data, GeneratorError):
        raise BuildError("the engine rejected the spec: " + "; ".join(_describe_errors([data])))
    problems = _describe_errors(data.errors)
    for collection in data.endpoint_collections_by_tag.values():
        problems.extend(_describe_errors(collection.parse_errors))
    if problems:
        raise BuildError("the engine would drop part of the spec: " + " | ".join(problems))
    return data


def build_plan(doc: dict[str, Any], naming_file: Path) -> tuple[Plan, GeneratorData]:
    data = parse_with_engine(doc)
    index = _SpecIndex(doc)
    naming = load_naming(naming_file)
    operations = []
    seen_ids: dict[str, str] = {}
    for collection in data.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            op = _build_operation(endpoint, index, naming)
            key = f"{op.resource}.{op.method_name}"
            if key in seen_ids:
                raise BuildError(f"{op.operation_id} and {seen_ids[key]} both map to {key}")
            seen_ids[key] = op.operation_id
            operations.append(op)
    operations.sort(key=lambda o: (o.resource, o.method_name))
    deep = frozenset(
        (str(e.name), _text(p.name))
        for c in data.endpoint_collections_by_tag.values()
        for e in c.endpoints
        for p in e.query_parameters
        if index.parameters(_text(e.path), e.method.lower())[("query", _text(p.name))].get("style") == "deepObject"
    )
    plan = Plan(
        title=_text(data.title),
        version=_text(data.version),
        operations=tuple(operations),
        webhooks=_build_webhooks(data, index, naming.webhook_aliases),
        models=tuple(str(m.class_info.name) for m in data.models),
        enums=tuple(str(e.class_info.name) for e in data.enums),
        deep_object_params=deep,
    )
    return plan, data
