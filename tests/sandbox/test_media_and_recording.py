"""Play, speak, stop, DTMF, gather, and the recording state machine (start, pause, resume, stop)."""

from __future__ import annotations

import pytest

from telnyx_conferencing import AsyncTelnyx, NotFoundError, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp
from telnyx_conferencing.sandbox._state import AUDIO_FILE_SECS, SPEECH_CHARS_PER_SEC, iso

from .conftest import START
from .helpers import delivered, event_types, occurred_at


@pytest.fixture
async def conference(client: AsyncTelnyx) -> str:
    created = await client.conferences.create(call_control_id="v3:agent", name="media", client_state="c3RhdGU=")
    await client.conferences.actions.join(created.data.id, call_control_id="v3:caller", client_state="Y2FsbGVy")
    return str(created.data.id)


async def test_a_playback_lasts_the_audio_length_times_its_loops(
    client: AsyncTelnyx, app: SandboxApp, conference: str
) -> None:
    await client.conferences.actions.play(conference, audio_url="https://example.com/welcome.mp3", loop=2)
    (started,) = delivered(app, "conference.playback.started")
    assert started.payload["media_url"] == "https://example.com/welcome.mp3"
    assert started.payload["conference_id"] == conference
    app.advance(2 * AUDIO_FILE_SECS - 0.001)
    assert not delivered(app, "conference.playback.ended")
    app.advance(0.001)
    (ended,) = delivered(app, "conference.playback.ended")
    assert occurred_at(ended) == iso(START + 2 * AUDIO_FILE_SECS, micro=True)


async def test_stop_during_a_playback_ends_it_once(client: AsyncTelnyx, app: SandboxApp, conference: str) -> None:
    await client.conferences.actions.play(conference, audio_url="https://example.com/welcome.mp3")
    app.advance(AUDIO_FILE_SECS / 2)
    await client.conferences.actions.stop(conference)
    (ended,) = delivered(app, "conference.playback.ended")
    assert occurred_at(ended) == iso(START + AUDIO_FILE_SECS / 2, micro=True)
    app.advance(AUDIO_FILE_SECS)
    assert len(delivered(app, "conference.playback.ended")) == 1


async def test_play_to_listed_participants_and_loop_until_stop(
    client: AsyncTelnyx, app: SandboxApp, conference: str
) -> None:
    await client.conferences.actions.play(
        conference, media_name="hold_music", loop="infinity", call_control_ids=["v3:caller"]
    )
    started = delivered(app, "conference.participant.playback.started")
    assert [(d.payload["call_control_id"], d.payload["client_state"]) for d in started] == [("v3:caller", "Y2FsbGVy")]
    assert not delivered(app, "conference.participant.playback.ended")
    await client.conferences.actions.stop(conference)
    assert len(delivered(app, "conference.participant.playback.ended")) == 1


async def test_play_needs_exactly_one_source(client: AsyncTelnyx, conference: str) -> None:
    with pytest.raises(UnprocessableEntityError, match="exactly one"):
        await client.conferences.actions.play(conference)
    with pytest.raises(UnprocessableEntityError, match="range"):
        await client.conferences.actions.play(conference, audio_url="https://example.com/a.mp3", loop=101)


async def test_speak_to_everyone_or_to_participants(client: AsyncTelnyx, app: SandboxApp, conference: str) -> None:
    await client.conferences.actions.speak(conference, payload="Welcome", voice="Telnyx.KokoroTTS.af")
    await client.conferences.actions.speak(
        conference, payload="Just you", voice="female", call_control_ids=["v3:caller"], language="en-US"
    )
    app.advance(1.0)  # each text is short: the 1 s minimum
    assert event_types(app)[-4:] == [
        "conference.speak.started",
        "conference.participant.speak.started",
        "conference.speak.ended",
        "conference.participant.speak.ended",
    ]
    creator = delivered(app, "conference.created")[0].payload["call_session_id"]
    assert delivered(app, "conference.speak.started")[0].payload["creator_call_session_id"] == creator


