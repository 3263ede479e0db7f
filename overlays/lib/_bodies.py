"""Request bodies other than JSON: what a facade hands the client for a form, a multipart upload or raw bytes.

A facade passes its body as the `json=` argument of `request()`; wrapping it in one of these
classes says how it travels. Anything else is sent as JSON.
"""

from __future__ import annotations

from typing import IO, Any

__all__ = ["Content", "Form", "Multipart", "body_arguments", "is_file"]


class Form(dict[str, Any]):
    """`application/x-www-form-urlencoded` fields."""


class Multipart(dict[str, Any]):
    """`multipart/form-data`: bytes, file objects and (name, bytes) tuples are files, the rest fields."""


class Content:
    """A raw body (`application/octet-stream` or another binary media type).

    Takes what a file argument takes everywhere (bytes, a file object or a ``(name, bytes)`` tuple, as
    the official SDK's file types do); a raw body has no file name, so only the content is sent."""

    __slots__ = ("data",)

    def __init__(self, data: bytes | IO[bytes] | tuple[str, bytes]) -> None:
        self.data = data[1] if isinstance(data, tuple) else data


def _field(value: Any) -> str:
    """A form field's text: strings as they are, booleans as JSON spells them, structures as JSON."""
    if isinstance(value, str):
        return value
    import json  # form bodies are rare: json stays out of the cold start

    return json.dumps(value, separators=(",", ":"))


def is_file(value: Any) -> bool:
    """Whether a multipart value is a file part: bytes, a (name, bytes...) tuple or a readable object."""
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def body_arguments(body: Any) -> dict[str, Any]:
    """The httpx `build_request` keywords that send `body`."""
    if isinstance(body, Multipart):
        files = {k: v for k, v in body.items() if is_file(v)}
        data = {k: _field(v) for k, v in body.items() if not is_file(v)}
        return {"data": data or None, "files": files or None}
    if isinstance(body, Form):
        return {"data": {k: _field(v) for k, v in body.items()}}
    if isinstance(body, Content):
        return {"content": body.data}
    return {"json": body}
