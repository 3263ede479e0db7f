"""``GET /sandbox/state``: everything the console shows, as one JSON document.

Each section is a list of plain objects (newest first for the logs), so the page can render rows
generically: a field added here later (a call leg's real state machine, say) shows up as a column
without a change to the page. Credentials never reach it: request headers are redacted when logged,
and the serialized document is scrubbed of every bearer token the sandbox has seen.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._state import Call, Conference, Participant, Recording, SandboxState, iso

if TYPE_CHECKING:
    from ._app import SandboxApp

__all__ = ["state_json"]

_LOG_ROWS = 200  # deliveries and requests sent to the page (the newest)


def state_json(app: SandboxApp) -> str:
    deliveries = [d.to_json() for d in app.deliverer.log()]
    timelines = _timelines(deliveries)
    with app.state.lock:
        state = app.state
        document: dict[str, Any] = {
            "clock": app.clock_json(),
            "webhook_url": app.webhook_url,
            "calls": [_call(state, call, timelines.get(call.call_control_id, [])) for call in state.calls.values()],
            "conferences": [_conference(state, c) for c in reversed(state.conferences.values())],
            "queues": [state.queue_json(queue) for queue in state.queues.values()],
            "recordings": [_recording(state, r) for r in reversed(state.recordings)],
        }
    requests = app.requests.items()
    document["deliveries"] = deliveries[::-1][:_LOG_ROWS]
    document["requests"] = [_exchange(item) for item in requests[::-1][:_LOG_ROWS]]
    document["faults"] = {
        "settings": app.faults.settings(),
        "injected": [_fault(item) for item in requests[::-1] if item["fault"]],
    }
    totals = app.stats.snapshot()
    document["stats"] = {**totals["totals"], "duplicates_applied": totals["duplicates_applied"]}
    return app.requests.scrub(json.dumps(document, default=str))


def _timelines(deliveries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each call's events, oldest first, from the webhooks sent about it (the legs keep no history yet)."""
    timelines: dict[str, list[dict[str, Any]]] = {}
    seen: set[Any] = set()
    for delivery in deliveries:
        event = (delivery.get("body") or {}).get("data") or {}
        payload = event.get("payload") or {}
        call_control_id = payload.get("call_control_id")
        if not call_control_id or event.get("id") in seen:  # a redelivery is not a new event
            continue
        seen.add(event.get("id"))
        at = event.get("occurred_at") or payload.get("occurred_at")
        timelines.setdefault(call_control_id, []).append({"at": at, "event": event.get("event_type")})
    return timelines


def _call(state: SandboxState, call: Call, timeline: list[dict[str, Any]]) -> dict[str, Any]:
    conference = next(
        (c for c in state.conferences.values() if c.active and c.participant_for(call.call_control_id)), None
    )
    if call.hung_up:
        status = "hangup"
    elif call.queue is not None:
        status = "queued"
    elif conference is not None:
        status = "in_conference"
    else:
        status = "parked" if call.direction == "incoming" else "answered"
    return {
        "call_control_id": call.call_control_id,
        "state": status,
        "direction": call.direction,
        "from": call.from_number,
        "to": call.to_number,
        "conference": conference.name if conference is not None else None,
        "queue": call.queue,
        "started_at": iso(call.started_at) if call.started_at is not None else None,
        "call_leg_id": call.call_leg_id,
        "call_session_id": call.call_session_id,
        "timeline": timeline,
    }


def _conference(state: SandboxState, conference: Conference) -> dict[str, Any]:
    recording = conference.recording
    return {
        **state.conference_json(conference),
        "floor": conference.floor,
        "recording": recording.state if recording is not None else None,
        "playing": conference.playing.kind if conference.playing is not None else None,
        "participants": [_participant(p) for p in conference.participants.values()],
    }


def _participant(participant: Participant) -> dict[str, Any]:
    return {
        "id": participant.id,
        "call_control_id": participant.call.call_control_id,
        "status": participant.status,
        "muted": participant.muted,
        "on_hold": participant.on_hold,
        "supervisor_role": participant.supervisor_role,
        "whispering": participant.whispering,
        "whisper_call_control_ids": list(participant.whisper_call_control_ids),
        "label": participant.label,
        "joined_at": iso(participant.created_at),
    }


def _recording(state: SandboxState, recording: Recording) -> dict[str, Any]:
    conference = state.conferences.get(recording.conference_id)
    return {
        "id": recording.id,
        "conference": conference.name if conference is not None else recording.conference_id,
        "state": recording.state,
        "format": recording.format,
        "channels": recording.channels,
        "started_at": iso(recording.started_at),
        "ended_at": iso(recording.ended_at) if recording.ended_at is not None else None,
    }


def _exchange(item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "at": iso(item["at"], micro=True)}


def _fault(item: dict[str, Any]) -> dict[str, Any]:
    fault = item["fault"]
    return {
        "request": item["number"],
        "at": iso(item["at"], micro=True),
        "method": item["method"],
        "path": item["path"],
        "operation_id": item["operation_id"],
        "kind": fault["kind"],
        "phase": fault["phase"],
        "status": item["status"],
        "outcome": item["outcome"],
    }
