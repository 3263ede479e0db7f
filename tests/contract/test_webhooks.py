"""Every webhook in the spec: its own example, signed with a fresh key, unwraps to the right class
and round-trips, in both wire shapes (with and without the `data` envelope)."""

from __future__ import annotations

import json

import pytest

from generator.plan import Webhook
from tests.contract.cases import normalize_datetimes, webhook_cases

HOOKS = webhook_cases()


@pytest.fixture(scope="module")
def keypair() -> tuple[str, str]:
    from telnyx_conferencing.webhooks.testing import generate_keypair

    return generate_keypair()


@pytest.mark.parametrize("shape", ["envelope", "bare"])
@pytest.mark.parametrize("hook", HOOKS, ids=[h.event_type for h in HOOKS])
def test_webhook_contract(hook: Webhook, shape: str, keypair: tuple[str, str]) -> None:
    from telnyx_conferencing.webhooks import EVENT_TYPES, unwrap
    from telnyx_conferencing.webhooks.testing import sign

    assert hook.example, f"{hook.name}: the spec has no example"
    wire = {"data": hook.example} if shape == "envelope" else hook.example
    body = json.dumps(wire).encode()
    private_key, public_key = keypair
    event = unwrap(body, sign(body, private_key), public_key=public_key)
    assert type(event) is EVENT_TYPES[hook.event_type]
    assert type(event).__name__ == hook.class_name
    assert event.id == hook.example["id"]
    assert normalize_datetimes(event.to_dict()) == normalize_datetimes(hook.example)
