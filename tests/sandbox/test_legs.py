"""Call legs in the sandbox: dial and ring rules, inbound answer/reject, bridge, gather with scripted
digits, media on the clock, recording, transfer, features, queues and the wrong-state 422s."""

from __future__ import annotations

import base64

import httpx
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from telnyx_conferencing import AsyncTelnyx, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp
from telnyx_conferencing.sandbox._routes import ROUTES

from .conftest import API_KEY
from .helpers import delivered, event_types


@pytest.fixture
async def client(app: SandboxApp) -> AsyncTelnyx:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    return AsyncTelnyx(api_key=API_KEY, base_url="http://sandbox.test/v2", http_client=http, max_retries=0)


def _of(app: SandboxApp, call_control_id: str) -> list[str]:
    return [d.event_type for d in delivered(app) if d.payload.get("call_control_id") == call_control_id]


async def _answered_inbound(app: SandboxApp, client: AsyncTelnyx, digits: str = "") -> str:
    call = app.state.inbound_call(from_number="+13125550100", to_number="+13125550199", digits=digits)
    await client.calls.actions.answer(call.call_control_id)
    return call.call_control_id


async def test_a_dialed_leg_rings_then_answers_on_the_sandbox_clock(app: SandboxApp, client: AsyncTelnyx) -> None:
    leg = (await client.calls.dial(connection_id="1", from_="+13125550199", to="+13125550111")).data
    assert leg.is_alive is False or leg.is_alive is True
    assert _of(app, leg.call_control_id) == ["call.initiated"]
    assert delivered(app, "call.initiated")[0].payload["direction"] == "outgoing"
    app.advance(app.state.ring_secs)
    assert _of(app, leg.call_control_id) == ["call.initiated", "call.answered"]


@pytest.mark.parametrize(("suffix", "cause"), [("486", "user_busy"), ("480", "timeout"), ("603", "call_rejected")])
async def test_dial_rules_on_the_to_number_end_in_hangup_with_the_cause(
    app: SandboxApp, client: AsyncTelnyx, suffix: str, cause: str
) -> None:
    leg = (await client.calls.dial(connection_id="1", from_="+1312", to=f"+1312555{suffix}", timeout_secs=20)).data
    app.advance(app.state.ring_secs)
    if suffix == "480":  # no answer: it rings until timeout_secs
        assert _of(app, leg.call_control_id) == ["call.initiated"]
        app.advance(20)
    assert _of(app, leg.call_control_id) == ["call.initiated", "call.hangup"]
    assert delivered(app, "call.hangup")[0].payload["hangup_cause"] == cause


async def test_an_inbound_call_is_answered_or_rejected(app: SandboxApp, client: AsyncTelnyx) -> None:
    answered = await _answered_inbound(app, client)
    assert _of(app, answered) == ["call.initiated", "call.answered"]
    rejected = app.state.inbound_call(from_number="+1", to_number="+2").call_control_id
    await client.calls.actions.reject(rejected, cause="USER_BUSY")
    assert delivered(app, "call.hangup")[-1].payload["hangup_cause"] == "user_busy"


