"""Validates HTTP traffic against spec/: the oracle of the contract suite (and of the sandbox tests).

Requests are checked for method and path template, path and query parameters (including the
deepObject wire form ``page[number]=2``), the bearer header, ``Content-Type`` and the JSON body
(jsonschema, draft 2020-12, against the operation's request schema). Responses are checked
against the operation's schema for their status code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.load import load_spec
from generator.spec import HTTP_METHODS, escape_token, resolve_pointer

_URN = "urn:telnyx-conferencing:spec"
_DEEP_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    pattern: re.Pattern[str]
    pointer: str  # JSON pointer of the operation in the document
    operation: dict[str, Any]
    parameters: tuple[dict[str, Any], ...]


class SpecValidator:
    def __init__(self, spec: Path | dict[str, Any], base_path: str = "/v2") -> None:
        self.doc = load_spec(spec) if isinstance(spec, Path) else spec
        self.base_path = base_path.rstrip("/")
        self.registry: Registry[Any] = Registry().with_resource(_URN, Resource.from_contents(self.doc, DRAFT202012))
        self.routes: list[Route] = []
        for template, item in self.doc["paths"].items():
            item = self.deref(item)
            regex = "^" + re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
            for method in HTTP_METHODS:
                if method in item:
                    params = tuple(
                        self.deref(p) for p in [*item.get("parameters", []), *item[method].get("parameters", [])]
                    )
                    pointer = f"/paths/{escape_token(template)}/{method}"
                    self.routes.append(Route(method, template, re.compile(regex), pointer, item[method], params))

    def deref(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = resolve_pointer(self.doc, node["$ref"])
        return node

    def schema_errors(self, pointer: str, instance: Any) -> list[str]:
        validator = Draft202012Validator({"$ref": f"{_URN}#{pointer}"}, registry=self.registry)
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(instance)
        ]

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        if self.base_path and path.startswith(self.base_path + "/"):
            path = path[len(self.base_path) :]
        for route in self.routes:
            found = route.pattern.match(path)
            if route.method == method.lower() and found:
                return route, {k: unquote(v) for k, v in found.groupdict().items()}
        return None

    # -- requests -------------------------------------------------------------------------

    def request_problems(self, request: httpx.Request) -> list[str]:
        matched = self.match(request.method, request.url.path)
        if matched is None:
            return [f"no operation for {request.method} {request.url.path}"]
        route, path_values = matched
        problems = self._auth_problems(request)
        problems += self._path_problems(route, path_values)
        problems += self._query_problems(route, request.url.params.multi_items())
        problems += self._body_problems(route, request)
        return [f"{route.operation.get('operationId')}: {p}" for p in problems]

    def _auth_problems(self, request: httpx.Request) -> list[str]:
        value = request.headers.get("authorization", "")
        return [] if value.startswith("Bearer ") and value[7:].strip() else ["missing bearer Authorization header"]

    def _value_problems(self, name: str, schema: dict[str, Any], value: Any) -> list[str]:
        validator = Draft202012Validator(schema, registry=self.registry)
        return [f"parameter {name!r}: {e.message}" for e in validator.iter_errors(value)]

    def _path_problems(self, route: Route, values: dict[str, str]) -> list[str]:
        problems = []
        for param in route.parameters:
            if param["in"] == "path":
                value = values.get(param["name"], "")
                if not value:
                    problems.append(f"empty path parameter {param['name']!r}")
                problems += self._value_problems(param["name"], self.deref(param.get("schema", {})), value)
        return problems

    def _coerce(self, schema: dict[str, Any], raw: str) -> Any:
        schema = self.deref(schema)
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "integer" in kinds and re.fullmatch(r"-?\d+", raw):
            return int(raw)
        if "number" in kinds and re.fullmatch(r"-?\d+(\.\d+)?", raw):
            return float(raw)
        if "boolean" in kinds and raw in ("true", "false"):
            return raw == "true"
        return raw

    def _query_problems(self, route: Route, items: list[tuple[str, str]]) -> list[str]:
        declared = {p["name"]: p for p in route.parameters if p["in"] == "query"}
        problems: list[str] = []
        objects: dict[str, dict[str, Any]] = {}
        for key, raw in items:
            deep = _DEEP_KEY.match(key) if key not in declared else None  # ListQueues declares flat page[number]
            if deep:
                name, keys = deep.group(1), re.findall(r"\[([^\[\]]*)\]", deep.group(2))
                param = declared.get(name)
                if param is None or param.get("style") != "deepObject":
                    problems.append(f"query {key!r} is not a deepObject parameter of this operation")
                    continue
                schema, target = self.deref(param.get("schema", {})), objects.setdefault(name, {})
                for inner in keys[:-1]:
                    schema = self.deref((schema.get("properties") or {}).get(inner, {}))
                    target = target.setdefault(inner, {})
                leaf = self.deref((schema.get("properties") or {}).get(keys[-1], {}))
                target[keys[-1]] = self._coerce(leaf, raw)
                continue
            param = declared.get(key)
            if param is None:
                problems.append(f"unknown query parameter {key!r}")
            elif param.get("style") == "deepObject":
                problems.append(f"query {key!r} must be sent in deepObject form ({key}[...]=...)")
            else:
                schema = self.deref(param.get("schema", {}))
                problems += self._value_problems(key, schema, self._coerce(schema, raw))
        for name, value in objects.items():
            problems += self._value_problems(name, self.deref(declared[name].get("schema", {})), value)
        for name, param in declared.items():
            if param.get("required") and name not in objects and name not in {k for k, _ in items}:
                problems.append(f"missing required query parameter {name!r}")
        return problems

    def _body_problems(self, route: Route, request: httpx.Request) -> list[str]:
        body_spec = self.deref(route.operation.get("requestBody") or {})
        content = request.content
        if not body_spec:
            return ["request has a body but the operation takes none"] if content else []
        if not content:
            return ["missing required request body"] if body_spec.get("required") else []
        if not request.headers.get("content-type", "").startswith("application/json"):
            return [f"Content-Type is {request.headers.get('content-type')!r}, expected application/json"]
        try:
            payload = json.loads(content)
        except ValueError:
            return ["request body is not JSON"]
        pointer = f"{route.pointer}/requestBody/content/application~1json/schema"
        if "$ref" in route.operation.get("requestBody", {}):
            ref = route.operation["requestBody"]["$ref"]
            pointer = ref.lstrip("#") + "/content/application~1json/schema"
        return [f"body {problem}" for problem in self.schema_errors(pointer, payload)]

    # -- responses ------------------------------------------------------------------------

    def response_problems(self, method: str, path: str, status: int, payload: Any) -> list[str]:
        matched = self.match(method, path)
        if matched is None:
            return [f"no operation for {method} {path}"]
        route = matched[0]
        responses = route.operation.get("responses") or {}
        key = str(status) if str(status) in responses else "default"
        if key not in responses:
            return [f"{route.operation.get('operationId')}: status {status} is not documented"]
        response = responses[key]
        base = f"{route.pointer}/responses/{key}"
        if "$ref" in response:
            base, response = response["$ref"].lstrip("#"), self.deref(response)
        if "application/json" not in (response.get("content") or {}):
            return []
        problems = self.schema_errors(f"{base}/content/application~1json/schema", payload)
        return [f"{route.operation.get('operationId')} {status}: {p}" for p in problems]
