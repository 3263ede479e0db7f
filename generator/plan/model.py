"""The plan's data: what one operation, parameter, resource and webhook of the surface is.

Every name a template or a test needs is a field or property here, computed once.
"""

from __future__ import annotations

import functools
import keyword
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..engine import snake_case
from ..naming import words
from . import route_schemas
from .kinds import DateTimeKind, Kind
from .responses import Response

# Names a facade method uses besides the operation's own (its per-call options, as the official SDK
# has them): a field of the same name takes the name the spec gives it for Python (`x-stainless-param`)
# or else a trailing underscore (``timeout`` -> ``timeout_``).
RESERVED_ARGS = frozenset({"self", "extra_headers", "extra_query", "extra_body", "timeout"})


@dataclass(frozen=True)
class Param:
    """One argument of a facade method (and one option of a CLI command).

    A parameter has four names, each for one audience:

    - ``name``: the wire name, as the spec and the request spell it (``from``, ``page[size]``; ``size``
      for a member of a flattened deepObject, whose group is ``wire_group``);
    - ``python_name``: the engine's identifier for it in the low-level client (``from_``, ``page_size``);
    - ``arg``: the facade keyword users type (``from_``, ``filter``, ``page_size``; see the property);
    - ``flag``: the CLI option (``--from``, ``--page-size``).
    """

    name: str
    python_name: str
    location: str  # "path", "query", "body" or "content" (the whole body is this one value)
    required: bool
    kind: Kind  # what the value is: its annotation, CLI type, checks (see kinds.py)
    description: str
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

    @property
    def enum(self) -> tuple[Any, ...]:
        """The values the facade accepts (of each item, for a list); () for any."""
        return self.kind.enum


_BODY_WRAPPERS = {"json": "", "form": "Form", "multipart": "Multipart", "binary": "Content"}


@dataclass(frozen=True)
class Paging:
    """How a list operation pages: ``get_page`` sends ``page[number]``/``page[size]`` and follows ``meta``."""

    item_model: str  # the model class of each item of `data`
    number: str | None  # the facade argument that is page[number]
    size: str | None

    members: ClassVar[frozenset[str]] = frozenset({"number", "size"})  # sent by paging; others as given


@dataclass(frozen=True)
class FacadeQuery:
    """What a facade method hands ``build_query``: plain parameters, regrouped deepObject members, deep names."""

    params: tuple[Param, ...]  # "name": arg
    groups: tuple[tuple[str, tuple[Param, ...]], ...]  # "page": {"member": arg, ...}
    deep: tuple[str, ...]  # the names among them that are flattened as name[key]=value

    def __bool__(self) -> bool:
        return bool(self.params or self.groups)


@dataclass(frozen=True)
class Operation:
    """One operation: its HTTP side (``http_verb``, ``url_path``), its Python side (``resource``,
    ``python_method``), and every fact the facade, the CLI and the sandbox print for it."""

    operation_id: str
    http_verb: str  # lower case: "get", "post"...
    url_path: str  # as the spec writes it: "/conferences/{id}/actions/join"
    tag: str
    resource: str  # the facade resource's attr_path: "conferences.actions"
    python_method: str  # the facade method (and, dashed, the CLI command): "join"
    summary: str
    description: str
    lowlevel_module: str  # e.g. "api.conference_commands.join_conference"
    positional: Param | None
    params: tuple[Param, ...]  # everything but the positional id, in signature order
    body_required: bool
    response: Response  # what a 2xx returns: a model, untyped JSON, nothing (204) or bytes (see responses.py)
    paging: Paging | None  # None: one call, one result
    deep_query: tuple[str, ...]  # query parameters sent as name[key]=value (`filter`, `page`), in signature order
    has_command_id: bool
    body_encoding: str = "json"  # how the body travels: "json", "form", "multipart" or "binary"
    replay: str = "idempotent"  # "command_id", "idempotent" or "unsafe" (see generator/naming.py)
    request_example: dict[str, Any] | None = field(default=None, compare=False)
    response_example: Any = field(default=None, compare=False)

    @property
    def all_params(self) -> tuple[Param, ...]:
        return ((self.positional,) if self.positional else ()) + self.params

    @property
    def response_model(self) -> str | None:
        """The class of the response body in lowlevel.models."""
        return self.response.model

    @property
    def paginated(self) -> bool:
        return self.paging is not None

    @property
    def models(self) -> tuple[str, ...]:
        """The low-level model classes the facade method imports."""
        return tuple(m for m in (self.response_model, self.paging and self.paging.item_model) if m)

    @property
    def facade_query(self) -> FacadeQuery:
        """The query the facade builds: flattened group members (``page_*``) regrouped, paging's own left out."""
        query = [p for p in self.params if p.location == "query"]
        groups: dict[str, list[Param]] = {}
        for param in query:
            if param.wire_group and not (self.paging and param.name in self.paging.members):
                groups.setdefault(param.wire_group, []).append(param)
        plain = tuple(p for p in query if not p.wire_group)
        sent = {p.name for p in plain} | set(groups)
        return FacadeQuery(
            plain, tuple((g, tuple(m)) for g, m in groups.items()), tuple(n for n in self.deep_query if n in sent)
        )

    @property
    def route_query_schema(self) -> dict[str, Any]:
        """The JSON schema the sandbox validates the query against (see route_schemas.py)."""
        return route_schemas.query_schema(self.params)

    @property
    def route_body_schema(self) -> dict[str, Any] | None:
        """The JSON schema the sandbox validates the JSON body against; None without body fields."""
        return route_schemas.body_schema(self.params)

    @property
    def body_wrapper(self) -> str:
        """The ``_bodies`` class the facade wraps a non-JSON body in (``Form``...); "" for JSON."""
        return _BODY_WRAPPERS[self.body_encoding]

    @property
    def replay_safe(self) -> bool:
        """False: retried only when the request surely never reached Telnyx."""
        return self.replay != "unsafe"

    @property
    def cli_name(self) -> str:
        return self.python_method.replace("_", "-")


