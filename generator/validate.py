"""Structural checks of a loaded spec, so a wrong type fails as one line naming file and place.

The later stages and the engine index into the document freely (``paths`` as a mapping, each
operation as a mapping, ``properties`` as a mapping, ...); a list or a string in such a place
would surface as an AttributeError deep in the build. This walk checks only the shapes those
stages rely on, not the whole OpenAPI schema: anything else is the engine's to report.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from typing import Any

from .engine import snake_case
from .errors import BuildError
from .spec import HTTP_METHODS

_TOP_LEVEL = {
    "info": (dict, "a mapping"),
    "servers": (list, "a list of servers"),
    "paths": (dict, "a mapping of paths to path items"),
    "webhooks": (dict, "a mapping of names to path items"),
    "components": (dict, "a mapping of sections"),
    "security": (list, "a list of security requirements"),
}
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false", int: "a number"}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    return next((name for typ, name in _TYPE_NAMES.items() if isinstance(value, typ)), type(value).__name__)


def operation_name_problem(operation_id: Any) -> str | None:
    """Why ``operation_id`` cannot name a Python function, or None when it can.

    The engine snake-cases it (``join-conference`` and ``Join Conference`` both become
    ``join_conference``), so only what stays unusable after that is refused.
    """
    if not isinstance(operation_id, str):
        return f"operationId must be a string, got {_kind(operation_id)}"
    name = snake_case(operation_id)
    if not name:
        return f"operationId {operation_id!r} has no letters or digits to make a Python name from"
    if keyword.iskeyword(name):
        return f"operationId {operation_id!r} becomes the Python keyword {name!r}; rename the operation"
    if not name.isidentifier():
        return f"operationId {operation_id!r} becomes {name!r}, which is not a Python name; rename the operation"
    return None


def check_top_level(doc: Mapping[str, Any], where: str) -> None:
    """The top-level sections the bundler reads before anything else."""
    _Checker(where, {}).top_level(doc)


def check_document(doc: Mapping[str, Any], where: str, origins: Mapping[int, str]) -> None:
    """Check the bundled document; ``origins`` maps ids of inlined nodes to the file they came from."""
    _Checker(where, origins).document(doc)


class _Checker:
    def __init__(self, root: str, origins: Mapping[int, str]) -> None:
        self.root = root
        self.origins = origins

    def fail(self, file: str, at: tuple[str, ...], message: str) -> BuildError:
        return BuildError(f"{' > '.join(at)}: {message}" if at else message, where=file)

    def expect(self, node: Any, kind: type, file: str, at: tuple[str, ...], what: str) -> str:
        """Raise unless ``node`` is a ``kind``; return the file the node was written in."""
        if not isinstance(node, kind):
            raise self.fail(file, at, f"expected {what}, got {_kind(node)}")
        return self.origins.get(id(node), file)

    def entries(self, node: Any, file: str, at: tuple[str, ...], what: str) -> list[tuple[Any, str, tuple[str, ...]]]:
        """The values of a mapping of ``what``s, each with its file and place."""
        file = self.expect(node, dict, file, at, f"a mapping of {what}")
        for key in node:
            if not isinstance(key, str):  # YAML reads an unquoted 200 as a number
                raise self.fail(file, at, f"key {key!r} must be a string (quote it: '{key}')")
        return [(value, file, (*at, key)) for key, value in node.items()]

    def top_level(self, doc: Mapping[str, Any]) -> None:
        version = doc.get("openapi")
        if not isinstance(version, str) or not version.startswith("3."):
            found = "no openapi field" if version is None else f"openapi: {version!r}"
            raise self.fail(self.root, (), f"not an OpenAPI 3 document ({found}; expected e.g. openapi: 3.1.0)")
        if not isinstance(doc.get("info"), dict):
            raise self.fail(
                self.root, ("info",), f"expected a mapping with title and version, got {_kind(doc.get('info'))}"
            )
        for key, (kind, what) in _TOP_LEVEL.items():
            if doc.get(key) is not None:
                self.expect(doc[key], kind, self.root, (key,), what)
        for section, entries in (doc.get("components") or {}).items():
            if not str(section).startswith("x-"):
                self.expect(entries, dict, self.root, ("components", str(section)), "a mapping of names to entries")

    def document(self, doc: Mapping[str, Any]) -> None:
        self.top_level(doc)
        for item, file, at in self.entries(doc.get("paths") or {}, self.root, ("paths",), "paths to path items"):
            self.path_item(item, file, at)
        for item, file, at in self.entries(doc.get("webhooks") or {}, self.root, ("webhooks",), "names to path items"):
            self.path_item(item, file, at)
        components = doc.get("components") or {}
        sections = {
            "schemas": self.schema,
            "parameters": self.parameter,
            "responses": self.response,
            "requestBodies": self.request_body,
            "headers": self.header,
        }
        for section, check in sections.items():
            for node, file, at in self.entries(
                components.get(section) or {}, self.root, ("components", section), f"names to {section}"
            ):
                check(node, file, at)
        for req in doc.get("security") or []:
            self.expect(req, dict, self.root, ("security",), "a mapping of scheme names to scopes")

    def is_ref(self, node: dict[str, Any], file: str, at: tuple[str, ...]) -> bool:
        if "$ref" not in node:
            return False
        if not isinstance(node["$ref"], str):
            raise self.fail(file, (*at, "$ref"), f"expected a string, got {_kind(node['$ref'])}")
        return True

    def path_item(self, item: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(item, dict, file, at, "a path item (a mapping of HTTP methods to operations)")
        if self.is_ref(item, file, at):
            return
        self.parameters(item.get("parameters"), file, at)
        for method in HTTP_METHODS:
            if method in item:
                self.operation(item[method], file, (*at, method))

    def operation(self, op: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(op, dict, file, at, "an operation (a mapping)")
        if "operationId" in op:
            problem = operation_name_problem(op["operationId"])
            if problem:
                raise self.fail(file, at, problem)
        for tag in self.list_of(op.get("tags"), file, (*at, "tags"), "tag names"):
            if not isinstance(tag, str):
                raise self.fail(file, (*at, "tags"), f"expected tag names (strings), got {_kind(tag)}")
        self.parameters(op.get("parameters"), file, at)
        if op.get("requestBody") is not None:
            self.request_body(op["requestBody"], file, (*at, "requestBody"))
        if op.get("responses") is not None:
            for node, where, place in self.entries(op["responses"], file, (*at, "responses"), "status codes"):
                self.response(node, where, place)
        for req in self.list_of(op.get("security"), file, (*at, "security"), "security requirements"):
            self.expect(req, dict, file, (*at, "security"), "a mapping of scheme names to scopes")

    def list_of(self, node: Any, file: str, at: tuple[str, ...], what: str) -> list[Any]:
        if node is None:
            return []
        self.expect(node, list, file, at, f"a list of {what}")
        return list(node)

    def parameters(self, params: Any, file: str, at: tuple[str, ...]) -> None:
        for index, param in enumerate(self.list_of(params, file, (*at, "parameters"), "parameters")):
            self.parameter(param, file, (*at, "parameters", str(index)))

    def parameter(self, param: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(param, dict, file, at, "a parameter (a mapping)")
        if self.is_ref(param, file, at):
            return
        for key in ("name", "in"):
            if key in param and not isinstance(param[key], str):
                raise self.fail(file, (*at, key), f"expected a string, got {_kind(param[key])}")
        self.header(param, file, at)

    def header(self, node: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(node, dict, file, at, "a mapping")
        if self.is_ref(node, file, at):
            return
        if "schema" in node:
            self.schema(node["schema"], file, (*at, "schema"))
        if node.get("content") is not None:
            self.content(node["content"], file, (*at, "content"))

    def request_body(self, body: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(body, dict, file, at, "a request body (a mapping)")
        if not self.is_ref(body, file, at) and body.get("content") is not None:
            self.content(body["content"], file, (*at, "content"))

    def response(self, response: Any, file: str, at: tuple[str, ...]) -> None:
        file = self.expect(response, dict, file, at, "a response (a mapping)")
        if self.is_ref(response, file, at):
            return
        if response.get("content") is not None:
            self.content(response["content"], file, (*at, "content"))
        for node, where, place in self.entries(response.get("headers") or {}, file, (*at, "headers"), "headers"):
            self.header(node, where, place)

    def content(self, content: Any, file: str, at: tuple[str, ...]) -> None:
        for media, where, place in self.entries(content, file, at, "media types"):
            where = self.expect(media, dict, where, place, "a media type (a mapping)")
            if "schema" in media:
                self.schema(media["schema"], where, (*place, "schema"))

    def schema(self, schema: Any, file: str, at: tuple[str, ...]) -> None:
        if isinstance(schema, bool):  # true / false are schemas in OpenAPI 3.1
            return
        file = self.expect(schema, dict, file, at, "a schema (a mapping)")
        if self.is_ref(schema, file, at):
            return
        for key in _SCHEMA_MAPS:
            if schema.get(key) is not None:
                for node, where, place in self.entries(schema[key], file, (*at, key), "names to schemas"):
                    self.schema(node, where, place)
        for key in _SCHEMA_ONE:
            if key in schema:
                self.schema(schema[key], file, (*at, key))
        for key in _SCHEMA_LISTS:
            for index, node in enumerate(self.list_of(schema.get(key), file, (*at, key), "schemas")):
                self.schema(node, file, (*at, key, str(index)))
        required = self.list_of(schema.get("required"), file, (*at, "required"), "property names")
        if any(not isinstance(name, str) for name in required):
            raise self.fail(file, (*at, "required"), "expected a list of property names (strings)")
        self.list_of(schema.get("enum"), file, (*at, "enum"), "values")
        kind = schema.get("type")
        if kind is not None and not (
            isinstance(kind, str) or (isinstance(kind, list) and all(isinstance(k, str) for k in kind))
        ):
            raise self.fail(file, (*at, "type"), f"expected a type name or a list of them, got {_kind(kind)}")
