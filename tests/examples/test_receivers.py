"""The Flask and FastAPI receivers, fed the sandbox's real signed deliveries (Flask's test client; FastAPI over ASGI)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from telnyx_conferencing.sandbox import SandboxHarness

Post = Callable[[bytes, dict[str, str]], tuple[int, Any]]


@pytest.fixture
def sandbox() -> Iterator[SandboxHarness]:
    with SandboxHarness() as harness:
        yield harness


@pytest.fixture(params=["flask", "fastapi"])
def receiver(request: pytest.FixtureRequest, sandbox: SandboxHarness) -> tuple[Any, Post]:
    """(the call-center state the app feeds, a function posting one delivery to the app)."""
    from call_center import CallCenterState

    state = CallCenterState()
    if request.param == "flask":
        import webhooks_flask

        flask_client = webhooks_flask.create_app(state, sandbox.public_key).test_client()

        def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
            response = flask_client.post("/telnyx/webhooks", data=body, headers=headers)
            return response.status_code, response.get_json()

    else:
        import webhooks_fastapi

        transport = httpx.ASGITransport(app=webhooks_fastapi.create_app(state, sandbox.public_key))

        async def send(body: bytes, headers: dict[str, str]) -> httpx.Response:
            async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as client:
                return await client.post("/telnyx/webhooks", content=body, headers=headers)

        def post(body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
            response = asyncio.run(send(body, headers))
            return response.status_code, response.json()

    return state, post


def signed(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower().startswith("telnyx-") or k.lower() == "content-type"}


def test_verified_deliveries_update_the_call_center(sandbox: SandboxHarness, receiver: tuple[Any, Post]) -> None:
    state, post = receiver
    client = sandbox.client
    conference = client.conferences.create(call_control_id="v3:agent", name="support").data
    assert conference
    client.calls.actions.enqueue("v3:caller", queue_name="support")
    client.calls.actions.enqueue("v3:other", queue_name="support")
    sandbox.settle()
    answers = [post(d.body, signed(d.headers)) for d in sandbox.events]
    assert answers == [(200, {"received": d.event_type}) for d in sandbox.events]
    assert set(state.waiting) == {"v3:caller", "v3:other"}


def test_a_forged_or_replayed_delivery(sandbox: SandboxHarness, receiver: tuple[Any, Post]) -> None:
    state, post = receiver
    sandbox.client.calls.actions.enqueue("v3:caller", queue_name="support")
    (delivery,) = sandbox.wait_for("call.enqueued")
    forged = delivery.body.replace(b"v3:caller", b"v3:intruder")
    status, body = post(forged, signed(delivery.headers))
    assert status == 400 and "signature" in body["error"]
    assert state.waiting == {}
    assert post(delivery.body, signed(delivery.headers))[0] == 200
    state.waiting.clear()
    assert post(delivery.body, signed(delivery.headers))[0] == 200  # a second delivery of the same event
    assert state.waiting == {}  # ... is not applied again
