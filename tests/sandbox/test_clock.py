"""The sandbox's clock: timers fire on their own and exactly on time, `advance` fires them in order, `speed`."""

from __future__ import annotations

import datetime
from typing import Any

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp, SandboxClock
from telnyx_conferencing.sandbox._state import iso

from .conftest import START
from .helpers import delivered, occurred_at


def _seconds(stamp: str) -> float:
    return datetime.datetime.fromisoformat(stamp).timestamp()


async def test_a_queue_timeout_fires_on_its_own_at_the_exact_time() -> None:
    app = SandboxApp(seed=2, speed=50.0)  # 1 sandbox second is 20 ms: no request follows the enqueue
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url="http://sandbox.test", http_client=http) as client:
        await client.calls.actions.enqueue("v3:a", queue_name="q", max_wait_time_secs=1)
        (dequeued,) = app.inbox.wait_for("call.dequeued", timeout=5.0)
    await http.aclose()
    (enqueued,) = delivered(app, "call.enqueued")
    assert (dequeued.payload["reason"], dequeued.payload["wait_time_secs"]) == ("timeout", 1)
    assert _seconds(occurred_at(dequeued)) - _seconds(occurred_at(enqueued)) == pytest.approx(1.0, abs=1e-6)
    assert app.state.queues["q"].calls == []
    app.close()


async def test_advancing_the_clock_fires_due_timers_in_order_before_it_returns(
    client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient
) -> None:
    await client.calls.actions.enqueue("v3:slow", queue_name="q", max_wait_time_secs=600)
    await client.calls.actions.enqueue("v3:fast", queue_name="q", max_wait_time_secs=300)
    await client.conferences.create(call_control_id="v3:host", name="brief", duration_minutes=7)
    response = await http.post("/sandbox/clock", json={"advance_secs": 600})
    assert response.status_code == 200
    assert response.json()["now"] == iso(START + 600, micro=True) and response.json()["pending_timers"] == 0
    assert app.state.queues["q"].calls == []  # applied before the response, not on a later request
    timed = [d for d in delivered(app) if d.event_type in ("call.dequeued", "conference.ended")]
    assert [(d.event_type, d.payload.get("call_control_id"), occurred_at(d)) for d in timed] == [
        ("call.dequeued", "v3:fast", iso(START + 300, micro=True)),
        ("conference.ended", "v3:host", iso(START + 420, micro=True)),
        ("call.dequeued", "v3:slow", iso(START + 600, micro=True)),
    ]
    assert [d.payload["wait_time_secs"] for d in timed if d.event_type == "call.dequeued"] == [300, 600]


async def test_a_timer_is_cancelled_when_its_subject_ends_another_way(
    client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient
) -> None:
    await client.calls.actions.enqueue("v3:a", queue_name="q", max_wait_time_secs=60)
    await client.calls.actions.leave_queue("v3:a")
    app.advance(120)
    assert [d.payload["reason"] for d in delivered(app, "call.dequeued")] == ["leave"]
    assert (await http.get("/sandbox/clock")).json()["pending_timers"] == 0


async def test_the_clock_endpoint_reads_and_refuses_bad_changes(app: SandboxApp, http: httpx.AsyncClient) -> None:
    read = (await http.get("/sandbox/clock")).json()
    assert (read["unix"], read["speed"], read["next_timer_at"]) == (START, 0, None)
    bad_bodies = [b'{"advance_secs": -1}', b'{"speed": "fast"}', b'{"rewind": 5}', b"{}", b'{"speed": 1e999}', b"["]
    for bad in bad_bodies:
        response = await http.post("/sandbox/clock", content=bad, headers={"content-type": "application/json"})
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["code"] == "10015"
    changed = (await http.post("/sandbox/clock", json={"speed": 60})).json()
    assert changed["speed"] == 60


def test_speed_scales_real_time_and_zero_freezes_it() -> None:
    real = [100.0]

    def fake_real() -> float:
        return real[0]

    clock = SandboxClock(start=1_000.0, speed=60.0, real=fake_real)
    real[0] += 2.0
    assert clock() == 1_120.0  # two real seconds are two sandbox minutes
    clock.speed = 0
    real[0] += 50.0
    assert clock() == 1_120.0
    clock.advance(5)
    assert clock() == 1_125.0
    with pytest.raises(ValueError):
        clock.advance(float("nan"))
    with pytest.raises(ValueError):
        clock.speed = -1


def test_a_timer_scheduled_while_advancing_fires_in_the_same_advance() -> None:
    clock = SandboxClock(start=0.0, speed=0)
    fired: list[tuple[str, float]] = []

    def first() -> None:
        fired.append(("first", clock()))
        clock.at(clock() + 5, lambda: fired.append(("second", clock())))

    clock.at(10, first)
    clock.advance(20)
    assert fired == [("first", 10.0), ("second", 15.0)] and clock() == 20.0
    clock.close()


def test_serve_passes_speed_to_the_sandbox(monkeypatch: Any) -> None:
    from click.testing import CliRunner

    from telnyx_conferencing.sandbox import _server
    from telnyx_conferencing.sandbox.cli import sandbox

    seen: list[float] = []
    monkeypatch.setattr(_server, "serve", lambda app, sock, log_level: seen.append(app.clock.speed))
    result = CliRunner().invoke(sandbox, ["serve", "--port", "0", "--speed", "60"])
    assert result.exit_code == 0, result.output
    assert seen == [60.0] and "60 sandbox seconds per second" in result.output
    assert CliRunner().invoke(sandbox, ["serve", "--speed", "-1"]).exit_code == 2
