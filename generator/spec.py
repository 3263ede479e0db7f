"""Facts of OpenAPI documents every stage shares: the HTTP verbs of a path item, and JSON pointers."""

from __future__ import annotations

from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def escape_token(key: str) -> str:
    """One key as a JSON pointer token (``a/b`` -> ``a~1b``)."""
    return key.replace("~", "~0").replace("/", "~1")


def pointer_tokens(pointer: str) -> list[str]:
    """The unescaped tokens of a JSON pointer (``#/components/schemas/a~1b`` -> components, schemas, a/b)."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    return [token.replace("~1", "/").replace("~0", "~") for token in body.split("/") if token != ""]


def resolve_pointer(doc: Any, pointer: str) -> Any:
    """The node a local JSON pointer names; KeyError/IndexError/TypeError when it names nothing."""
    node = doc
    for token in pointer_tokens(pointer):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
