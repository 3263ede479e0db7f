"""Conferences and participants: create, list (pages, filters), retrieve, join, leave, mute, hold, update, end."""

from __future__ import annotations

import pytest

from telnyx_conferencing import AsyncTelnyx, NotFoundError, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp, SandboxClock

from .helpers import delivered, event_types


async def _conference(client: AsyncTelnyx, name: str = "support", creator: str = "v3:agent") -> str:
    response = await client.conferences.create(call_control_id=creator, name=name, client_state="YWdlbnQ=")
    return str(response.data.id)


async def test_create_makes_the_call_the_first_participant(client: AsyncTelnyx, app: SandboxApp) -> None:
    created = await client.conferences.create(call_control_id="v3:agent", name="support", region="Europe")
    assert created.data.name == "support"
    assert created.data.status == "in_progress"
    assert created.data.record_type == "conference"
    page = await client.conferences.list_participants(created.data.id)
    assert [p.call_control_id for p in page.data] == ["v3:agent"]
    assert page.data[0].conference.name == "support"
    assert event_types(app) == ["conference.created", "conference.participant.joined", "conference.floor.changed"]
    fetched = await client.conferences.retrieve(created.data.id)
    assert fetched.data.id == created.data.id


async def test_create_refuses_a_duplicate_active_name_and_a_busy_call(client: AsyncTelnyx) -> None:
    await _conference(client)
    with pytest.raises(UnprocessableEntityError, match="already exists"):
        await client.conferences.create(call_control_id="v3:other", name="support")
    with pytest.raises(UnprocessableEntityError, match="already a participant"):
        await client.conferences.create(call_control_id="v3:agent", name="sales")


async def test_start_conference_on_create_false_waits_in_init(client: AsyncTelnyx) -> None:
    created = await client.conferences.create(
        call_control_id="v3:agent", name="later", start_conference_on_create=False
    )
    assert created.data.status == "init"
    await client.conferences.actions.join(created.data.id, call_control_id="v3:b", start_conference_on_enter=True)
    assert (await client.conferences.retrieve(created.data.id)).data.status == "in_progress"


async def test_list_paginates_and_filters(client: AsyncTelnyx) -> None:
    ids = [await _conference(client, name=f"room-{i}", creator=f"v3:host-{i}") for i in range(5)]
    await client.conferences.actions.end_conference(ids[0])

    first = await client.conferences.list(page_size=2)
    assert len(first.data) == 2
    assert (first.meta.page_number, first.meta.page_size, first.meta.total_pages, first.meta.total_results) == (
        1,
        2,
        3,
        5,
    )
    third = await client.conferences.list(page_size=2, page_number=3)
    assert len(third.data) == 1 and third.meta.page_number == 3
    everything = [c.id async for c in client.conferences.list(page_size=2)]
    assert sorted(everything) == sorted(ids)

    completed = await client.conferences.list(filter={"status": "completed"})
    assert [c.id for c in completed.data] == [ids[0]]
    named = await client.conferences.list(filter={"name": "room-3"})
    assert [c.id for c in named.data] == [ids[3]]
    running = await client.conferences.list(filter={"status": "in_progress"})
    assert running.meta.total_results == 4