async def test_a_hangup_of_an_ended_call_is_a_422_90018(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.hangup(call)
    with pytest.raises(UnprocessableEntityError) as raised:
        await client.calls.actions.hangup(call)
    assert raised.value.errors[0].code == "90018"


async def test_an_action_on_an_unanswered_call_is_a_422_90034(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = app.state.inbound_call(from_number="+1", to_number="+2").call_control_id
    with pytest.raises(UnprocessableEntityError) as raised:
        await client.calls.actions.speak(call, payload="hi", voice="female")
    assert raised.value.errors[0].code == "90034"
    with pytest.raises(UnprocessableEntityError):
        await client.conferences.create(call_control_id=call, name="not-yet")  # conferences join live legs only


async def test_client_state_is_echoed_in_later_webhooks_of_the_leg(app: SandboxApp, client: AsyncTelnyx) -> None:
    state = base64.b64encode(b"menu").decode()
    call = app.state.inbound_call(from_number="+1", to_number="+2").call_control_id
    await client.calls.actions.answer(call, client_state=state)
    await client.calls.actions.speak(call, payload="hello", voice="female")
    assert delivered(app, "call.speak.started")[0].payload["client_state"] == state


async def test_bridge_sends_call_bridged_for_both_legs_and_a_hangup_ends_both(
    app: SandboxApp, client: AsyncTelnyx
) -> None:
    caller = await _answered_inbound(app, client)
    agent = (await client.calls.dial(connection_id="1", from_="+2", to="+3")).data.call_control_id
    app.advance(app.state.ring_secs)
    await client.calls.actions.bridge(caller, call_control_id=agent)
    assert {d.payload["call_control_id"] for d in delivered(app, "call.bridged")} == {caller, agent}
    await client.calls.actions.send_dtmf(caller, digits="5")
    assert delivered(app, "call.dtmf.received")[0].payload["call_control_id"] == agent
    await client.calls.actions.hangup(caller)
    assert {d.payload["call_control_id"] for d in delivered(app, "call.hangup")} == {caller, agent}


async def test_gather_using_speak_collects_the_scripted_digits(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client, digits="2#")
    await client.calls.actions.gather_using_speak(call, payload="Press two", voice="female", valid_digits="123")
    app.advance(30)
    assert _of(app, call)[2:] == ["call.speak.started", "call.speak.ended", "call.gather.ended"]
    ended = delivered(app, "call.gather.ended")[0].payload
    assert (ended["digits"], ended["status"]) == ("2", "valid")


async def test_a_gather_without_scripted_digits_times_out(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.gather(call, timeout_millis=5000)
    app.advance(4)
    assert not delivered(app, "call.gather.ended")
    app.advance(2)
    assert delivered(app, "call.gather.ended")[0].payload["status"] == "timeout"


async def test_digits_scripted_through_the_sandbox_endpoint_reach_the_next_gather(app: SandboxApp) -> None:
    call = app.state.inbound_call(from_number="+1", to_number="+2").call_control_id
    with TestClient(app) as http:
        assert http.post(f"/sandbox/calls/{call}/digits", json={"digits": "7"}).status_code == 200
        assert http.post(f"/sandbox/calls/{call}/digits", json={"digits": "x"}).status_code == 422
    assert app.state.calls[call].digits == "7"


async def test_speak_and_playback_end_on_the_clock_and_a_hangup_cuts_them(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.start_playback(call, audio_url="https://example.com/a.mp3")
    app.advance(10)
    assert delivered(app, "call.playback.ended")[0].payload["status"] == "completed"
    await client.calls.actions.speak(call, payload="a long sentence " * 10, voice="female")
    await client.calls.actions.hangup(call)
    assert delivered(app, "call.speak.ended")[0].payload["status"] == "call_hangup"


async def test_a_recording_is_saved_with_a_url_at_stop_or_hangup(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.start_recording(call, format="mp3", channels="dual")
    await client.calls.actions.hangup(call)
    assert _of(app, call)[-1] == "call.hangup"
    saved = delivered(app, "call.recording.saved")[0].payload
    assert saved["recording_urls"]["mp3"].endswith(f"{app.state.recordings[-1].id}.mp3")


async def test_transfer_dials_a_new_leg_and_bridges_it_once_answered(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.transfer(call, to="+13125550177")
    app.advance(app.state.ring_secs)
    (initiated,) = [d for d in delivered(app, "call.initiated") if d.payload["direction"] == "outgoing"]
    target = initiated.payload["call_control_id"]
    assert _of(app, target) == ["call.initiated", "call.answered", "call.bridged"]
    assert app.state.calls[call].bridged_to is app.state.calls[target]


async def test_features_start_and_stop_with_their_webhooks(app: SandboxApp, client: AsyncTelnyx) -> None:
    call = await _answered_inbound(app, client)
    await client.calls.actions.start_streaming(call, stream_url="wss://example.com/s")
    await client.calls.actions.stop_streaming(call)
    await client.calls.actions.start_forking(call)
    await client.calls.actions.stop_forking(call)
    assert _of(app, call)[2:] == ["streaming.started", "streaming.stopped", "call.fork.started", "call.fork.stopped"]
    with pytest.raises(UnprocessableEntityError):
        await client.calls.actions.stop_forking(call)


async def test_queue_endpoints_show_positions_and_wait_times(app: SandboxApp, client: AsyncTelnyx) -> None:
    first, second = await _answered_inbound(app, client), await _answered_inbound(app, client)
    await client.queues.create(queue_name="support", max_size=5)
    await client.calls.actions.enqueue(first, queue_name="support")
    app.advance(30)
    await client.calls.actions.enqueue(second, queue_name="support")
    app.advance(10)
    listed = (await client.queues.calls.list("support")).data
    assert [(c.queue_position, c.wait_time_secs) for c in listed] == [(1, 40), (2, 10)]
    await client.queues.calls.remove(first, queue_name="support")
    assert (await client.queues.calls.retrieve(second, queue_name="support")).data.queue_position == 1
    assert (await client.queues.retrieve("support")).data.average_wait_time_secs == 40
    with pytest.raises(UnprocessableEntityError):
        await client.queues.delete("support")  # only empty queues


def test_every_route_is_served_by_the_method_its_facade_names(app: SandboxApp) -> None:
    assert all(app.state.handles(route) for route in ROUTES)
    assert app.state._handler("calls.actions.answer") == app.state.actions.answer


def test_the_inbound_cli_command_rings_a_running_sandbox(app: SandboxApp, monkeypatch: pytest.MonkeyPatch) -> None:
    from telnyx_conferencing.sandbox.cli import sandbox

    with TestClient(app) as http:
        monkeypatch.setattr(httpx, "post", lambda url, **kw: http.post(url.split("4010", 1)[1], **kw))
        result = CliRunner().invoke(sandbox, ["inbound", "--from", "+13125550100", "--to", "+1312", "--digits", "1"])
        assert result.exit_code == 0, result.output
        assert "call.initiated" in event_types(app)
        call = next(iter(app.state.calls.values()))
        assert call.digits == "1" and call.state == "parked"
