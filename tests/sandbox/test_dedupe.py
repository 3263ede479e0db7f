"""`command_id`: a repeat for the same call or conference within the window is acknowledged and not applied."""

from __future__ import annotations

import time

import httpx

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp

from .helpers import delivered


async def test_a_repeated_command_id_is_acknowledged_not_applied(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="d")).data.id
    for _ in range(3):
        response = await client.conferences.actions.speak(conference, payload="hi", voice="female", command_id="cmd-1")
        assert response.data.result == "ok"
    assert len(delivered(app, "conference.speak.started")) == 1
    stats = app.stats_snapshot()
    assert stats["commands"]["cmd-1"] == {
        "operation": "SpeakTextToConference",
        "target": conference,
        "applied": 1,
        "deduplicated": 2,
    }
    assert stats["operations"]["SpeakTextToConference"]["applied"] == 1


async def test_a_repeat_that_would_fail_is_still_acknowledged(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="d")).data.id
    await client.conferences.actions.record_start(conference, format="mp3", command_id="start-1")
    # applied again this would be a 422 (already recording); as a repeat it is a 200
    await client.conferences.actions.record_start(conference, format="mp3", command_id="start-1")


async def test_create_repeat_returns_the_same_conference(client: AsyncTelnyx, app: SandboxApp) -> None:
    first = await client.conferences.create(call_control_id="v3:agent", name="once", command_id="create-1")
    again = await client.conferences.create(call_control_id="v3:agent", name="once", command_id="create-1")
    assert first.data.id == again.data.id
    assert len(app.state.conferences) == 1


async def test_the_same_command_id_on_another_call_is_a_new_command(client: AsyncTelnyx, app: SandboxApp) -> None:
    await client.calls.actions.enqueue("v3:a", queue_name="q", command_id="same")
    await client.calls.actions.enqueue("v3:b", queue_name="q", command_id="same")
    assert len(app.state.queues["q"].calls) == 2
    stats = app.stats_snapshot()
    assert stats["commands"]["same"]["target"] == "v3:a" and stats["commands"]["same@v3:b"]["applied"] == 1
    assert stats["commands_applied_twice"] == 0


async def test_the_auto_command_id_makes_each_call_distinct(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="d")).data.id
    for _ in range(3):
        await client.conferences.actions.speak(conference, payload="hi", voice="female")
    assert len(delivered(app, "conference.speak.started")) == 3


async def test_the_window_expires() -> None:
    app = SandboxApp(command_id_ttl=0.05)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url="http://sandbox.test", http_client=http) as sdk:
        conference = (await sdk.conferences.create(call_control_id="v3:agent", name="d")).data.id
        await sdk.conferences.actions.speak(conference, payload="hi", voice="female", command_id="c")
        time.sleep(0.06)
        await sdk.conferences.actions.speak(conference, payload="hi", voice="female", command_id="c")
    await http.aclose()
    assert app.stats_snapshot()["commands"]["c"]["applied"] == 2
    app.close()
