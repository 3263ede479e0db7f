"""The spec index: facts of the normalized document that the engine's parse does not keep."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..spec import HTTP_METHODS, resolve_pointer


class SpecIndex:
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

    def operation(self, url_path: str, http_verb: str) -> dict[str, Any]:
        return dict(self.deref(self.doc["paths"][url_path])[http_verb])

    def parameters(self, url_path: str, http_verb: str) -> dict[tuple[str, str], dict[str, Any]]:
        item = self.deref(self.doc["paths"][url_path])
        result = {}
        for raw in list(item.get("parameters") or []) + list(item[http_verb].get("parameters") or []):
            param = self.deref(raw)
            result[(param["in"], param["name"])] = param
        return result

    def deep_query(self, url_path: str, http_verb: str) -> frozenset[str]:
        """The wire names of an operation's deepObject query parameters (`filter`, `page`): name[key]=value."""
        return frozenset(
            name
            for (where, name), param in self.parameters(url_path, http_verb).items()
            if where == "query" and param.get("style") == "deepObject"
        )

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
