"""Rules the spec documents for conferences, each pinned: end-on-exit flags, start on create, hold audio,
client_state, monitors, region, and one error code per meaning."""

from __future__ import annotations

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, NotFoundError, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp

from .helpers import delivered


async def _participants(client: AsyncTelnyx, conference_id: str) -> dict[str, tuple[bool, bool]]:
    """call_control_id -> (muted, on_hold) of the active participants."""
    page = await client.conferences.list_participants(conference_id)
    return {p.call_control_id: (p.muted, p.on_hold) for p in page.data if p.status != "left"}


async def test_soft_end_on_exit_ends_the_conference_but_hangs_up_no_one(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:h", name="soft")).data.id
    await client.conferences.actions.join(conference, call_control_id="v3:a", soft_end_conference_on_exit=True)
    await client.conferences.actions.join(conference, call_control_id="v3:b")
    await client.conferences.actions.leave(conference, call_control_id="v3:a")
    ended = (await client.conferences.retrieve(conference)).data
    assert (ended.status, ended.end_reason) == ("completed", "host_left")
    # "this doesn't hang up the other participants": their calls live on and can join elsewhere
    other = (await client.conferences.create(call_control_id="v3:h", name="after-soft")).data.id
    await client.conferences.actions.join(other, call_control_id="v3:b")


async def test_end_on_exit_hangs_up_the_others(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:h", name="hard")).data.id
    await client.conferences.actions.join(conference, call_control_id="v3:a", end_conference_on_exit=True)
    await client.conferences.actions.leave(conference, call_control_id="v3:a")
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.conferences.create(call_control_id="v3:h", name="after-hard")
    assert caught.value.errors[0].code == "90018"


async def test_joiners_wait_on_hold_until_the_conference_starts(client: AsyncTelnyx) -> None:
    created = (
        await client.conferences.create(call_control_id="v3:h", name="later", start_conference_on_create=False)
    ).data
    assert created.status == "init"
    await client.conferences.actions.join(created.id, call_control_id="v3:a")
    await client.conferences.actions.join(created.id, call_control_id="v3:held", hold=True)
    assert await _participants(client, created.id) == {
        "v3:h": (False, True),
        "v3:a": (False, True),
        "v3:held": (False, True),
    }
    await client.conferences.actions.join(created.id, call_control_id="v3:b", start_conference_on_enter=True)
    assert (await client.conferences.retrieve(created.id)).data.status == "in_progress"
    assert await _participants(client, created.id) == {
        "v3:h": (False, False),
        "v3:a": (False, False),
        "v3:held": (False, True),  # held on purpose: the start does not lift that
        "v3:b": (False, False),
    }


async def test_hold_audio_url_and_hold_media_name_cannot_be_used_together(client: AsyncTelnyx) -> None:
    both = {"hold_audio_url": "https://example.com/hold.mp3", "hold_media_name": "hold_music"}
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.conferences.create(call_control_id="v3:h", name="hold", start_conference_on_create=False, **both)
    assert caught.value.errors[0].source == {"pointer": "/hold_media_name"}
    conference = (await client.conferences.create(call_control_id="v3:h", name="hold")).data.id
    with pytest.raises(UnprocessableEntityError):
        await client.conferences.actions.join(conference, call_control_id="v3:a", hold=True, **both)


async def test_client_state_must_be_base64(client: AsyncTelnyx) -> None:
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.conferences.create(call_control_id="v3:h", name="b64", client_state="not base64!!")
    assert caught.value.errors[0].source == {"pointer": "/client_state"}
    conference = (await client.conferences.create(call_control_id="v3:h", name="b64", client_state="aGk=")).data.id
    with pytest.raises(UnprocessableEntityError, match="Base-64"):
        await client.conferences.actions.join(conference, call_control_id="v3:a", client_state="abc")


async def test_a_monitor_is_muted_and_leaving_the_role_lifts_only_that_mute(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:h", name="sup")).data.id
    await client.conferences.actions.join(conference, call_control_id="v3:mon", supervisor_role="monitor")
    await client.conferences.actions.join(conference, call_control_id="v3:sup")
    await client.conferences.actions.join(conference, call_control_id="v3:quiet", mute=True)
    await client.conferences.actions.update(conference, call_control_id="v3:sup", supervisor_role="monitor")
    await client.conferences.actions.update(conference, call_control_id="v3:quiet", supervisor_role="monitor")
    muted = {cid: state[0] for cid, state in (await _participants(client, conference)).items()}
    assert muted == {"v3:h": False, "v3:mon": True, "v3:sup": True, "v3:quiet": True}
    for cid in ("v3:mon", "v3:quiet"):
        await client.conferences.actions.update(conference, call_control_id=cid, supervisor_role="barge")
    muted = {cid: state[0] for cid, state in (await _participants(client, conference)).items()}
    assert (muted["v3:mon"], muted["v3:quiet"]) == (False, True)


async def test_the_region_query_parameter_filters_conferences(client: AsyncTelnyx, http: httpx.AsyncClient) -> None:
    europe = (await client.conferences.create(call_control_id="v3:e", name="eu", region="Europe")).data.id
    us = (await client.conferences.create(call_control_id="v3:u", name="us")).data.id
    assert [c["id"] for c in (await http.get("/conferences", params={"region": "Europe"})).json()["data"]] == [europe]
    assert [c["id"] for c in (await http.get("/conferences", params={"region": "US"})).json()["data"]] == [us]
    assert (await http.get(f"/conferences/{europe}", params={"region": "US"})).status_code == 404
    assert (await http.get("/conferences", params={"region": "Mars"})).status_code == 422


async def test_an_unknown_conference_gets_one_error_whether_retrieved_or_commanded(client: AsyncTelnyx) -> None:
    errors = []
    for call in (
        client.conferences.retrieve("no-such-conference"),
        client.conferences.actions.mute("no-such-conference"),
    ):
        with pytest.raises(NotFoundError) as caught:
            await call
        errors.append((caught.value.errors[0].code, caught.value.errors[0].title))
    assert errors == [("90058", "Invalid conference_id")] * 2


async def test_an_unknown_participant_gets_the_generic_not_found_code(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:h", name="who")).data.id
    with pytest.raises(NotFoundError) as caught:
        await client.conferences.retrieve_participant("nobody", id=conference)
    assert caught.value.errors[0].code == "10007"


async def test_not_paused_and_already_paused_have_different_codes(client: AsyncTelnyx) -> None:
    conference = (await client.conferences.create(call_control_id="v3:h", name="rec")).data.id
    await client.conferences.actions.record_start(conference, format="mp3")
    with pytest.raises(UnprocessableEntityError) as not_paused:
        await client.conferences.actions.record_resume(conference)
    await client.conferences.actions.record_pause(conference)
    with pytest.raises(UnprocessableEntityError) as already_paused:
        await client.conferences.actions.record_pause(conference)
    assert not_paused.value.errors[0].code != already_paused.value.errors[0].code


async def test_a_call_already_in_a_conference_does_not_reuse_upstreams_audio_download_code(
    client: AsyncTelnyx,
) -> None:
    await client.conferences.create(call_control_id="v3:h", name="one")
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.conferences.create(call_control_id="v3:h", name="two")
    assert caught.value.errors[0].code not in ("90040", "10005")


async def test_an_empty_queue_name_is_refused(http: httpx.AsyncClient, app: SandboxApp) -> None:
    for name in ("", "  "):
        response = await http.post("/calls/v3:a/actions/enqueue", json={"queue_name": name})
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert (error["code"], error["source"]["pointer"]) == ("10004", "/queue_name")
    assert app.state.queues == {} and not delivered(app, "call.enqueued")