async def test_send_dtmf_and_gather(client: AsyncTelnyx, conference: str) -> None:
    await client.conferences.actions.send_dtmf(conference, digits="1234#", call_control_ids=["v3:caller"])
    with pytest.raises(UnprocessableEntityError, match="digits"):
        await client.conferences.actions.send_dtmf(conference, digits="12x")
    await client.conferences.actions.gather_dtmf_audio(
        conference, call_control_id="v3:caller", audio_url="https://example.com/menu.wav", maximum_digits=2
    )
    with pytest.raises(UnprocessableEntityError, match="not a participant"):
        await client.conferences.actions.gather_dtmf_audio(conference, call_control_id="v3:stranger")


async def test_recording_state_machine(client: AsyncTelnyx, app: SandboxApp, conference: str) -> None:
    actions = client.conferences.actions
    with pytest.raises(UnprocessableEntityError, match="no recording"):
        await actions.record_pause(conference)
    with pytest.raises(UnprocessableEntityError, match="no recording"):
        await actions.record_stop(conference)
    await actions.record_start(conference, format="wav", channels="dual")
    with pytest.raises(UnprocessableEntityError, match="already being recorded"):
        await actions.record_start(conference, format="mp3")
    with pytest.raises(UnprocessableEntityError, match="Only a paused recording") as caught:
        await actions.record_resume(conference)
    assert caught.value.status_code == 422
    await actions.record_pause(conference)
    with pytest.raises(UnprocessableEntityError, match="paused already"):
        await actions.record_pause(conference)
    await actions.record_resume(conference)
    await actions.record_stop(conference, client_state="ZG9uZQ==")
    (saved,) = delivered(app, "conference.recording.saved")
    assert saved.payload["format"] == "wav" and saved.payload["channels"] == "dual"
    assert saved.payload["client_state"] == "ZG9uZQ=="
    assert saved.payload["recording_urls"]["wav"].endswith(f"{saved.payload['recording_id']}.wav")
    with pytest.raises(UnprocessableEntityError):
        await actions.record_resume(conference)


async def test_recording_id_must_match(client: AsyncTelnyx, conference: str) -> None:
    await client.conferences.actions.record_start(conference, format="mp3")
    with pytest.raises(NotFoundError, match="Recording"):
        await client.conferences.actions.record_pause(conference, recording_id="6e00ab49-9487-4364-8ad6-23965965afb2")


async def test_ending_a_recorded_conference_saves_the_recording(
    client: AsyncTelnyx, app: SandboxApp, conference: str
) -> None:
    await client.conferences.actions.record_start(conference, format="mp3")
    await client.conferences.actions.end_conference(conference)
    assert event_types(app)[-2:] == ["conference.recording.saved", "conference.ended"]
    with pytest.raises(UnprocessableEntityError, match="no longer active"):
        await client.conferences.actions.record_start(conference, format="mp3")


async def test_a_speak_lasts_as_long_as_its_text(client: AsyncTelnyx, app: SandboxApp, conference: str) -> None:
    text = "Thank you for calling. " * 10
    await client.conferences.actions.speak(conference, payload=text, voice="female")
    length = len(text.strip()) / SPEECH_CHARS_PER_SEC
    app.advance(length - 0.01)
    assert delivered(app, "conference.speak.started") and not delivered(app, "conference.speak.ended")
    app.advance(0.01)
    (ended,) = delivered(app, "conference.speak.ended")
    assert occurred_at(ended) == iso(START + length, micro=True)


async def test_ending_the_conference_ends_its_media(client: AsyncTelnyx, app: SandboxApp, conference: str) -> None:
    await client.conferences.actions.play(conference, audio_url="https://example.com/a.mp3")
    await client.conferences.actions.speak(conference, payload="A long announcement", voice="female")
    await client.conferences.actions.end_conference(conference)
    assert event_types(app)[-5:-1] == [
        "conference.participant.left",
        "conference.participant.left",
        "conference.playback.ended",
        "conference.speak.ended",
    ]
    app.advance(60)
    assert len(delivered(app, "conference.playback.ended")) == len(delivered(app, "conference.speak.ended")) == 1
