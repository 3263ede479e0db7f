"""The call center's behaviour against the sandbox: real HTTP, real signed webhooks, no network."""

from __future__ import annotations

import pytest
from call_center import CallCenter
from conftest import Receiver

from telnyx_conferencing import UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxClock, SandboxHarness
from telnyx_conferencing.webhooks import unwrap


def test_the_caller_who_waited_longest_is_taken_first(center: CallCenter, deliver: Receiver) -> None:
    desk = center.open_desk("v3:agent", name="support")
    for caller in ("v3:first", "v3:second"):
        center.caller_arrives(caller)
    deliver()
    assert center.waiting == {"v3:first": 1, "v3:second": 2}

    assert center.take_next(desk) == "v3:first"
    deliver()
    assert set(center.waiting) == {"v3:second"}  # call.dequeued, reason bridged
    assert center.desks[desk].participants == {"v3:agent", "v3:first"}


def test_a_repeated_delivery_is_applied_once(
    telnyx_sandbox: SandboxHarness, center: CallCenter, deliver: Receiver
) -> None:
    center.caller_arrives("v3:caller")
    deliver()
    (delivery,) = telnyx_sandbox.wait_for("call.enqueued")
    center.waiting.clear()
    center.handle(unwrap(delivery.body, delivery.headers, public_key=telnyx_sandbox.public_key))
    assert center.waiting == {}  # already seen: ignored


def test_a_caller_who_waits_ten_minutes_leaves_the_queue(
    telnyx_sandbox_clock: SandboxClock, center: CallCenter, deliver: Receiver
) -> None:
    center.caller_arrives("v3:patient")
    deliver()
    telnyx_sandbox_clock.advance(600)  # max_wait_time_secs: call.dequeued, reason timeout
    deliver()
    assert center.waiting == {}


def test_closing_the_desk_saves_the_recording(center: CallCenter, deliver: Receiver) -> None:
    desk = center.open_desk("v3:agent", name="support")
    center.record(desk)
    center.stop_recording(desk)
    center.close_desk(desk)
    deliver()
    assert center.desks[desk].ended
    assert [url.endswith(".mp3") for url in center.desks[desk].recordings] == [True]


def test_a_coach_is_heard_by_the_agent_only(telnyx_sandbox: SandboxHarness, center: CallCenter) -> None:
    desk = center.open_desk("v3:agent", name="support")
    center.coach(desk, "v3:supervisor")
    supervisor = telnyx_sandbox.client.conferences.retrieve_participant("v3:supervisor", id=desk).data
    assert supervisor and supervisor.whisper_call_control_ids == ["v3:agent"]


def test_recording_twice_is_refused(center: CallCenter) -> None:
    desk = center.open_desk("v3:agent", name="support")
    center.record(desk)
    center.client.conferences.actions.record_pause(desk)
    with pytest.raises(UnprocessableEntityError):
        center.client.conferences.actions.record_pause(desk)
