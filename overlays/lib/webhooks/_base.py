"""Base classes of the typed webhook events (`WebhookEvent`, `WebhookPayload`) and `UnknownEvent`.

The generated `events` module subclasses these, one pair per event type. Every event keeps the
inner event object it was built from in `raw`, so fields this SDK does not know survive and
`to_dict()` gives back exactly what Telnyx sent.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any, ClassVar, Self, cast

import attrs

from ._convert import required, string

__all__ = ["UnknownEvent", "WebhookEvent", "WebhookPayload"]


@attrs.define(slots=True, frozen=True, kw_only=True)
class WebhookPayload:
    """Base of each event's typed `payload`; `raw` is the payload object as received."""

    raw: dict[str, Any] = attrs.field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Return a copy of the payload object exactly as received."""
        return copy_json(self.raw)


@attrs.define(slots=True, frozen=True, kw_only=True)
class WebhookEvent:
    """A verified Telnyx webhook event.

    `event_type` is a class constant on each typed subclass (``ConferenceCreatedEvent.event_type``),
    so ``match event: case ConferenceCreatedEvent(): ...`` selects on it. `id` identifies the
    delivery (Telnyx may deliver an event twice: deduplicate on it) and `occurred_at` orders
    deliveries that arrive out of order. `meta` is the envelope's ``meta`` object (e.g. ``attempt``),
    None for an event sent without the ``data`` envelope.
    """

    event_type: ClassVar[str] = ""

    id: str
    occurred_at: datetime.datetime | None
    record_type: str | None
    payload: Any
    meta: dict[str, Any] | None = None
    raw: dict[str, Any] = attrs.field(repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, meta: dict[str, Any] | None = None) -> Self:
        """Build the event from the inner event object (the value of ``data`` in the envelope)."""
        raise NotImplementedError(f"{cls.__name__} is abstract; use parse_event() or a typed event class")

    @property
    def data(self) -> Self:
        """The envelope's `data` object, as the official SDK spells it (`event.data.payload`,
        `event.data.event_type`, `event.data.id`): this event itself, which is that object typed."""
        return self

    def to_dict(self) -> dict[str, Any]:
        """Return a copy of the inner event object exactly as received, unknown fields included."""
        return copy_json(self.raw)


def copy_json(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of a decoded JSON document, without recursion: any body `unwrap` accepts (a verified body may
    nest hundreds of levels deep, which `copy.deepcopy` turns into a RecursionError) can be copied."""
    root: dict[str, Any] = {}
    pending: list[tuple[dict[str, Any] | list[Any], dict[str, Any] | list[Any]]] = [(document, root)]
    while pending:
        source, target = pending.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in items:
            if isinstance(value, (dict, list)):
                child: dict[str, Any] | list[Any] = {} if isinstance(value, dict) else []
                pending.append((value, child))
            else:
                child = copy.deepcopy(value)  # JSON scalars are returned as is; anything else is copied
            if isinstance(target, dict):
                target[cast(str, key)] = child
            else:
                target.append(child)
    return root


def _lenient_datetime(value: object) -> datetime.datetime | None:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


@attrs.define(slots=True, frozen=True, kw_only=True)
class UnknownEvent(WebhookEvent):
    """An event whose `event_type` this SDK version does not know (e.g. one Telnyx added later).

    Nothing beyond `id` and `event_type` is checked: `payload` is the payload object as a dict,
    `occurred_at` is read from the top level or the payload when it is a valid ISO 8601 string,
    and `raw` holds everything that was received.
    """

    # An instance field here; on the typed events it is a class constant.
    event_type: str  # type: ignore[misc]
    payload: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, meta: dict[str, Any] | None = None) -> Self:
        payload = data.get("payload")
        if not isinstance(payload, dict):
            payload = {}
        occurred_at = data.get("occurred_at")
        if occurred_at is None:
            occurred_at = payload.get("occurred_at")
        record_type = data.get("record_type")
        return cls(
            event_type=required(string(data, "event_type", "event"), "event_type", "event"),
            id=required(string(data, "id", "event"), "id", "event"),
            occurred_at=_lenient_datetime(occurred_at),
            record_type=record_type if isinstance(record_type, str) else None,
            payload=payload,
            meta=meta,
            raw=data,
        )
