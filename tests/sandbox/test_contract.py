"""The sandbox against spec/: its route table is the plan's, spec examples pass its validation, and every
operation's success response validates against the operation's 200 schema."""

from __future__ import annotations

import json

import httpx
import pytest

from generator.plan import Operation
from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp
from telnyx_conferencing.sandbox._routes import EVENTS, ROUTES
from telnyx_conferencing.sandbox._validation import validate_body
from tests.contract.cases import plan
from tests.contract.validator import SpecValidator

from .conftest import API_KEY, raw_path

ROUTE_BY_ID = {route.operation_id: route for route in ROUTES}
WITH_EXAMPLES = [op for op in plan().operations if op.request_example]


def test_the_route_table_is_the_plan() -> None:
    operations = plan().operations
    assert {(op.operation_id, op.http_verb.upper(), op.url_path) for op in operations} == {
        (r.operation_id, r.http_verb, r.url_path) for r in ROUTES
    }
    for op in operations:
        route = ROUTE_BY_ID[op.operation_id]
        assert set(route.body_params) == {p.name for p in op.all_params if p.location == "body"}
        assert route.has_command_id == op.has_command_id and route.paginated == op.paginated
    assert set(EVENTS) == {w.event_type for w in plan().webhooks}


@pytest.mark.parametrize("op", WITH_EXAMPLES, ids=[op.operation_id for op in WITH_EXAMPLES])
def test_spec_request_examples_pass_validation(op: Operation) -> None:
    validate_body(ROUTE_BY_ID[op.operation_id], json.dumps(op.request_example).encode())


async def test_every_operation_succeeds_within_its_200_schema(app: SandboxApp, spec_validator: SpecValidator) -> None:
    seen: dict[str, int] = {}
    problems: list[str] = []

    async def record(response: httpx.Response) -> None:
        await response.aread()
        path = raw_path(response.request)
        matched = spec_validator.match(response.request.method, path)
        assert matched is not None, path
        seen[str(matched[0].operation["operationId"])] = response.status_code
        problems.extend(
            spec_validator.response_problems(
                response.request.method, path, response.status_code, response.json() if response.content else None
            )
        )

    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), event_hooks={"response": [record]})
    async with AsyncTelnyx(api_key=API_KEY, base_url="http://sandbox.test/v2", http_client=http) as client:
        actions = client.conferences.actions
        conference = (await client.conferences.create(call_control_id="v3:agent", name="all-ops")).data.id
        await client.calls.actions.enqueue("v3:caller", queue_name="support")
        await client.calls.actions.enqueue("v3:other", queue_name="support")
        await client.calls.actions.leave_queue("v3:other")
        await actions.join(conference, call_control_id="v3:caller")
        await actions.update(conference, call_control_id="v3:caller", supervisor_role="monitor")
        await actions.mute(conference)
        await actions.unmute(conference)
        await actions.hold(conference, call_control_ids=["v3:caller"])
        await actions.unhold(conference, call_control_ids=["v3:caller"])
        await actions.play(conference, audio_url="https://example.com/a.mp3", loop="infinity")
        await actions.stop(conference)
        await actions.speak(conference, payload="hi", voice="female")
        await actions.send_dtmf(conference, digits="12#")
        await actions.gather_dtmf_audio(conference, call_control_id="v3:caller", audio_url="https://example.com/g.wav")
        await actions.record_start(conference, format="wav")
        await actions.record_pause(conference)
        await actions.record_resume(conference)
        await actions.record_stop(conference)
        await client.conferences.list()
        await client.conferences.retrieve(conference)
        participants = await client.conferences.list_participants(conference)
        participant = participants.data[1].id
        await client.conferences.retrieve_participant(participant, id=conference)
        await client.conferences.update_participant(participant, id=conference, beep_enabled="never")
        await actions.leave(conference, call_control_id="v3:caller")
        await actions.end_conference(conference)
        await _every_call_and_queue_operation(app, client)
    await http.aclose()
    no_body = {"DeleteQueue", "RemoveQueueCall", "UpdateCallInQueue"}
    assert seen == {op.operation_id: 204 if op.operation_id in no_body else 200 for op in plan().operations}
    assert problems == []


async def _every_call_and_queue_operation(app: SandboxApp, client: AsyncTelnyx) -> None:
    """Each call and queue operation once, on legs in the state it needs."""
    calls, act = client.calls, client.calls.actions
    caller = app.state.inbound_call(from_number="+13125550100", to_number="+13125550199", digits="1").call_control_id
    await act.answer(caller)
    dialed = await calls.dial(connection_id="7267", from_="+13125550199", to="+13125550111")
    agent = dialed.data.call_control_id
    await calls.retrieve_status(agent)
    app.advance(5)  # the agent answers after the ring
    await act.speak(caller, payload="Welcome", voice="female")
    await act.start_playback(caller, audio_url="https://example.com/a.mp3")
    await act.stop_playback(caller)
    await act.gather(caller, maximum_digits=1)
    app.advance(5)
    await act.gather_using_audio(caller, audio_url="https://example.com/menu.wav")
    await act.stop_gather(caller)
    await act.gather_using_speak(caller, payload="Press one", voice="female")
    await act.stop_gather(caller)
    await act.gather_using_ai(caller, parameters={"type": "object"})
    await act.stop_gather(caller)
    await calls.actions.update_client_state(caller, client_state="aGk=")
    await client.queues.create(queue_name="vip", max_size=10)
    await client.queues.update("vip", max_size=20)
    await client.queues.retrieve("vip")
    await client.queues.list(pagenumber=1, pagesize=10)
    await act.enqueue(caller, queue_name="vip")
    await client.queues.calls.list("vip")
    await client.queues.calls.retrieve(caller, queue_name="vip")
    await client.queues.calls.update(caller, queue_name="vip", keep_after_hangup=True)
    await client.queues.calls.remove(caller, queue_name="vip")
    await act.bridge(caller, call_control_id=agent)
    await act.send_dtmf(caller, digits="1#")
    await act.start_recording(caller, format="mp3", channels="single")
    await act.pause_recording(caller)
    await act.resume_recording(caller)
    await act.stop_recording(caller)
    for feature in ("streaming", "forking", "siprec", "transcription", "noise_suppression", "conversation_relay"):
        await getattr(act, f"start_{feature}")(caller)
        await getattr(act, f"stop_{feature}")(caller)
    await act.start_ai_assistant(caller)
    await act.add_ai_assistant_messages(caller)
    await act.join_ai_assistant(caller, conversation_id="c1", participant={"id": "p", "role": "user"})
    await act.stop_ai_assistant(caller)
    await act.send_sip_info(caller, body="hi", content_type="text/plain")
    await act.refer(caller, sip_address="sip:agent@example.com")
    await act.transfer(caller, to="+13125550122")
    await client.queues.delete("vip")
    other = app.state.inbound_call(from_number="+13125550101", to_number="+13125550199").call_control_id
    await act.reject(other, cause="USER_BUSY")
    supervisor = app.state.inbound_call(from_number="+13125550102", to_number="+13125550199").call_control_id
    await act.answer(supervisor)
    await client.conferences.create(call_control_id=supervisor, name="supervised")
    await act.switch_supervisor_role(supervisor, role="whisper")
    await act.hangup(agent)
    await act.enqueue(supervisor, queue_name="leftover")
    await act.leave_queue(supervisor)
