"""Turn a webhook body into a typed event, accepting the ``{"data": {...}}`` envelope and bare events."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from ._base import UnknownEvent, WebhookEvent
from ._convert import json_type
from ._errors import InvalidPayloadError

if TYPE_CHECKING:
    from .events import Event

__all__ = ["load_document", "parse_event"]

_registry: dict[str, type[WebhookEvent]] | None = None


def _event_types() -> dict[str, type[WebhookEvent]]:
    global _registry
    if _registry is None:
        from .events import EVENT_TYPES  # generated; imported on first parse, not with the package

        _registry = EVENT_TYPES
    return _registry


def parse_event(body: bytes | str | Mapping[str, Any]) -> Event:
    """Parse a webhook body (not verified: see `unwrap`) into its typed event class.

    Accepts ``{"data": {"event_type": ..., "id": ..., "payload": {...}}, "meta": {...}}`` and the
    bare inner object. An `event_type` this SDK does not know gives an `UnknownEvent`. Raises only
    `InvalidPayloadError` (with a `reason`) for anything that is not such an event.
    """
    document = load_document(body)
    data = document.get("data")
    if isinstance(data, dict) and "event_type" in data:
        event, meta = data, document.get("meta")
    elif "event_type" in document:
        event, meta = document, None
    elif isinstance(data, dict):
        raise InvalidPayloadError("the 'data' object has no 'event_type'")
    else:
        raise InvalidPayloadError(
            "expected a Telnyx webhook event: a JSON object with a 'data' object holding 'event_type', 'id' "
            f"and 'payload' (or those at the top level); got an object with keys {_keys(document)}"
        )
    event_type = event["event_type"]
    if not isinstance(event_type, str):
        raise InvalidPayloadError(f"'event_type' must be a string, got {json_type(event_type)}")
    cls = _event_types().get(event_type, UnknownEvent)
    return cast("Event", cls.from_dict(event, meta=meta if isinstance(meta, dict) else None))


def load_document(body: bytes | str | Mapping[str, Any]) -> dict[str, Any]:
    """Decode the body as UTF-8 JSON and check that it is an object."""
    if isinstance(body, Mapping):
        document: object = body if isinstance(body, dict) else dict(body)
    else:
        if isinstance(body, (bytes, bytearray, memoryview)):
            try:
                text = bytes(body).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InvalidPayloadError(f"the body is not UTF-8 (invalid byte at offset {exc.start})") from None
        elif isinstance(body, str):
            text = body
        else:
            raise InvalidPayloadError(f"expected the body as bytes, str or a parsed dict; got {type(body).__name__}")
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidPayloadError(
                f"the body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
            ) from None
        except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert, or absurd nesting
            raise InvalidPayloadError(f"the body is not JSON this parser accepts ({type(exc).__name__})") from None
    if not isinstance(document, dict):
        raise InvalidPayloadError(f"expected a JSON object at the top level, got {json_type(document)}")
    return document


def _keys(document: dict[str, Any]) -> str:
    keys = [str(key) for key in list(document)[:8]]
    return "[" + ", ".join(repr(key[:40]) for key in keys) + (", ...]" if len(document) > 8 else "]")
