"""Webhooks: every event type, signed, verifiable with the SDK's `unwrap`, valid against spec/, delivered with retries."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp, run_in_thread
from telnyx_conferencing.webhooks import verify
from tests.contract.validator import SpecValidator

from .helpers import delivered

ALL_EVENTS = {
    "call.enqueued",
    "call.dequeued",
    "conference.created",
    "conference.ended",
    "conference.floor.changed",
    "conference.participant.joined",
    "conference.participant.left",
    "conference.participant.playback.started",
    "conference.participant.playback.ended",
    "conference.participant.speak.started",
    "conference.participant.speak.ended",
    "conference.playback.started",
    "conference.playback.ended",
    "conference.recording.saved",
    "conference.speak.started",
    "conference.speak.ended",
}


async def _scenario(client: AsyncTelnyx) -> None:
    """One pass over everything that emits a webhook."""
    created = await client.conferences.create(call_control_id="v3:agent", name="all", client_state="YWdlbnQ=")
    conference = created.data.id
    actions = client.conferences.actions
    await client.calls.actions.enqueue("v3:caller", queue_name="support", client_state="Y2FsbGVy")
    await actions.join(conference, call_control_id="v3:caller")
    await actions.play(conference, audio_url="https://example.com/a.mp3")
    await actions.play(conference, audio_url="https://example.com/b.mp3", call_control_ids=["v3:caller"])
    await actions.speak(conference, payload="hello", voice="female")
    await actions.speak(conference, payload="hello you", voice="female", call_control_ids=["v3:caller"])
    await actions.record_start(conference, format="mp3")
    await actions.record_stop(conference)
    await actions.leave(conference, call_control_id="v3:agent")
    await actions.end_conference(conference)


def _webhook_pointers(validator: SpecValidator) -> dict[str, str]:
    pointers = {}
    for name, item in validator.doc["webhooks"].items():
        schema = validator.deref(item)["post"]["requestBody"]["content"]["application/json"]["schema"]
        inner = validator.deref(validator.deref(schema)["properties"]["data"])
        event_type = validator.deref(inner["properties"]["event_type"])["enum"][0]
        pointers[event_type] = f"/webhooks/{name}/post/requestBody/content/application~1json/schema"
    return pointers


async def test_every_event_type_is_signed_verifiable_and_valid(
    client: AsyncTelnyx, app: SandboxApp, spec_validator: SpecValidator
) -> None:
    from telnyx_conferencing.webhooks import EVENT_TYPES, unwrap

    await _scenario(client)
    deliveries = delivered(app)
    assert {d.event_type for d in deliveries} == ALL_EVENTS
    pointers = _webhook_pointers(spec_validator)
    for delivery in deliveries:
        event = unwrap(delivery.body, delivery.headers, public_key=app.public_key)
        assert type(event) is EVENT_TYPES[delivery.event_type]
        assert spec_validator.schema_errors(pointers[delivery.event_type], delivery.document) == []
        assert delivery.document["meta"] == {"attempt": 1, "delivered_to": "sandbox inbox"}
    ids = [d.data["id"] for d in deliveries]
    assert len(set(ids)) == len(ids)


async def test_payloads_echo_client_state_and_ids(client: AsyncTelnyx, app: SandboxApp) -> None:
    await _scenario(client)
    created = delivered(app, "conference.created")[0].payload
    assert created["client_state"] == "YWdlbnQ=" and created["call_control_id"] == "v3:agent"
    joined = [d.payload for d in delivered(app, "conference.participant.joined")]
    assert [(p["call_control_id"], p.get("client_state")) for p in joined] == [
        ("v3:agent", "YWdlbnQ="),
        ("v3:caller", "Y2FsbGVy"),
    ]
    assert {p["conference_id"] for p in joined} == {created["conference_id"]}
    ended = delivered(app, "conference.ended")[0].payload
    assert "reason" not in ended  # ended_via_api is not among the event's reasons in the spec
    occurred = [d.data.get("occurred_at") or d.payload.get("occurred_at") for d in delivered(app)]
    stamped = [moment for moment in occurred if moment]  # conference.recording.saved has no occurred_at field
    assert len(stamped) == len(occurred) - 1 and stamped == sorted(stamped)


async def test_a_tampered_delivery_fails_verification(client: AsyncTelnyx, app: SandboxApp) -> None:
    from telnyx_conferencing.webhooks import WebhookVerificationError

    await client.conferences.create(call_control_id="v3:agent", name="t")
    delivery = delivered(app)[0]
    verify(delivery.body, delivery.headers, public_key=app.public_key)
    with pytest.raises(WebhookVerificationError):
        verify(delivery.body.replace(b"v3:agent", b"v3:agenT"), delivery.headers, public_key=app.public_key)


async def test_public_key_endpoint_and_seeded_keys(http: httpx.AsyncClient, app: SandboxApp) -> None:
    assert (await http.get("/sandbox/public-key")).json() == {"public_key": app.public_key}
    assert SandboxApp(seed=9).public_key == SandboxApp(seed=9).public_key != SandboxApp(seed=10).public_key


class _FlakyReceiver:
    """A webhook endpoint that answers 500 to the first `failures` posts, then 200; keeps what it got."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[tuple[bytes, dict[str, str]]] = []
        self.lock = threading.Lock()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        with self.lock:
            self.received.append((body, headers))
            status = 500 if len(self.received) <= self.failures else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})


async def test_http_delivery_retries_and_is_logged(http: httpx.AsyncClient) -> None:
    receiver = _FlakyReceiver(failures=2)
    url, stop = run_in_thread(receiver)
    app = SandboxApp(webhook_url=url + "/hooks", webhook_backoff=(0.01, 0.01, 0.01))
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as raw:
            await raw.post(
                "/conferences", json={"call_control_id": "v3:a", "name": "x"}, headers={"Authorization": "Bearer k"}
            )
            assert app.wait_for_deliveries(5.0)
            log = (await raw.get("/sandbox/events")).json()
    finally:
        stop()
        app.close()
    first = log["data"][0]
    assert (first["event_type"], first["status"], first["attempts"], first["response_status"]) == (
        "conference.created",
        "delivered",
        3,
        200,
    )
    assert [d["status"] for d in log["data"]] == ["delivered"] * 3
    attempts = [json.loads(body)["meta"]["attempt"] for body, _ in receiver.received[:3]]
    assert attempts == [1, 2, 3]
    for body, headers in receiver.received:
        verify(body, headers, public_key=app.public_key)  # each attempt is signed afresh


async def test_undeliverable_events_are_marked_failed() -> None:
    app = SandboxApp(webhook_url="http://127.0.0.1:9/nowhere", webhook_backoff=(0.0,))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as raw:
        await raw.post("/calls/v3:a/actions/enqueue", json={"queue_name": "q"}, headers={"Authorization": "Bearer k"})
        assert app.wait_for_deliveries(5.0)
        (entry,) = (await raw.get("/sandbox/events", params={"event_type": "call.enqueued"})).json()["data"]
    assert entry["status"] == "failed" and entry["attempts"] == 2 and entry["error"]
    app.close()


async def test_inbox_accepts_posts(http: httpx.AsyncClient, app: SandboxApp) -> None:
    response = await http.post("/sandbox/inbox", content=b'{"data":{"event_type":"x"}}', headers={"x-test": "1"})
    assert response.status_code == 200
    (item,) = (await http.get("/sandbox/inbox")).json()["data"]
    assert item["body"] == '{"data":{"event_type":"x"}}' and item["headers"]["x-test"] == "1"