async def test_join_leave_and_participant_filters(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = await _conference(client)
    actions = client.conferences.actions
    await actions.join(conference, call_control_id="v3:caller-1", mute=True)
    await actions.join(conference, call_control_id="v3:caller-2", hold=True)
    await actions.join(
        conference, call_control_id="v3:supervisor", supervisor_role="whisper", whisper_call_control_ids=["v3:agent"]
    )
    with pytest.raises(UnprocessableEntityError, match="already a participant"):
        await actions.join(conference, call_control_id="v3:caller-1")

    async def calls(**filters: bool) -> list[str]:
        page = await client.conferences.list_participants(conference, **({"filter": filters} if filters else {}))
        return [p.call_control_id for p in page.data]

    assert await calls() == ["v3:agent", "v3:caller-1", "v3:caller-2", "v3:supervisor"]
    assert await calls(muted=True) == ["v3:caller-1"]
    assert await calls(on_hold=True) == ["v3:caller-2"]
    assert await calls(whispering=True) == ["v3:supervisor"]
    assert await calls(whispering=False, muted=False) == ["v3:agent", "v3:caller-2"]
    sized = await client.conferences.list_participants(conference, page_size=3, page_number=2)
    assert [p.call_control_id for p in sized.data] == ["v3:supervisor"]
    assert sized.meta.total_pages == 2

    await actions.leave(conference, call_control_id="v3:caller-2")
    with pytest.raises(UnprocessableEntityError, match="not a participant"):
        await actions.leave(conference, call_control_id="v3:caller-2")
    statuses = {p.call_control_id: p.status for p in (await client.conferences.list_participants(conference)).data}
    assert statuses["v3:caller-2"] == "left" and statuses["v3:caller-1"] == "joined"
    left = delivered(app, "conference.participant.left")
    assert [d.payload["call_control_id"] for d in left] == ["v3:caller-2"]


async def test_mute_unmute_hold_unhold_all_or_listed(client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    actions = client.conferences.actions
    for call in ("v3:a", "v3:b"):
        await actions.join(conference, call_control_id=call)

    async def flags() -> dict[str, tuple[bool, bool]]:
        page = await client.conferences.list_participants(conference)
        return {p.call_control_id: (p.muted, p.on_hold) for p in page.data}

    await actions.mute(conference)
    assert set((await flags()).values()) == {(True, False)}
    await actions.unmute(conference, call_control_ids=["v3:a"])
    assert (await flags())["v3:a"] == (False, False) and (await flags())["v3:b"] == (True, False)
    await actions.hold(conference, call_control_ids=["v3:b"], audio_url="https://example.com/hold.mp3")
    assert (await flags())["v3:b"] == (True, True)
    await actions.unhold(conference, call_control_ids=["v3:b"])
    assert (await flags())["v3:b"] == (True, False)
    with pytest.raises(UnprocessableEntityError, match="not a participant") as caught:
        await actions.mute(conference, call_control_ids=["v3:a", "v3:nobody"])
    assert caught.value.errors[0].source == {"pointer": "/call_control_ids/1"}


async def test_update_changes_supervisor_role_and_whisper_targets(client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    await client.conferences.actions.join(conference, call_control_id="v3:sup")
    await client.conferences.actions.update(
        conference, call_control_id="v3:sup", supervisor_role="whisper", whisper_call_control_ids=["v3:agent"]
    )
    page = await client.conferences.list_participants(conference, filter={"whispering": True})
    assert [(p.call_control_id, p.whisper_call_control_ids) for p in page.data] == [("v3:sup", ["v3:agent"])]
    await client.conferences.actions.update(conference, call_control_id="v3:sup", supervisor_role="barge")
    assert not (await client.conferences.list_participants(conference, filter={"whispering": True})).data


async def test_retrieve_and_update_participant(client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    page = await client.conferences.list_participants(conference)
    participant_id = page.data[0].id
    fetched = await client.conferences.retrieve_participant(participant_id, id=conference)
    assert fetched.data.call_control_id == "v3:agent" and fetched.data.conference_id == conference
    updated = await client.conferences.update_participant(participant_id, id=conference, end_conference_on_exit=True)
    assert updated.data.end_conference_on_exit is True
    with pytest.raises(NotFoundError):
        await client.conferences.retrieve_participant("no-such-participant", id=conference)


async def test_leaving_host_with_end_conference_on_exit_ends_it(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = await _conference(client)
    await client.conferences.actions.join(conference, call_control_id="v3:host", end_conference_on_exit=True)
    await client.conferences.actions.leave(conference, call_control_id="v3:host")
    ended = (await client.conferences.retrieve(conference)).data
    assert ended.status == "completed" and ended.end_reason == "host_left"
    assert ended.ended_by.call_control_id == "v3:host"
    assert [d.payload["reason"] for d in delivered(app, "conference.ended")] == ["host_left"]


async def test_last_participant_leaving_ends_the_conference(client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    await client.conferences.actions.leave(conference, call_control_id="v3:agent")
    assert (await client.conferences.retrieve(conference)).data.end_reason == "all_left"


async def test_end_conference_ends_it_and_hangs_up(client: AsyncTelnyx, app: SandboxApp) -> None:
    conference = await _conference(client)
    await client.conferences.actions.join(conference, call_control_id="v3:caller")
    await client.conferences.actions.end_conference(conference)
    data = (await client.conferences.retrieve(conference)).data
    assert (data.status, data.end_reason) == ("completed", "ended_via_api")
    with pytest.raises(UnprocessableEntityError, match="no longer active"):
        await client.conferences.actions.end_conference(conference)
    with pytest.raises(UnprocessableEntityError, match="Call has already ended"):
        await client.calls.actions.enqueue("v3:caller", queue_name="support")
    assert event_types(app)[-3:] == ["conference.participant.left", "conference.participant.left", "conference.ended"]


async def test_conference_actions_accept_the_name(client: AsyncTelnyx) -> None:
    await _conference(client, name="by-name")
    await client.conferences.actions.join("by-name", call_control_id="v3:b")
    page = await client.conferences.list(filter={"name": "by-name"})
    participants = await client.conferences.list_participants(page.data[0].id)
    assert participants.meta.total_results == 2


async def test_unknown_conference_is_a_404(client: AsyncTelnyx) -> None:
    with pytest.raises(NotFoundError) as caught:
        await client.conferences.actions.mute("8a7f5a1e-0000-4000-8000-000000000000")
    assert caught.value.errors[0].code == "90058"
    with pytest.raises(NotFoundError):
        await client.conferences.retrieve("8a7f5a1e-0000-4000-8000-000000000000")


async def test_conference_expires_after_its_duration(client: AsyncTelnyx) -> None:
    app = SandboxApp(seed=5, clock=SandboxClock(start=1_700_000_000.0, speed=0))
    import httpx

    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url="http://sandbox.test", http_client=http) as sdk:
        created = await sdk.conferences.create(call_control_id="v3:a", name="short", duration_minutes=5)
        app.advance(301)
        data = (await sdk.conferences.retrieve(created.data.id)).data
        assert (data.status, data.end_reason) == ("completed", "time_exceeded")
    await http.aclose()
    app.close()
