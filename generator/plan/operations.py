"""Building one operation of the plan from an engine endpoint and the spec index."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..engine import ModelProperty, Property, preferred_body, text
from ..errors import BuildError
from ..naming import Naming, identifier
from .kinds import kind_of
from .model import Operation, Paging, Param
from .responses import BinaryResponse, EmptyResponse, JsonResponse, ModelResponse, Response
from .spec_index import SpecIndex

_PAGE_PARAM = "page"


def _param(prop: Property, *, location: str, schema: dict[str, Any], required: bool, **extra: Any) -> Param:
    return Param(
        name=text(prop.name),
        python_name=str(prop.python_name),
        location=location,
        required=required,
        kind=kind_of(prop, schema),
        description=" ".join(text(prop.description or schema.get("description")).split()),
        default=schema.get("default"),
        schema=schema,
        **extra,
    )


def _flatten_page(prop: ModelProperty, schema: dict[str, Any], index: SpecIndex) -> list[Param]:
    """``page`` (deepObject) becomes ``page_number``, ``page_size``... so paging reads naturally."""
    members = (prop.required_properties or []) + (prop.optional_properties or [])
    props = index.properties(schema)
    flattened = []
    for member in members:
        wire = text(member.name)
        flat = _param(member, location="query", schema=props.get(wire, {}), required=False, wire_group=_PAGE_PARAM)
        flattened.append(dataclasses.replace(flat, python_name=f"{_PAGE_PARAM}_{flat.python_name}", deep_object=True))
    return flattened


_JSON_TYPES = re.compile(r"^application/([\w.+-]*\+)?json\b")


def _success_response(endpoint: Any, raw: dict[str, Any], index: SpecIndex) -> tuple[Response, ModelProperty | None]:
    """What a 2xx returns: a model (with the engine's model), untyped JSON, nothing or bytes.

    The first documented 2xx decides: no content (a 204) is ``empty``; JSON parsed by the engine
    into a model is ``model``, other JSON ``json``; any other media type (audio, PDF, ``*/*``)
    is ``binary``, returned as bytes.
    """
    responses = raw.get("responses") or {}
    status = next((code for code in sorted(map(str, responses)) if code.startswith("2")), None)
    if status is None:
        return JsonResponse(), None
    content = index.deref(responses[status]).get("content") or {}
    if not content:
        return EmptyResponse(), None
    if not any(_JSON_TYPES.match(media) for media in content):
        return BinaryResponse(), None
    for response in endpoint.responses.patterns:
        if text(response.status_code.pattern) == status and isinstance(response.prop, ModelProperty):
            return ModelResponse(str(response.prop.class_info.name)), response.prop
    return JsonResponse(), None


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
        return dataclasses.replace(param, arg_override=renamed)

    return (unshadow(positional) if positional else None), [unshadow(p) for p in path_params]


def build_operation(endpoint: Any, index: SpecIndex, naming: Naming, repairs: list[tuple[str, str]]) -> Operation:
    url, verb = url_path(endpoint), endpoint.method.lower()
    raw = index.operation(url, verb)
    operation_id = raw.get("operationId") or str(endpoint.name)
    resource, python_method = naming.names(operation_id, url)
    raw_params = index.parameters(url, verb)
    deep_names = index.deep_query(url, verb)

    path_params = []
    for prop in endpoint.path_parameters:
        spec_param = raw_params[("path", text(prop.name))]
        param = _param(prop, location="path", schema=spec_param.get("schema", {}), required=True)
        description = " ".join(str(spec_param.get("description") or param.description).split())
        path_params.append(dataclasses.replace(param, description=description))
    positional = path_params[-1] if path_params else None
    params: list[Param] = list(path_params[:-1])

    paginated = False
    query: list[Param] = []
    for prop in endpoint.query_parameters:
        spec_param = raw_params[("query", text(prop.name))]
        schema = index.deref(spec_param.get("schema") or {})
        deep = text(prop.name) in deep_names
        if deep and text(prop.name) == _PAGE_PARAM and isinstance(prop, ModelProperty):
            paginated = True
            query.extend(_flatten_page(prop, schema, index))
            continue
        param = _param(
            prop, location="query", schema=schema, required=bool(spec_param.get("required")), deep_object=deep
        )
        if spec_param.get("description"):
            param = dataclasses.replace(param, description=" ".join(str(spec_param["description"]).split()))
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

    response, response_prop = _success_response(endpoint, raw, index)
    # a `page` parameter without a list of models in `data` is a plain call
    item_model = _page_item_model(response_prop) if paginated else None
    page_args = {p.name: p.arg for p in ordered if p.wire_group == _PAGE_PARAM}
    paging = Paging(item_model, page_args.get("number"), page_args.get("size")) if item_model else None
    plain_deep = [p.name for p in ordered if p.deep_object and not p.wire_group]
    deep_query = tuple(dict.fromkeys([*plain_deep, *(p.wire_group for p in ordered if p.wire_group)]))

    tag = str(endpoint.tags[0]) if endpoint.tags else "default"
    has_command_id = any(p.name == "command_id" and p.location == "body" for p in body)
    request_example = index.example_of(body_schema) if body_schema else None
    return Operation(
        operation_id=operation_id,
        http_verb=verb,
        url_path=url,
        tag=tag,
        resource=resource,
        python_method=python_method,
        summary=" ".join(text(endpoint.summary).split()),
        description=text(endpoint.description).strip(),
        lowlevel_module=f"api.{tag}.{endpoint.name}",
        positional=positional,
        params=tuple(ordered),
        body_required=body_required,
        response=response,
        body_encoding=body_encoding,
        paging=paging,
        deep_query=deep_query,
        has_command_id=has_command_id,
        replay=naming.replay(operation_id, verb, url, has_command_id),
        request_example=request_example if isinstance(request_example, dict) else None,
        response_example=index.response_example(raw),
    )


def unique_method(op: Operation, seen: dict[str, str], repairs: list[tuple[str, str]]) -> Operation:
    """Repair ``method_name_collision``: an operation whose name another took is named by its operationId.

    Rules give short names (`list`, `retrieve`); two operations of one resource may earn the same
    one. The first keeps it, in document order; a later one takes its whole operationId in
    snake_case, numbered if even that is taken.
    """
    key = f"{op.resource}.{op.python_method}"
    if key not in seen:
        return op
    base = identifier(op.operation_id)
    name = next(n for n in (base, *(f"{base}_{i}" for i in range(2, 10_000))) if f"{op.resource}.{n}" not in seen)
    repairs.append(("method_name_collision", f"{op.operation_id}: {key} is {seen[key]}; named {op.resource}.{name}"))
    return dataclasses.replace(op, python_method=name)
