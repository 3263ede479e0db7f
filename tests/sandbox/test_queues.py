"""Queues: positions, average wait times, leaving, joining a conference from the queue, limits."""

from __future__ import annotations

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp, SandboxClock

from .helpers import delivered


async def test_positions_and_leaving(client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient) -> None:
    for n in range(1, 4):
        await client.calls.actions.enqueue(f"v3:caller-{n}", queue_name="support", client_state=f"Yz{n}=")
    enqueued = delivered(app, "call.enqueued")
    assert [(d.payload["call_control_id"], d.payload["current_position"]) for d in enqueued] == [
        ("v3:caller-1", 1),
        ("v3:caller-2", 2),
        ("v3:caller-3", 3),
    ]
    assert enqueued[0].payload["queue"] == "support" and enqueued[0].payload["client_state"] == "Yz1="

    await client.calls.actions.leave_queue("v3:caller-2")
    (left,) = delivered(app, "call.dequeued")
    assert (left.payload["queue_position"], left.payload["reason"]) == (2, "leave")
    queues = (await http.get("/sandbox/queues")).json()["data"]
    assert [c["call_control_id"] for c in queues[0]["calls"]] == ["v3:caller-1", "v3:caller-3"]
    assert [c["position"] for c in queues[0]["calls"]] == [1, 2]

    with pytest.raises(UnprocessableEntityError, match="not waiting"):
        await client.calls.actions.leave_queue("v3:caller-2")
    with pytest.raises(UnprocessableEntityError, match="already in"):
        await client.calls.actions.enqueue("v3:caller-1", queue_name="support")


async def test_average_wait_time_comes_from_calls_that_left() -> None:
    app = SandboxApp(seed=3, clock=SandboxClock(start=1_000.0, speed=0))
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url="http://sandbox.test", http_client=http) as client:
        await client.calls.actions.enqueue("v3:a", queue_name="q")
        await client.calls.actions.enqueue("v3:b", queue_name="q")
        app.advance(30)
        await client.calls.actions.leave_queue("v3:a")  # waited 30 s
        app.advance(30)
        await client.calls.actions.leave_queue("v3:b")  # waited 60 s
        await client.calls.actions.enqueue("v3:c", queue_name="q")
    await http.aclose()
    assert app.wait_for_deliveries()
    waits = [d.payload["wait_time_secs"] for d in app.inbox.items() if d.event_type == "call.dequeued"]
    assert waits == [30, 60]
    last = [d for d in app.inbox.items() if d.event_type == "call.enqueued"][-1]
    assert (last.payload["current_position"], last.payload["queue_avg_wait_time_secs"]) == (1, 45)
    app.close()


async def test_max_wait_time_times_the_call_out() -> None:
    app = SandboxApp(seed=3, clock=SandboxClock(start=0.0, speed=0))
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url="http://sandbox.test", http_client=http) as client:
        await client.calls.actions.enqueue("v3:a", queue_name="q", max_wait_time_secs=10)
        app.advance(11)
        with pytest.raises(UnprocessableEntityError, match="not waiting"):
            await client.calls.actions.leave_queue("v3:a")
    await http.aclose()
    assert app.wait_for_deliveries()
    (dequeued,) = [d for d in app.inbox.items() if d.event_type == "call.dequeued"]
    assert dequeued.payload["reason"] == "timeout"
    app.close()


async def test_queue_size_is_fixed_by_the_first_enqueue(client: AsyncTelnyx) -> None:
    await client.calls.actions.enqueue("v3:a", queue_name="tiny", max_size=1)
    with pytest.raises(UnprocessableEntityError, match="full"):
        await client.calls.actions.enqueue("v3:b", queue_name="tiny", max_size=50)


async def test_joining_a_conference_takes_the_call_out_of_its_queue(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = await client.conferences.create(call_control_id="v3:agent", name="support")
    await client.calls.actions.enqueue("v3:caller-1", queue_name="support")
    await client.calls.actions.enqueue("v3:caller-2", queue_name="support")
    await client.conferences.actions.join(conference.data.id, call_control_id="v3:caller-1")
    (dequeued,) = delivered(app, "call.dequeued")
    assert (dequeued.payload["call_control_id"], dequeued.payload["reason"]) == ("v3:caller-1", "bridged")
    await client.calls.actions.enqueue("v3:caller-3", queue_name="support")
    assert delivered(app, "call.enqueued")[-1].payload["current_position"] == 2
