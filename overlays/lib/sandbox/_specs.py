"""The shapes of the rendered tables in `_routes`: what the sandbox knows about each operation and event.

`_routes.py` is rendered from spec/ by the build step; these classes are hand-written so that the
template stays a table and the behaviour stays in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["EventSpec", "RouteSpec"]


@dataclass(frozen=True)
class RouteSpec:
    """One operation of the API as the sandbox serves it."""

    operation_id: str
    http_verb: str  # upper case: "GET", "POST"...
    url_path: str  # template such as "/conferences/{id}/actions/join", without the /v2 base path
    facade: str  # SDK method, e.g. "conferences.actions.join"
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]
    deep_object_params: tuple[str, ...]  # query parameters sent as name[key]=value
    body_params: tuple[str, ...]
    body_required: bool
    has_command_id: bool
    paginated: bool
    replay_safe: bool  # the SDK retries it freely: it has a command_id, or repeating it changes nothing
    query_schema: dict[str, Any] = field(compare=False, repr=False)
    body_schema: dict[str, Any] | None = field(compare=False, repr=False)

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.url_path.strip("/").split("/"))

    @property
    def mutating(self) -> bool:
        """Whether a successful call changes state (everything but GET)."""
        return self.http_verb != "GET"

    @property
    def idempotent(self) -> bool:
        """A change that repeating leaves as it was (mute, hold, update...): no command_id needed to retry it."""
        return self.mutating and self.replay_safe and not self.has_command_id


@dataclass(frozen=True)
class EventSpec:
    """One webhook event type: which fields go at the top of the event and which in its payload."""

    event_type: str
    class_name: str
    fields: tuple[str, ...]
    payload_fields: tuple[str, ...]
    payload_enums: dict[str, tuple[Any, ...]] = field(compare=False)
