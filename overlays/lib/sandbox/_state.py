"""The sandbox's model of Telnyx: calls, conferences, participants, recordings and queues.

Every call-control id is taken as a live, answered call the first time it is seen. Each operation
checks the state it needs (a 422 like Telnyx's when a transition is not allowed), applies its
change, and emits the webhook events Telnyx would send. The app calls `SandboxState.handle` with a
validated request and serializes what it returns; everything here is plain Python and thread-safe.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import math
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._clock import SandboxClock, Timer
from ._errors import (
    RESOURCE_NOT_FOUND,
    SandboxError,
    already_ended,
    conference_not_found,
    invalid_value,
    missing_parameter,
    not_found,
    unprocessable,
)
from ._specs import RouteSpec

__all__ = ["Call", "Conference", "Emit", "Media", "Participant", "Queue", "Recording", "SandboxState", "iso"]

Emit = Callable[[str, dict[str, Any]], None]
"""Receives (event_type, values for the event's fields); the webhook layer picks the fields it needs."""

CONFERENCE_LIFETIME = 4 * 3600.0  # Telnyx ends a conference after 4 hours at most
DEFAULT_MAX_PARTICIPANTS = 250
DEFAULT_QUEUE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
DEFAULT_RING_SECS = 3.0  # how long a dialed leg rings before the far end answers (SandboxApp(ring_secs=...))
RECORDING_BASE_URL = "https://sandbox.telnyx.invalid/recordings"
# The sandbox cannot fetch audio or synthesize speech, so it times them by rule (the README says so):
AUDIO_FILE_SECS = 10.0  # every audio file (audio_url or media_name) lasts this long per loop
SPEECH_CHARS_PER_SEC = 15.0  # about 150 words a minute; a speak lasts len(text) / this, 1 s at least


def iso(moment: float, *, micro: bool = False) -> str:
    """Unix seconds as Telnyx writes them: `2019-01-23T18:10:02.574Z` (microseconds for occurred_at)."""
    stamp = datetime.datetime.fromtimestamp(moment, datetime.UTC)
    return stamp.isoformat(timespec="microseconds" if micro else "milliseconds").replace("+00:00", "Z")


@dataclass
class Call:
    call_control_id: str
    call_leg_id: str
    call_session_id: str
    client_state: str | None = None
    hung_up: bool = False
    queue: str | None = None
    enqueued_at: float = 0.0
    max_wait_time_secs: int | None = None
    queue_timer: Timer | None = None
    direction: str | None = None  # "incoming" for an injected inbound call; None: a leg first seen in a command
    from_number: str | None = None
    to_number: str | None = None
    started_at: float | None = None
    state: str = "answered"  # parked (inbound, unanswered), ringing (dialed), answered, bridged, hangup
    ended_at: float | None = None
    bridged_to: Call | None = None
    park_after_unbridge: str | None = None
    digits: str = ""  # DTMF the far end will press, scripted through the sandbox
    keep_after_hangup: bool = False
    extras: dict[str, Any] = field(default_factory=dict)  # per-leg media, gather, recording, features (_call_media)
    timer: Timer | None = None  # the ring of a dialed leg

    @property
    def live(self) -> bool:
        return not self.hung_up

    def values(self) -> dict[str, Any]:
        return {
            "call_control_id": self.call_control_id,
            "call_leg_id": self.call_leg_id,
            "call_session_id": self.call_session_id,
            "client_state": self.client_state,
        }


@dataclass
class Participant:
    id: str
    call: Call
    conference_id: str
    created_at: float
    updated_at: float
    status: str = "joined"
    muted: bool = False
    on_hold: bool = False
    end_conference_on_exit: bool = False
    soft_end_conference_on_exit: bool = False
    supervisor_role: str = "none"
    whisper_call_control_ids: list[str] = field(default_factory=list)
    beep_enabled: str | None = None
    label: str | None = None
    held_until_start: bool = False  # put on hold because the conference had not started yet
    muted_as_monitor: bool = False  # muted because the supervisor role is monitor

    @property
    def active(self) -> bool:
        return self.status != "left"

    @property
    def whispering(self) -> bool:
        return self.supervisor_role == "whisper"


@dataclass
class Recording:
    id: str
    format: str
    channels: str
    started_at: float
    state: str = "recording"  # or "paused", then "saved"
    conference_id: str = ""
    ended_at: float | None = None


@dataclass
class Media:
    """Audio in progress: a playback or a speak, to the whole conference or to some participants."""

    kind: str  # "playback" or "speak": the middle word of its event types
    values: dict[str, Any]
    listeners: list[Participant] | None  # None: the whole conference
    timer: Timer | None = None  # when it ends by itself; None while it loops forever


@dataclass
class Conference:
    id: str
    name: str
    creator: Call
    connection_id: str
    created_at: float
    updated_at: float
    expires_at: float
    region: str | None
    max_participants: int
    status: str = "in_progress"  # init, in_progress, completed
    beep_enabled: str = "never"
    end_reason: str | None = None
    ended_by: Call | None = None
    participants: dict[str, Participant] = field(default_factory=dict)  # by participant id, join order
    recording: Recording | None = None
    playing: Media | None = None  # the audio that `stop` ends
    speaking: list[Media] = field(default_factory=list)
    floor: str | None = None  # call_control_id of the participant holding the floor
    end_timer: Timer | None = None

    @property
    def active(self) -> bool:
        return self.status != "completed"

    def active_participants(self) -> list[Participant]:
        return [p for p in self.participants.values() if p.active]

    def participant_for(self, call_control_id: str) -> Participant | None:
        for participant in self.participants.values():
            if participant.active and participant.call.call_control_id == call_control_id:
                return participant
        return None

    def values(self) -> dict[str, Any]:
        """Fields every conference event carries; the creator's client_state is the conference's."""
        return {
            "conference_id": self.id,
            "connection_id": self.connection_id,
            "creator_call_session_id": self.creator.call_session_id,
            "client_state": self.creator.client_state,
        }


@dataclass
class Queue:
    name: str
    max_size: int
    calls: list[Call] = field(default_factory=list)
    waited_secs: float = 0.0
    left: int = 0
    id: str = ""
    created_at: float = 0.0
    updated_at: float = 0.0

    def average_wait(self) -> int:
        return round(self.waited_secs / self.left) if self.left else 0


Handler = Callable[[RouteSpec, dict[str, str], dict[str, Any], dict[str, Any]], dict[str, Any] | None]


class SandboxState:
    """All conferences, calls and queues of one sandbox, and the operations on them."""

    def __init__(self, *, emit: Emit, clock: SandboxClock | None = None, seed: int | None = None) -> None:
        self._emit = emit
        self.clock = clock if clock is not None else SandboxClock()
        self._rng = random.Random(seed)
        self.lock = self.clock.lock  # timers fire under the same lock as requests
        self.calls: dict[str, Call] = {}
        self.conferences: dict[str, Conference] = {}
        self.queues: dict[str, Queue] = {}
        self.recordings: list[Recording] = []  # every recording ever started, for the console
        self.connection_id = str(self._rng.randrange(10**18, 10**19))
        self.ring_secs = DEFAULT_RING_SECS
        from ._resources import resources  # the handlers of each resource, by the SDK's names

        self._resources = resources(self)

    # ---- plumbing -------------------------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def _handler(self, facade: str) -> Handler | None:
        """The behaviour of a route, found by its SDK name ("calls.actions.answer"), as the generator names it."""
        resource, _, method = facade.rpartition(".")
        handler = getattr(self._resources.get(resource), method, None)
        return handler if callable(handler) and not method.startswith("_") else None

    def handles(self, route: RouteSpec) -> bool:
        return self._handler(route.facade) is not None

    def handle(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Run one validated request; returns the response body (None: a 204) or raises `SandboxError`."""
        handler = self._handler(route.facade)
        if handler is None:
            raise SandboxError(
                501, "10000", "Not implemented", f"The sandbox does not simulate {route.operation_id} yet."
            )
        _check_client_state(body)
        with self.lock:
            self.clock.run_due()  # in case the timer thread is a moment behind
            with self.clock.pinned_at(self.clock()):  # every timestamp of one request is the same instant
                return handler(route, path, query, body)

    def call(
        self, call_control_id: str, *, pointer: str = "/call_control_id", live: bool = True, answered: bool = False
    ) -> Call:
        """The call with this id; a new id is a call that was just answered."""
        if not call_control_id:
            raise invalid_value("The call_control_id provided was not valid.", pointer=pointer)
        call = self.calls.get(call_control_id)
        if call is None:
            call = self.calls[call_control_id] = Call(call_control_id, self.new_id(), self.new_id())
        if live and call.hung_up:
            raise unprocessable(
                "90018", "Call has already ended", "This call is no longer active and can't receive commands."
            )
        if answered and call.state in ("parked", "ringing"):
            raise unprocessable(
                "90034",
                "Call not answered yet",
                "This call can't receive this command because it has not been answered yet.",
            )
        return call

    def conference(self, key: str, *, active: bool = True) -> Conference:
        """A conference by ID or by name (the active one with that name first)."""
        conference = self.conferences.get(key)
        if conference is None:
            named = [c for c in self.conferences.values() if c.name == key]
            named.sort(key=lambda c: (c.active, c.created_at), reverse=True)
            conference = named[0] if named else None
        if conference is None:
            raise conference_not_found()
        if active and not conference.active:
            raise already_ended()
        return conference

    def _participants(
        self, conference: Conference, body: dict[str, Any], *, required: bool = False
    ) -> list[Participant]:
        """The participants named by `call_control_ids`, or every active one when the list is absent or empty."""
        ids = body.get("call_control_ids") or []
        if not ids:
            if required:
                raise invalid_value("Give at least one call_control_id.", pointer="/call_control_ids")
            return conference.active_participants()
        chosen = []
        for index, call_control_id in enumerate(ids):
            participant = conference.participant_for(call_control_id)
            if participant is None:
                raise invalid_value(
                    f"Call {call_control_id!r} is not a participant of this conference.",
                    pointer=f"/call_control_ids/{index}",
                )
            chosen.append(participant)
        return chosen

    def _touch(self, *items: Participant | Conference) -> None:
        now = self.clock()
        for item in items:
            item.updated_at = now

    def _event(self, event_type: str, *parts: dict[str, Any], **values: Any) -> None:
        merged: dict[str, Any] = {}
        for part in parts:
            merged.update(part)
        merged.update(values)
        self._emit(event_type, merged)

    def legs_event(self, event_type: str, call: Call, **values: Any) -> None:
        """An event about one leg: its ids, client_state, numbers and connection, plus `values`."""
        numbers = {"from": call.from_number, "to": call.to_number}
        self._event(event_type, call.values(), numbers, {"connection_id": self.connection_id}, values)

    @property
    def actions(self) -> Any:
        """The calls.actions handlers (`_call_media.CallActions`), which other resources reuse."""
        return self._resources["calls.actions"]

    @staticmethod
    def ok() -> dict[str, Any]:
        return {"data": {"result": "ok"}}

    # ---- serialization ----------------------------------------------------------------------

    def conference_json(self, conference: Conference) -> dict[str, Any]:
        data: dict[str, Any] = {
            "record_type": "conference",
            "id": conference.id,
            "name": conference.name,
            "created_at": iso(conference.created_at),
            "updated_at": iso(conference.updated_at),
            "expires_at": iso(conference.expires_at),
            "connection_id": conference.connection_id,
            "status": conference.status,
            "region": conference.region or "US",
        }
        if conference.end_reason:
            data["end_reason"] = conference.end_reason
        if conference.ended_by is not None:
            data["ended_by"] = {
                "call_control_id": conference.ended_by.call_control_id,
                "call_session_id": conference.ended_by.call_session_id,
            }
        return data

    def participant_json(self, participant: Participant) -> dict[str, Any]:
        """A participant as list_participants returns it (the spec's Participant)."""
        conference = self.conferences[participant.conference_id]
        return {
            "record_type": "participant",
            "id": participant.id,
            "call_control_id": participant.call.call_control_id,
            "call_leg_id": participant.call.call_leg_id,
            "conference": {"id": conference.id, "name": conference.name},
            "whisper_call_control_ids": list(participant.whisper_call_control_ids),
            "created_at": iso(participant.created_at),
            "updated_at": iso(participant.updated_at),
            "end_conference_on_exit": participant.end_conference_on_exit,
            "soft_end_conference_on_exit": participant.soft_end_conference_on_exit,
            "status": participant.status,
            "muted": participant.muted,
            "on_hold": participant.on_hold,
        }

    def participant_resource_json(self, participant: Participant) -> dict[str, Any]:
        """A participant as retrieve/update_participant return it (the spec's ConferenceParticipant)."""
        data: dict[str, Any] = {
            "id": participant.id,
            "call_control_id": participant.call.call_control_id,
            "call_leg_id": participant.call.call_leg_id,
            "conference_id": participant.conference_id,
            "created_at": iso(participant.created_at),
            "updated_at": iso(participant.updated_at),
            "end_conference_on_exit": participant.end_conference_on_exit,
            "soft_end_conference_on_exit": participant.soft_end_conference_on_exit,
            "status": participant.status,
            "muted": participant.muted,
            "on_hold": participant.on_hold,
            "whisper_call_control_ids": list(participant.whisper_call_control_ids),
        }
        if participant.label is not None:
            data["label"] = participant.label
        return data

    @staticmethod
    def page(items: list[dict[str, Any]], query: dict[str, Any]) -> dict[str, Any]:
        page = query.get("page") or {}
        size = int(page.get("size") or page.get("limit") or DEFAULT_PAGE_SIZE)
        number = int(page.get("number") or 1)
        total = len(items)
        start = (number - 1) * size
        return {
            "data": items[start : start + size],
            "meta": {
                "page_number": number,
                "page_size": size,
                "total_pages": math.ceil(total / size),
                "total_results": total,
            },
        }

    # ---- conferences ----------------------------------------------------------------------------

    def list_conferences(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        filters = query.get("filter") or {}
        chosen = list(self.conferences.values())
        if "status" in filters:
            chosen = [c for c in chosen if c.status == filters["status"]]
        if "name" in filters:
            chosen = [c for c in chosen if c.name == filters["name"]]
        if "connection_id" in filters:
            chosen = [c for c in chosen if c.connection_id == filters["connection_id"]]
        if "region" in query:
            chosen = [c for c in chosen if _region(c) == query["region"]]
        chosen.sort(key=lambda c: (c.expires_at, c.created_at), reverse=True)
        return self.page([self.conference_json(c) for c in chosen], query)

    def create_conference(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self.call(body["call_control_id"], answered=True)  # only a live, answered leg joins
        name = body["name"]
        if any(c.active and c.name == name for c in self.conferences.values()):
            raise unprocessable(
                "90033",
                "Unable to execute command",
                "Conference with given name already exists and it's active.",
                pointer="/name",
            )
        self._not_in_conference(call)
        _one_hold_audio(body)
        max_participants = body.get("max_participants", DEFAULT_MAX_PARTICIPANTS)
        if not 2 <= max_participants <= 800:
            raise SandboxError(
                422,
                "10033",
                "Value outside of range",
                "The value is outside of allowed range 2 to 800",
                pointer="/max_participants",
            )
        if "client_state" in body:
            call.client_state = body["client_state"]
        now = self.clock()
        duration = body.get("duration_minutes")
        lifetime = min(CONFERENCE_LIFETIME, duration * 60.0) if duration else CONFERENCE_LIFETIME
        conference = Conference(
            id=self.new_id(),
            name=name,
            creator=call,
            connection_id=self.connection_id,
            created_at=now,
            updated_at=now,
            expires_at=now + lifetime,
            region=body.get("region"),
            max_participants=max_participants,
            status="in_progress" if body.get("start_conference_on_create", True) else "init",
            beep_enabled=body.get("beep_enabled", "never"),
        )
        self.conferences[conference.id] = conference
        conference.end_timer = self.clock.at(
            conference.expires_at, lambda: self._end(conference, reason="time_exceeded", by=None)
        )
        if call.queue is not None:
            self._dequeue(call, reason="bridged")
        self._event("conference.created", call.values(), conference.values(), client_state=call.client_state)
        self._add_participant(conference, call, {})
        return {"data": self.conference_json(conference)}

    def retrieve_conference(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"], active=False)
        if "region" in query and _region(conference) != query["region"]:
            raise conference_not_found()  # it lives in another region
        return {"data": self.conference_json(conference)}

    def end_conference(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        self._end(conference, reason="ended_via_api", by=None, hang_up=True)
        return self.ok()

    def update(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        participant = self._member(conference, body["call_control_id"])
        participant.supervisor_role = body["supervisor_role"]
        self._apply_monitor_mute(participant)
        if "whisper_call_control_ids" in body:
            participant.whisper_call_control_ids = list(body["whisper_call_control_ids"])
        elif participant.supervisor_role != "whisper":
            participant.whisper_call_control_ids = []
        self._touch(participant, conference)
        return self.ok()

    @staticmethod
    def _apply_monitor_mute(participant: Participant) -> None:
        """A monitor is muted (the spec); leaving the role lifts only the mute the role imposed."""
        if participant.supervisor_role == "monitor" and not participant.muted:
            participant.muted = participant.muted_as_monitor = True
        elif participant.supervisor_role != "monitor" and participant.muted_as_monitor:
            participant.muted = participant.muted_as_monitor = False

    def _end(self, conference: Conference, *, reason: str, by: Call | None, hang_up: bool = False) -> None:
        if conference.end_timer is not None:
            conference.end_timer.cancel()
        for participant in conference.active_participants():
            self._remove(conference, participant, ending=True)
            if hang_up:
                participant.call.hung_up, participant.call.state = True, "hangup"
        if conference.recording is not None:
            self._save_recording(conference, conference.recording, client_state=None)
        for media in [*([conference.playing] if conference.playing else []), *conference.speaking]:
            self._end_media(conference, media)
        conference.status = "completed"
        conference.end_reason = reason
        conference.ended_by = by
        conference.floor = None
        self._touch(conference)
        self._event("conference.ended", conference.creator.values(), conference.values(), reason=reason)

    # ---- participants ------------------------------------------------------------------------

    def _not_in_conference(self, call: Call) -> None:
        for conference in self.conferences.values():
            if conference.active and conference.participant_for(call.call_control_id) is not None:
                raise unprocessable(
                    "90042",
                    "Call already in a conference",
                    f"The call is already a participant of conference {conference.id}.",
                    pointer="/call_control_id",
                )

    def _member(self, conference: Conference, call_control_id: str, pointer: str = "/call_control_id") -> Participant:
        participant = conference.participant_for(call_control_id)
        if participant is None:
            raise invalid_value(f"Call {call_control_id!r} is not a participant of this conference.", pointer=pointer)
        return participant

    def _add_participant(self, conference: Conference, call: Call, body: dict[str, Any]) -> Participant:
        now = self.clock()
        role = body.get("supervisor_role", "none")
        waiting = conference.status == "init"  # joiners wait on hold until the conference starts
        participant = Participant(
            id=self.new_id(),
            call=call,
            conference_id=conference.id,
            created_at=now,
            updated_at=now,
            muted=bool(body.get("mute", False)),
            on_hold=bool(body.get("hold", False)) or waiting,
            held_until_start=waiting and not body.get("hold", False),
            end_conference_on_exit=bool(body.get("end_conference_on_exit", False)),
            soft_end_conference_on_exit=bool(body.get("soft_end_conference_on_exit", False)),
            supervisor_role=role,
            whisper_call_control_ids=list(body.get("whisper_call_control_ids") or []),
            beep_enabled=body.get("beep_enabled"),
        )
        self._apply_monitor_mute(participant)
        conference.participants[participant.id] = participant
        self._touch(conference)
        self._event("conference.participant.joined", call.values(), conference.values(), client_state=call.client_state)
        if conference.floor is None and role in ("none", "barge"):
            self._give_floor(conference, participant)
        return participant

    def _remove(self, conference: Conference, participant: Participant, *, ending: bool = False) -> None:
        participant.status = "left"
        self._touch(participant, conference)
        call = participant.call
        self._event("conference.participant.left", call.values(), conference.values(), client_state=call.client_state)
        if conference.floor == call.call_control_id and not ending:
            conference.floor = None
            successor = next((p for p in conference.active_participants() if p.supervisor_role != "whisper"), None)
            if successor is not None:
                self._give_floor(conference, successor)

    def _give_floor(self, conference: Conference, participant: Participant) -> None:
        conference.floor = participant.call.call_control_id
        call = participant.call
        self._event("conference.floor.changed", call.values(), conference.values(), client_state=call.client_state)

    def join(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        call = self.call(body["call_control_id"], answered=True)  # only a live, answered leg joins
        self._not_in_conference(call)
        _one_hold_audio(body)
        if len(conference.active_participants()) >= conference.max_participants:
            raise unprocessable(
                "90032",
                "Maximum number of participants reached",
                f"The maximum allowed value of `max_participants` has been reached at {conference.max_participants}.",
            )
        if "client_state" in body:
            call.client_state = body["client_state"]
        if call.queue is not None:
            self._dequeue(call, reason="bridged")
        self._add_participant(conference, call, body)
        if body.get("start_conference_on_enter") and conference.status == "init":
            self._start(conference)
        return self.ok()

    def _start(self, conference: Conference) -> None:
        """The conference starts: whoever was waiting on hold for it hears the others."""
        conference.status = "in_progress"
        for participant in conference.active_participants():
            if participant.held_until_start:
                participant.on_hold = participant.held_until_start = False
                self._touch(participant)
        self._touch(conference)

    def leave(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        participant = self._member(conference, body["call_control_id"])
        self._remove(conference, participant)
        if participant.end_conference_on_exit or participant.soft_end_conference_on_exit:
            self._end(conference, reason="host_left", by=participant.call, hang_up=participant.end_conference_on_exit)
        elif not conference.active_participants():
            self._end(conference, reason="all_left", by=None)
        return self.ok()

    def list_participants(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["conference_id"], active=False)
        filters = query.get("filter") or {}
        chosen = list(conference.participants.values())
        for name, attribute in (("muted", "muted"), ("on_hold", "on_hold"), ("whispering", "whispering")):
            if name in filters:
                chosen = [p for p in chosen if getattr(p, attribute) == filters[name]]
        chosen.sort(key=lambda p: p.created_at)
        return self.page([self.participant_json(p) for p in chosen], query)

    def _find_participant(self, path: dict[str, str]) -> tuple[Conference, Participant]:
        conference = self.conference(path["id"], active=False)
        key = path["participant_id"]
        found = conference.participants.get(key)
        if found is None:
            matches = [p for p in conference.participants.values() if key in (p.label, p.call.call_control_id)]
            matches.sort(key=lambda p: (p.active, p.created_at), reverse=True)
            found = matches[0] if matches else None
        if found is None:
            raise not_found("Participant", key, code=RESOURCE_NOT_FOUND)
        return conference, found

    def retrieve_participant(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        _, participant = self._find_participant(path)
        return {"data": self.participant_resource_json(participant)}

    def update_participant(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        _, participant = self._find_participant(path)
        if not participant.active:
            raise unprocessable(
                "90041", "Participant has left", "This participant has left the conference and can't be updated."
            )
        if "beep_enabled" in body:
            participant.beep_enabled = body["beep_enabled"]
        for flag in ("end_conference_on_exit", "soft_end_conference_on_exit"):
            if flag in body:
                setattr(participant, flag, bool(body[flag]))
        self._touch(participant)
        return {"data": self.participant_resource_json(participant)}

    def _set(
        self, path: dict[str, str], body: dict[str, Any], attribute: str, value: bool, *, required: bool = False
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        for participant in self._participants(conference, body, required=required):
            setattr(participant, attribute, value)
            # An explicit command overrides what the conference's state or the role imposed.
            if attribute == "on_hold":
                participant.held_until_start = False
            else:
                participant.muted_as_monitor = False
            self._touch(participant)
        return self.ok()

    def mute(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._set(path, body, "muted", True)

    def unmute(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._set(path, body, "muted", False)

    def hold(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        if body.get("audio_url") and body.get("media_name"):
            raise invalid_value("Give audio_url or media_name, not both.", pointer="/media_name")
        return self._set(path, body, "on_hold", True)

    def unhold(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._set(path, body, "on_hold", False, required=True)

    # ---- media -----------------------------------------------------------------------------------

    def play(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        audio_url, media_name = body.get("audio_url"), body.get("media_name")
        if bool(audio_url) == bool(media_name):
            raise invalid_value("Give exactly one of audio_url and media_name.", pointer="/audio_url")
        loop = body.get("loop", 1)
        if isinstance(loop, str) and loop != "infinity" and not loop.isdigit():
            raise invalid_value("loop must be an integer from 1 to 100 or 'infinity'.", pointer="/loop")
        if not isinstance(loop, str) and not 1 <= loop <= 100:
            raise SandboxError(
                422,
                "10033",
                "Value outside of range",
                "The value is outside of allowed range 1 to 100",
                pointer="/loop",
            )
        listeners = self._participants(conference, body) if body.get("call_control_ids") else None
        media = Media("playback", {"media_url": audio_url, "media_name": media_name}, listeners)
        if conference.playing is not None:
            self._end_media(conference, conference.playing)
        conference.playing = media
        self._start_media(conference, media, None if loop == "infinity" else int(loop) * AUDIO_FILE_SECS)
        return self.ok()

    def _start_media(self, conference: Conference, media: Media, duration: float | None) -> None:
        """Announce `media` and, unless it loops forever, end it `duration` seconds later on the clock."""
        self._media_event(conference, media, "started")
        if duration is not None:
            media.timer = self.clock.at(self.clock() + duration, lambda: self._end_media(conference, media))

    def _end_media(self, conference: Conference, media: Media) -> None:
        if media.timer is not None:
            media.timer.cancel()
        if conference.playing is media:
            conference.playing = None
        if media in conference.speaking:
            conference.speaking.remove(media)
        self._media_event(conference, media, "ended")

    def _media_event(self, conference: Conference, media: Media, phase: str) -> None:
        if media.listeners is None:
            self._event(f"conference.{media.kind}.{phase}", conference.values(), media.values)
            return
        for participant in media.listeners:
            call = participant.call
            self._event(
                f"conference.participant.{media.kind}.{phase}",
                conference.values(),
                call.values(),
                media.values,
                client_state=call.client_state,
            )

    def stop(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        self._participants(conference, body)  # checks the ids
        if conference.playing is not None:
            self._end_media(conference, conference.playing)
        return self.ok()

    def speak(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        if len(body["payload"]) > 3000:
            raise SandboxError(
                422,
                "10033",
                "Value outside of range",
                "The payload is longer than 3,000 characters.",
                pointer="/payload",
            )
        listeners = self._participants(conference, body) if body.get("call_control_ids") else None
        media = Media("speak", {}, listeners)
        conference.speaking.append(media)
        self._start_media(conference, media, speech_secs(body["payload"], body.get("payload_type", "text")))
        return self.ok()

    def send_dtmf(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        digits = body["digits"]
        if not digits or any(ch not in "0123456789ABCDabcd*#wW" for ch in digits):
            raise invalid_value("digits may hold only 0-9, A-D, *, #, w and W.", pointer="/digits")
        for participant in self._participants(conference, body):
            if "client_state" in body:
                participant.call.client_state = body["client_state"]
        return self.ok()

    def gather_using_audio(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        participant = self._member(conference, body["call_control_id"])
        if body.get("audio_url") and body.get("media_name"):
            raise invalid_value("Give audio_url or media_name, not both.", pointer="/media_name")
        minimum, maximum = body.get("minimum_digits", 1), body.get("maximum_digits", 128)
        if minimum > maximum:
            raise invalid_value("minimum_digits is larger than maximum_digits.", pointer="/minimum_digits")
        if "client_state" in body:
            participant.call.client_state = body["client_state"]
        return self.ok()

    # ---- recording ---------------------------------------------------------------------------------

    def _recording(self, conference: Conference, body: dict[str, Any]) -> Recording:
        recording = conference.recording
        if recording is None:
            raise unprocessable(
                "90055", "Conference is not being recorded", "There is no recording in progress in this conference."
            )
        wanted = body.get("recording_id")
        if wanted and wanted != recording.id:
            raise not_found("Recording", wanted, pointer="/recording_id")
        return recording

    def record_start(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        if conference.recording is not None:
            raise unprocessable(
                "90056",
                "Recording already in progress",
                "This conference is already being recorded; stop that recording first.",
            )
        conference.recording = Recording(
            id=self.new_id(),
            format=body["format"],
            channels=body.get("channels", "single"),
            started_at=self.clock(),
            conference_id=conference.id,
        )
        self.recordings.append(conference.recording)
        self._touch(conference)
        return self.ok()

    def record_pause(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        recording = self._recording(self.conference(path["id"]), body)
        if recording.state != "recording":
            raise unprocessable("90057", "Recording already paused", "The recording is paused already.")
        recording.state = "paused"
        return self.ok()

    def record_resume(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        recording = self._recording(self.conference(path["id"]), body)
        if recording.state != "paused":
            raise unprocessable("90059", "Recording not paused", "Only a paused recording can be resumed.")
        recording.state = "recording"
        return self.ok()

    def record_stop(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        conference = self.conference(path["id"])
        recording = self._recording(conference, body)
        self._save_recording(conference, recording, client_state=body.get("client_state"))
        return self.ok()

    def _save_recording(self, conference: Conference, recording: Recording, *, client_state: str | None) -> None:
        conference.recording = None
        recording.state, recording.ended_at = "saved", self.clock()
        self._touch(conference)
        urls = {recording.format: f"{RECORDING_BASE_URL}/{recording.id}.{recording.format}"}
        self._event(
            "conference.recording.saved",
            conference.creator.values(),
            conference.values(),
            client_state=client_state if client_state is not None else conference.creator.client_state,
            channels=recording.channels,
            format=recording.format,
            recording_id=recording.id,
            recording_started_at=iso(recording.started_at, micro=True),
            recording_ended_at=iso(self.clock(), micro=True),
            recording_urls=urls,
            public_recording_urls=urls,
        )

    # ---- queues ----------------------------------------------------------------------------------------

    def enqueue(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self.call(path["call_control_id"], pointer="")
        if call.queue is not None:
            raise unprocessable("90038", "Call already in queue", "Call can't be added to a queue it's already in.")
        name = body["queue_name"]
        if not name.strip():
            raise missing_parameter("queue_name")
        queue = self.queues.get(name)
        if queue is None:
            queue = self.queues[name] = Queue(name, body.get("max_size", DEFAULT_QUEUE_SIZE))
            queue.id, queue.created_at, queue.updated_at = self.new_id(), self.clock(), self.clock()
        if len(queue.calls) >= queue.max_size:
            raise unprocessable("90036", "Queue full", f"The '{name}' queue is full and can't accept more calls.")
        if "client_state" in body:
            call.client_state = body["client_state"]
        call.queue, call.enqueued_at = name, self.clock()
        call.max_wait_time_secs = body.get("max_wait_time_secs")
        if call.max_wait_time_secs is not None:
            call.queue_timer = self.clock.at(
                call.enqueued_at + call.max_wait_time_secs, lambda: self._dequeue(call, reason="timeout")
            )
        queue.calls.append(call)
        self._event(
            "call.enqueued",
            call.values(),
            connection_id=self.connection_id,
            queue=name,
            current_position=len(queue.calls),
            queue_avg_wait_time_secs=queue.average_wait(),
        )
        return self.ok()

    def leave_queue(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self.call(path["call_control_id"], pointer="")
        if call.queue is None:
            raise unprocessable("90039", "Call not in queue", "The call is not waiting in any queue.")
        if "client_state" in body:
            call.client_state = body["client_state"]
        self._dequeue(call, reason="leave")
        return self.ok()

    def _dequeue(self, call: Call, *, reason: str) -> None:
        queue = self.queues[call.queue or ""]
        position = queue.calls.index(call) + 1
        waited = max(0.0, self.clock() - call.enqueued_at)
        queue.calls.remove(call)
        queue.waited_secs += waited
        queue.left += 1
        call.queue = None
        if call.queue_timer is not None:
            call.queue_timer.cancel()
            call.queue_timer = None
        self._event(
            "call.dequeued",
            call.values(),
            connection_id=self.connection_id,
            queue=queue.name,
            queue_position=position,
            reason=reason,
            wait_time_secs=int(waited),
        )

    # ---- call legs (the console's actions; the Voice API will extend these) -----------------------------

    def inbound_call(
        self, *, from_number: str, to_number: str, client_state: str | None = None, digits: str = ""
    ) -> Call:
        """A new incoming call, parked until the app answers or rejects it; Telnyx announces it with call.initiated.

        `digits` are the DTMF the caller will press, one digit at a time, when the app gathers.
        """
        _check_client_state({"client_state": client_state})
        with self.lock, self.clock.pinned_at(self.clock()):
            call_control_id = f"v3:inbound-{self.new_id()}"
            call = Call(call_control_id, self.new_id(), self.new_id(), client_state=client_state)
            call.direction, call.from_number, call.to_number = "incoming", from_number, to_number
            call.started_at, call.state, call.digits = self.clock(), "parked", digits
            self.calls[call_control_id] = call
            self.legs_event(
                "call.initiated",
                call,
                direction="incoming",
                state="parked",
                start_time=iso(call.started_at),
                caller_id_name=from_number,
            )
            return call

    def script_digits(self, call_control_id: str, digits: str) -> Call:
        """Queue DTMF the far end of a leg will press when the app next gathers."""
        with self.lock:
            call = self.calls.get(call_control_id)
            if call is None:
                raise not_found("Call", call_control_id, code=RESOURCE_NOT_FOUND)
            call.digits += digits
            return call

    def hang_up(self, call_control_id: str) -> None:
        """The far end hangs up: the leg leaves its conference or queue, then call.hangup."""
        with self.lock, self.clock.pinned_at(self.clock()):
            call = self.calls.get(call_control_id)
            if call is None:
                raise not_found("Call", call_control_id, code=RESOURCE_NOT_FOUND)
            self.call(call_control_id)  # a 422 when it has ended already
            source = {"incoming": "caller", "outgoing": "callee"}.get(call.direction or "", "unknown")
            self._resources["calls.actions"].end_leg(call, cause="normal_clearing", source=source)

    def detach(self, call: Call) -> None:
        """A leg that ends leaves its conference (which may end with it) and its queue."""
        for conference in list(self.conferences.values()):
            participant = conference.participant_for(call.call_control_id) if conference.active else None
            if participant is not None:
                self._remove(conference, participant)
                if participant.end_conference_on_exit or participant.soft_end_conference_on_exit:
                    self._end(conference, reason="host_left", by=call, hang_up=participant.end_conference_on_exit)
                elif not conference.active_participants():
                    self._end(conference, reason="all_left", by=None)
        if call.queue is not None:
            self._dequeue(call, reason="hangup")

    def queue_json(self, queue: Queue) -> dict[str, Any]:
        now = self.clock()
        return {
            "name": queue.name,
            "max_size": queue.max_size,
            "current_size": len(queue.calls),
            "average_wait_time_secs": queue.average_wait(),
            "calls": [
                {
                    "call_control_id": call.call_control_id,
                    "position": index + 1,
                    "wait_time_secs": int(now - call.enqueued_at),
                }
                for index, call in enumerate(queue.calls)
            ],
        }


def speech_secs(payload: str, payload_type: str = "text") -> float:
    """How long the sandbox takes to say `payload` (SSML tags are not spoken)."""
    text = re.sub(r"<[^>]*>", "", payload) if payload_type == "ssml" else payload
    return max(1.0, len(text.strip()) / SPEECH_CHARS_PER_SEC)


def _region(conference: Conference) -> str:
    return conference.region or "US"


def _one_hold_audio(body: dict[str, Any]) -> None:
    if body.get("hold_audio_url") and body.get("hold_media_name"):
        raise invalid_value("hold_media_name and hold_audio_url cannot be used together.", pointer="/hold_media_name")


def _check_client_state(body: dict[str, Any]) -> None:
    """Telnyx carries client_state as Base-64 and refuses anything else."""
    value = body.get("client_state")
    if value is None:
        return
    try:
        base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise invalid_value("client_state must be Base-64 encoded.", pointer="/client_state") from None
