"""The `telnyx_sandbox` pytest fixture, as an app developer uses it."""

from __future__ import annotations

from typing import Any

import pytest

from telnyx_conferencing.sandbox import SandboxClock, SandboxHarness


def test_the_fixture_gives_a_ready_client_events_and_stats(telnyx_sandbox: SandboxHarness) -> None:
    client = telnyx_sandbox.client
    conference = client.conferences.create(call_control_id="v3:agent", name="fixture")
    client.conferences.actions.join(conference.data.id, call_control_id="v3:caller")
    joined = telnyx_sandbox.wait_for("conference.participant.joined", count=2)
    event = joined[1].unwrap(telnyx_sandbox.public_key)
    assert event.payload.call_control_id == "v3:caller"
    assert [e.event_type for e in telnyx_sandbox.events][:2] == ["conference.created", "conference.participant.joined"]
    stats = telnyx_sandbox.stats()
    assert stats["operations"]["JoinConference"]["applied"] == 1 and stats["duplicates_applied"] == 0
    assert telnyx_sandbox.base_url.startswith("http://127.0.0.1:")


class TestWithOptions:
    @pytest.fixture
    def telnyx_sandbox_options(self) -> dict[str, Any]:
        return {"seed": 11, "fault_rate": 0.5, "max_retries": 5, "timeout": 0.2}

    def test_options_reach_the_sandbox(self, telnyx_sandbox: SandboxHarness) -> None:
        for n in range(10):
            telnyx_sandbox.client.calls.actions.enqueue(f"v3:{n}", queue_name="q")
        stats = telnyx_sandbox.stats()
        assert stats["totals"]["faults"] > 0 and stats["totals"]["applied"] == 10


async def test_the_harness_also_hands_out_async_clients(telnyx_sandbox: SandboxHarness) -> None:
    async with telnyx_sandbox.async_client() as client:
        created = await client.conferences.create(call_control_id="v3:agent", name="async")
    assert telnyx_sandbox.client.conferences.retrieve(created.data.id).data.name == "async"


class TestClock:
    @pytest.fixture
    def telnyx_sandbox_options(self) -> dict[str, Any]:
        return {"speed": 0}

    def test_the_plugin_exposes_the_clock_so_a_ten_minute_timeout_takes_milliseconds(
        self, telnyx_sandbox: SandboxHarness, telnyx_sandbox_clock: SandboxClock
    ) -> None:
        telnyx_sandbox.client.calls.actions.enqueue("v3:caller", queue_name="q", max_wait_time_secs=600)
        telnyx_sandbox_clock.advance(599)
        assert telnyx_sandbox.app.state.queues["q"].calls
        telnyx_sandbox_clock.advance(1)
        (dequeued,) = telnyx_sandbox.wait_for("call.dequeued", timeout=5.0)
        assert (dequeued.payload["reason"], dequeued.payload["wait_time_secs"]) == ("timeout", 600)
        assert telnyx_sandbox.clock is telnyx_sandbox_clock