@dataclass(frozen=True)
class EventField:
    """One field of a webhook event or of its payload: ``kind.event_hint`` and ``kind.converter`` type it."""

    name: str
    python_name: str
    kind: Kind
    required: bool
    description: str

    @property
    def enum(self) -> tuple[Any, ...]:
        return self.kind.enum


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

    @property
    def payload_occurred_at(self) -> EventField | None:
        """The payload's ``occurred_at`` date-time, which the event's own ``occurred_at`` falls back to."""
        found = (f for f in self.payload_fields if f.name == "occurred_at" and isinstance(f.kind, DateTimeKind))
        return next(found, None)


@dataclass(frozen=True)
class Resource:
    attr_path: str  # the attributes from the client, dotted: "conferences.actions" (client.conferences.actions)
    class_name: str  # e.g. "ConferencesActions"
    operations: tuple[Operation, ...]
    children: tuple[str, ...]  # attribute names of sub-resources
    model_imports: tuple[tuple[str, str], ...] = ()  # (module under lowlevel.models, class), sorted

    @property
    def model_casts(self) -> tuple[tuple[str, str, str], ...]:
        """(constant, module, class) of each model a method parses its response into, or a page's items into
        (iteration builds them one by one): the resource module's ``ModelCast`` constants, so that no model is
        imported before its first response."""
        parsed = {m for op in self.operations for m in (op.response_model, op.paging and op.paging.item_model) if m}
        return tuple((f"_{module.upper()}", module, model) for module, model in self.model_imports if model in parsed)

    def cast_of(self, op: Operation) -> str:
        """The ``cast=`` of ``op``'s facade call: its response model's constant, else its response kind's cast."""
        return self._constant_of(op.response_model) or op.response.cast

    def item_cast_of(self, op: Operation) -> str:
        """The ``item_cast=`` of a list operation's facade call: its page item model's constant."""
        constant = self._constant_of(op.paging.item_model if op.paging else None)
        if constant is None:
            raise ValueError(f"{op.operation_id} pages but its item model is not among {self.class_name}'s imports")
        return constant

    def _constant_of(self, model_name: str | None) -> str | None:
        if model_name is None:
            return None
        return next((c for c, _, model in self.model_casts if model == model_name), None)

    @property
    def attr(self) -> str:
        return self.attr_path.rsplit(".", 1)[-1]

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
        return f"client.{self.attr_path}: {' and '.join(parts)}."

    @property
    def module(self) -> str:
        parts = self.attr_path.split(".")
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
        for attr_path in sorted(paths):
            prefix = attr_path + "."
            children = tuple(
                sorted(p[len(prefix) :] for p in paths if p.startswith(prefix) and "." not in p[len(prefix) :])
            )
            class_name = "".join(part.title().replace("_", "") for part in attr_path.split("."))
            models = sorted({m for op in paths[attr_path] for m in op.models})
            imports = tuple((self.model_modules[m], m) for m in models)
            result.append(Resource(attr_path, class_name, tuple(paths[attr_path]), children, imports))
        return tuple(result)

    @property
    def top_resources(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if "." not in r.attr_path)
