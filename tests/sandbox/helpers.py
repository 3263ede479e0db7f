"""Helpers shared by the sandbox tests."""

from __future__ import annotations

from typing import Any

from telnyx_conferencing.sandbox import SandboxApp


def delivered(app: SandboxApp, event_type: str | None = None) -> list[Any]:
    """The webhook deliveries so far (after the background thread caught up), optionally of one type."""
    assert app.wait_for_deliveries(5.0)
    return [d for d in app.inbox.items() if event_type is None or d.event_type == event_type]


def event_types(app: SandboxApp) -> list[str]:
    return [d.event_type for d in delivered(app)]


def occurred_at(delivery: Any) -> str:
    """The event's occurred_at, from the event or its payload (whichever its type carries)."""
    return str(delivery.data.get("occurred_at") or delivery.payload["occurred_at"])
