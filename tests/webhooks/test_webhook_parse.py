"""parse_event/unsafe_unwrap: both wire shapes, typed fields, unknown events and fields, bad payloads."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import attrs
import pytest

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks import (
    CallEnqueuedEvent,
    ConferenceCreatedEvent,
    ConferenceEndedEvent,
    ConferenceFloorChangedEvent,
    ConferenceRecordingSavedEvent,
    InvalidPayloadError,
    UnknownEvent,
    WebhookEvent,
    WebhookPayload,
    parse_event,
)
from telnyx_conferencing.webhooks.events import EVENT_TYPES, Event

from .conftest import EVENT_ID, envelope, event_dict

UTC = datetime.UTC


def test_envelope_and_bare_shapes_give_the_same_event() -> None:
    inner = event_dict()
    from_envelope = webhooks.unsafe_unwrap(envelope(inner))
    from_bare = webhooks.unsafe_unwrap(json.dumps(inner).encode())
    assert isinstance(from_envelope, ConferenceCreatedEvent)
    assert isinstance(from_bare, ConferenceCreatedEvent)
    assert from_envelope.payload == from_bare.payload
    assert from_envelope.meta == {"attempt": 1}
    assert from_bare.meta is None
    assert from_envelope.raw == from_bare.raw == inner


def test_typed_fields() -> None:
    event = parse_event(envelope(event_dict()))
    assert isinstance(event, ConferenceCreatedEvent)
    assert isinstance(event, WebhookEvent)
    assert isinstance(event.payload, WebhookPayload)
    assert event.event_type == ConferenceCreatedEvent.event_type == "conference.created"
    assert event.id == EVENT_ID
    assert event.record_type == "event"
    assert event.occurred_at == datetime.datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    assert event.payload.conference_id == "conf-1"
    assert event.payload.call_control_id == "v3:abc"
    assert event.payload.client_state is None  # absent optional field


def test_floor_changed_bare_with_occurred_at_in_payload() -> None:
    inner = {
        "event_type": "conference.floor.changed",
        "id": EVENT_ID,
        "payload": {"conference_id": "c", "occurred_at": "2018-02-02T22:25:27.521Z"},
        "record_type": "event",
    }
    event = parse_event(json.dumps(inner))
    assert isinstance(event, ConferenceFloorChangedEvent)
    assert event.occurred_at == datetime.datetime(2018, 2, 2, 22, 25, 27, 521000, tzinfo=UTC)
    assert event.payload.occurred_at == event.occurred_at


def test_top_level_occurred_at_wins() -> None:
    inner = event_dict(occurred_at="2000-01-01T00:00:00Z")
    event = parse_event(envelope(inner))
    assert event.occurred_at == datetime.datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)


def test_integer_enum_and_object_fields() -> None:
    queued = parse_event(envelope(event_dict("call.enqueued", current_position=5, queue="support")))
    assert isinstance(queued, CallEnqueuedEvent)
    assert queued.payload.current_position == 5
    assert queued.payload.queue_avg_wait_time_secs is None
    assert parse_event(envelope(event_dict("call.enqueued", current_position=5.0))).payload.current_position == 5

    saved = parse_event(
        envelope(
            event_dict(
                "conference.recording.saved",
                channels="single",
                format="mp3",
                recording_urls={"mp3": "http://example.com/a.mp3", "wav": None},
                recording_started_at="2021-05-11T10:17:03.692107+02:00",
            )
        )
    )
    assert isinstance(saved, ConferenceRecordingSavedEvent)
    assert saved.payload.channels == "single"
    assert saved.to_dict()["payload"]["format"] == "mp3"
    assert saved.payload.recording_urls == {"mp3": "http://example.com/a.mp3", "wav": None}
    assert saved.payload.recording_started_at is not None
    assert saved.payload.recording_started_at.utcoffset() == datetime.timedelta(hours=2)


def test_unknown_enum_value_is_kept() -> None:
    event = parse_event(envelope(event_dict("conference.ended", reason="a_reason_from_2030")))
    assert isinstance(event, ConferenceEndedEvent)
    assert event.payload.reason == "a_reason_from_2030"


def test_nulls_read_as_absent() -> None:
    event = parse_event(envelope(event_dict(conference_id=None, occurred_at=None) | {"record_type": None}))
    assert event.payload.conference_id is None
    assert event.record_type is None
    inner = event_dict()
    inner["payload"] = None
    event = parse_event(envelope(inner))
    assert isinstance(event, ConferenceCreatedEvent)
    assert event.payload.conference_id is None


def test_unknown_event_type() -> None:
    inner = {
        "event_type": "conference.teleported",
        "id": EVENT_ID,
        "payload": {"occurred_at": "2030-01-01T00:00:00Z", "where": "mars"},
        "record_type": "event",
        "brand_new": [1, 2],
    }
    event = parse_event(envelope(inner))
    assert isinstance(event, UnknownEvent)
    assert event.event_type == "conference.teleported"
    assert event.id == EVENT_ID
    assert event.occurred_at == datetime.datetime(2030, 1, 1, tzinfo=UTC)
    assert event.payload == {"occurred_at": "2030-01-01T00:00:00Z", "where": "mars"}
    assert event.raw == inner
    assert event.to_dict() == inner


def test_unknown_event_is_lenient() -> None:
    event = parse_event({"event_type": "x.y", "id": "1", "occurred_at": "not a date", "payload": 7, "record_type": 1})
    assert isinstance(event, UnknownEvent)
    assert event.occurred_at is None
    assert event.payload == {}
    assert event.record_type is None
    assert event.raw["payload"] == 7


def test_unknown_fields_are_kept() -> None:
    inner = event_dict(new_payload_field={"nested": True})
    inner["new_top_level"] = "hello"
    event = parse_event(envelope(inner))
    assert event.raw == inner
    assert event.to_dict() == inner
    assert event.to_dict()["payload"]["new_payload_field"] == {"nested": True}
    assert event.payload.to_dict() == inner["payload"]


def test_to_dict_returns_a_copy() -> None:
    inner = event_dict()
    event = parse_event(envelope(inner))
    snapshot = copy.deepcopy(event.raw)
    event.to_dict()["payload"]["conference_id"] = "changed"
    assert event.raw == snapshot


def test_events_are_frozen() -> None:
    event = parse_event(envelope())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.id = "other"  # type: ignore[misc]


def test_raw_is_not_in_repr() -> None:
    event = parse_event(envelope(event_dict(secretish="do-not-print-twice")))
    assert "raw=" not in repr(event)


def test_mapping_input() -> None:
    inner = event_dict()
    assert isinstance(parse_event({"data": inner}), ConferenceCreatedEvent)
    assert isinstance(webhooks.unsafe_unwrap(inner), ConferenceCreatedEvent)


def test_match_statement() -> None:
    def route(event: Event) -> str:
        match event:
            case ConferenceCreatedEvent(payload=payload):
                return f"created {payload.conference_id}"
            case CallEnqueuedEvent():
                return "enqueued"
            case UnknownEvent(event_type=event_type):
                return f"unknown {event_type}"
            case _:
                return "other"

    assert route(parse_event(envelope())) == "created conf-1"
    assert route(parse_event(envelope(event_dict("call.enqueued")))) == "enqueued"
    assert route(parse_event(envelope(event_dict("x.new")))) == "unknown x.new"


def test_registry_matches_classes() -> None:
    for event_type, cls in EVENT_TYPES.items():
        # an alias (overlays/naming.yaml) maps another spelling to the class of the spec's event_type
        assert cls.event_type == event_type or EVENT_TYPES[cls.event_type] is cls
        assert issubclass(cls, WebhookEvent)


def test_call_left_queue_is_an_alias_of_call_dequeued() -> None:
    assert EVENT_TYPES["call.left_queue"] is EVENT_TYPES["call.dequeued"]
    event = parse_event(envelope(event_dict("call.left_queue")))
    assert type(event) is EVENT_TYPES["call.dequeued"]
    assert event.to_dict()["event_type"] == "call.left_queue"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"\xff\xfe{}", "not UTF-8"),
        (b"", "not JSON"),
        (b"{not json", "not JSON"),
        (b"[1, 2]", "expected a JSON object at the top level, got an array"),
        (b'"text"', "got a string"),
        (b"null", "got null"),
        (b"{}", "expected a Telnyx webhook event"),
        (b'{"meta": {}}', "got an object with keys ['meta']"),
        (b'{"data": {"id": "1"}}', "the 'data' object has no 'event_type'"),
        (b'{"data": [1]}', "expected a Telnyx webhook event"),
        (b'{"event_type": 5, "id": "1"}', "'event_type' must be a string, got an integer"),
        (b'{"event_type": "conference.created"}', "conference.created event: required field 'id' is missing"),
        (b'{"event_type": "conference.created", "id": 5}', "conference.created event.id: expected a string"),
        (b'{"event_type": "x.unknown", "id": null}', "event: required field 'id' is missing"),
        (
            b'{"event_type": "conference.created", "id": "1", "payload": []}',
            "payload: expected an object, got an array",
        ),
        (b'{"event_type": "conference.created", "id": "1", "occurred_at": "yesterday"}', "ISO 8601 date-time"),
        (
            b'{"event_type": "conference.created", "id": "1", "occurred_at": 5}',
            "ISO 8601 date-time string, got an integer",
        ),
        (b'{"event_type": "conference.created", "id": "1", "record_type": []}', "record_type: expected a string"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
        (b'{"a": ' + b"9" * 5000 + b"}", "not JSON"),
        ("\ud800", "not JSON"),
    ],
)
def test_invalid_payloads(body: bytes | str, reason: str) -> None:
    with pytest.raises(InvalidPayloadError) as info:
        parse_event(body)
    assert reason in str(info.value)
    assert reason in info.value.reason or reason in str(info.value)


@pytest.mark.parametrize(
    ("event_type", "field", "value", "expected"),
    [
        (
            "call.enqueued",
            "current_position",
            "five",
            "call.enqueued payload.current_position: expected an integer, got a string",
        ),
        ("call.enqueued", "current_position", True, "expected an integer, got a boolean"),
        ("call.enqueued", "current_position", 1.5, "expected an integer, got a number"),
        ("conference.created", "conference_id", 7, "conference.created payload.conference_id: expected a string"),
        ("conference.created", "occurred_at", "2018-13-45", "expected an ISO 8601 date-time string"),
        ("conference.ended", "reason", ["host_left"], "expected an enum value"),
        ("conference.recording.saved", "recording_urls", "http://x", "expected an object, got a string"),
    ],
)
def test_wrong_field_types_name_the_field(event_type: str, field: str, value: Any, expected: str) -> None:
    with pytest.raises(InvalidPayloadError, match="^Invalid webhook payload: ") as info:
        parse_event(envelope(event_dict(event_type, **{field: value})))
    assert expected in str(info.value)


def test_parse_rejects_non_body_types() -> None:
    with pytest.raises(InvalidPayloadError, match="expected the body as bytes, str or a parsed dict; got int"):
        parse_event(5)  # type: ignore[arg-type]
