"""Property tests: whatever arrives, the webhook layer raises only WebhookVerificationError subclasses."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks import InvalidPayloadError, WebhookEvent, WebhookVerificationError
from telnyx_conferencing.webhooks.events import EVENT_TYPES
from telnyx_conferencing.webhooks.testing import generate_keypair, sign

PRIVATE_KEY, PUBLIC_KEY = generate_keypair()
SIG = "telnyx-signature-ed25519"
TS = "telnyx-timestamp"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
event_types = st.sampled_from([*EVENT_TYPES, "x.unknown", ""]) | st.text(max_size=20)
field_names = st.sampled_from(
    ["id", "event_type", "occurred_at", "record_type", "payload", "data", "meta", "conference_id", "current_position"]
    + ["reason", "channels", "recording_urls", "recording_started_at", "call_control_id"]
) | st.text(max_size=8)


@st.composite
def event_like(draw: st.DrawFn) -> Any:
    """JSON shaped roughly like a webhook, with any value anywhere."""
    payload = draw(st.dictionaries(field_names, json_values, max_size=6) | json_values)
    inner = draw(st.dictionaries(field_names, json_values, max_size=4))
    inner.update(
        draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "event_type": event_types | json_values,
                    "id": st.text(max_size=10) | json_values,
                    "occurred_at": st.sampled_from(["2024-01-01T00:00:00Z", "bad"]) | json_values,
                    "payload": st.just(payload),
                },
            )
        )
    )
    wrap = draw(st.sampled_from(["envelope", "bare", "other"]))
    if wrap == "envelope":
        return {"data": inner, "meta": draw(json_values)}
    if wrap == "bare":
        return inner
    return draw(json_values)


def _check(call: Any) -> Any:
    try:
        return call()
    except WebhookVerificationError:
        return None


@SETTINGS
@given(
    body=st.binary(max_size=200) | st.text(max_size=200),
    headers=st.dictionaries(
        st.sampled_from([SIG, TS, SIG.upper(), TS.title()]) | st.text(max_size=20),
        st.text(max_size=100) | st.binary(max_size=100) | st.integers(),
        max_size=4,
    ),
    tolerance=st.integers(min_value=0, max_value=10**9),
)
def test_random_bodies_and_headers(body: bytes | str, headers: dict[str, Any], tolerance: int) -> None:
    _check(lambda: webhooks.unwrap(body, headers, public_key=PUBLIC_KEY, tolerance=tolerance))


@SETTINGS
@given(
    timestamp=st.text(max_size=20), signature=st.text(max_size=100), key=st.text(max_size=60) | st.binary(max_size=60)
)
def test_random_header_values_and_keys(timestamp: str, signature: str, key: str | bytes) -> None:
    headers = {TS: timestamp, SIG: signature}
    _check(lambda: webhooks.unwrap(b"{}", headers, public_key=key, tolerance=10**12))


@SETTINGS
@given(document=event_like())
def test_random_json_parses_or_raises_invalid_payload(document: Any) -> None:
    body = json.dumps(document).encode()
    try:
        event = webhooks.unsafe_unwrap(body)
    except InvalidPayloadError:
        return
    assert isinstance(event, WebhookEvent)
    data = document.get("data")
    assert event.to_dict() == (data if isinstance(data, dict) and "event_type" in data else document)


@SETTINGS
@given(document=event_like())
def test_random_signed_json_verifies_then_parses_or_raises_invalid_payload(document: Any) -> None:
    body = json.dumps(document).encode()
    headers = sign(body, PRIVATE_KEY, timestamp=int(time.time()))
    try:
        event = webhooks.unwrap(body, headers, public_key=PUBLIC_KEY)
    except InvalidPayloadError:
        return
    assert isinstance(event, WebhookEvent)


@SETTINGS
@given(event_type=st.sampled_from(sorted(EVENT_TYPES)), payload=st.dictionaries(field_names, json_values, max_size=8))
def test_known_events_with_random_payloads(event_type: str, payload: dict[str, Any]) -> None:
    inner = {"event_type": event_type, "id": "1", "payload": payload}
    try:
        event = webhooks.unsafe_unwrap({"data": inner})
    except InvalidPayloadError:
        return
    assert type(event) is EVENT_TYPES[event_type]
    assert event.payload.to_dict() == payload
