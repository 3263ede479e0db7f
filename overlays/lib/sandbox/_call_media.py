"""What a leg hears and says: speak, playback, gather (digits scripted per leg), recording, DTMF,
and the features that only start and stop (streaming, fork, siprec, transcription, AI assistant,
noise suppression, conversation relay).

Durations are on the sandbox clock by the same rules as conference media (`AUDIO_FILE_SECS` a file,
`speech_secs` a text). A gather prompt plays to its end; then the leg's scripted digits are pressed,
`DIGIT_SECS` apart; with no digits scripted the gather times out after `timeout_millis`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._clock import Timer
from ._errors import invalid_value, unprocessable
from ._legs import LegActions
from ._state import AUDIO_FILE_SECS, RECORDING_BASE_URL, Call, Recording, iso, speech_secs

if TYPE_CHECKING:
    from ._specs import RouteSpec

__all__ = ["CallActions", "DIGIT_SECS", "FEATURES"]

DIGIT_SECS = 1.0
DEFAULT_GATHER_TIMEOUT_MS = 60_000
DTMF_CHARS = "0123456789ABCDabcd*#wW"
# feature -> (event when started, event when stopped); None where Telnyx sends no webhook for it.
FEATURES: dict[str, tuple[str | None, str | None]] = {
    "streaming": ("streaming.started", "streaming.stopped"),
    "forking": ("call.fork.started", "call.fork.stopped"),
    "siprec": ("siprec.started", "siprec.stopped"),
    "transcription": (None, None),
    "ai_assistant": (None, "call.conversation.ended"),
    "noise_suppression": (None, None),
    "conversation_relay": (None, None),
}

Args = tuple[dict[str, str], dict[str, Any]]


class CallActions(LegActions):
    """calls.actions.*: the lifecycle (`LegActions`) plus media, gather, recording and features."""

    # ---- audio ---------------------------------------------------------------------------------

    def _media(self, call: Call) -> list[dict[str, Any]]:
        media: list[dict[str, Any]] = call.extras.setdefault("media", [])
        return media

    def _play(self, call: Call, kind: str, values: dict[str, Any], secs: float | None, then: Any = None) -> None:
        """call.<kind>.started now and call.<kind>.ended `secs` later (never, when it loops forever)."""
        item: dict[str, Any] = {"kind": kind, "values": values, "timer": None}
        self._media(call).append(item)
        self._state.legs_event(f"call.{kind}.started", call, **values)
        if secs is not None:

            def ended() -> None:
                self._end_media(call, item, "completed")
                if then is not None:
                    then()

            item["timer"] = self._state.clock.at(self._state.clock() + secs, ended)

    def _end_media(self, call: Call, item: dict[str, Any], status: str) -> None:
        if item not in self._media(call):
            return
        self._media(call).remove(item)
        timer: Timer | None = item["timer"]
        if timer is not None:
            timer.cancel()
        self._state.legs_event(f"call.{item['kind']}.ended", call, status=status, **item["values"])

    def speak(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        self._play(call, "speak", {}, speech_secs(body["payload"], body.get("payload_type", "text")))
        return self._state.ok()

    def start_playback(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if body.get("audio_url") and body.get("media_name"):
            raise invalid_value("Give audio_url or media_name, not both.", pointer="/media_name")
        loop = body.get("loop", 1)
        values = {
            "media_url": body.get("audio_url"),
            "media_name": body.get("media_name"),
            "overlay": body.get("overlay"),
        }
        self._play(call, "playback", values, None if loop == "infinity" else int(loop) * AUDIO_FILE_SECS)
        return self._state.ok()

    def stop_playback(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        for item in [m for m in self._media(call) if m["kind"] == "playback"]:
            self._end_media(call, item, "cancelled")
        return self._state.ok()

    def cut_media(self, call: Call) -> None:
        """A hangup ends what plays (status call_hangup) and any gather in progress."""
        for item in list(self._media(call)):
            self._end_media(call, item, "call_hangup")
        self._finish_gather(call, "call_hangup", "")

    # ---- gather --------------------------------------------------------------------------------

    def _gather(self, call: Call, body: dict[str, Any], prompt: tuple[str, dict[str, Any], float] | None) -> None:
        if call.extras.get("gather") is not None:
            raise unprocessable("90034", "Gather in progress", "Stop the gather in progress first.")
        minimum, maximum = body.get("minimum_digits", 1), body.get("maximum_digits", 128)
        if minimum > maximum:
            raise invalid_value("minimum_digits is larger than maximum_digits.", pointer="/minimum_digits")
        call.extras["gather"] = gather = {"timer": None}

        def press() -> None:
            if call.extras.get("gather") is not gather:
                return
            terminator = body.get("terminating_digit", "#")
            taken = ""
            while call.digits and len(taken) < maximum:
                digit, call.digits = call.digits[0], call.digits[1:]
                if digit == terminator:
                    break
                taken += digit
            if not taken and not call.digits:
                wait = body.get("timeout_millis", DEFAULT_GATHER_TIMEOUT_MS) / 1000
                gather["timer"] = self._state.clock.at(
                    self._state.clock() + wait, lambda: self._finish_gather(call, "timeout", "")
                )
                return
            valid = body.get("valid_digits")
            ok = len(taken) >= minimum and (not valid or all(d in valid for d in taken))
            gather["timer"] = self._state.clock.at(
                self._state.clock() + DIGIT_SECS * max(1, len(taken)),
                lambda: self._finish_gather(call, "valid" if ok else "invalid", taken),
            )

        if prompt is None:
            press()
        else:
            self._play(call, prompt[0], prompt[1], prompt[2], then=press)

    def _finish_gather(self, call: Call, status: str, digits: str) -> None:
        gather = call.extras.pop("gather", None)
        if gather is None:
            return
        if gather["timer"] is not None:
            gather["timer"].cancel()
        self._state.legs_event("call.gather.ended", call, status=status, digits=digits)

    def gather(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        self._gather(self._leg(path, body), body, None)
        return self._state.ok()

    def gather_using_audio(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if body.get("audio_url") and body.get("media_name"):
            raise invalid_value("Give audio_url or media_name, not both.", pointer="/media_name")
        values = {"media_url": body.get("audio_url"), "media_name": body.get("media_name")}
        self._gather(call, body, ("playback", values, AUDIO_FILE_SECS))
        return self._state.ok()

    def gather_using_speak(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        self._gather(call, body, ("speak", {}, speech_secs(body["payload"], body.get("payload_type", "text"))))
        return self._state.ok()

    def gather_using_ai(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)  # the AI's answers are not simulated: it runs until stop_gather or hangup
        if call.extras.get("gather") is not None:
            raise unprocessable("90034", "Gather in progress", "Stop the gather in progress first.")
        call.extras["gather"] = {"timer": None}
        return self._state.ok()

    def stop_gather(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if call.extras.get("gather") is None:
            raise unprocessable("90034", "No gather in progress", "The call is not gathering digits.")
        for item in list(self._media(call)):
            self._end_media(call, item, "cancelled")
        self._finish_gather(call, "cancelled", "")
        return self._state.ok()

    def send_dtmf(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        """The digits reach the other leg of a bridge, which gets call.dtmf.received for each."""
        call = self._leg(path, body)
        digits = body["digits"]
        if not digits or any(ch not in DTMF_CHARS for ch in digits):
            raise unprocessable("90014", "Invalid digits", "digits may hold only 0-9, A-D, *, #, w and W.")
        peer = call.bridged_to
        if peer is not None:
            for digit in digits:
                if digit not in "wW":
                    self._state.legs_event("call.dtmf.received", peer, digit=digit)
        return self._state.ok()

    # ---- recording -----------------------------------------------------------------------------

    def _recording(self, call: Call, body: dict[str, Any]) -> Recording:
        recording: Recording | None = call.extras.get("recording")
        if recording is None:
            raise unprocessable(
                "90055", "Call is not being recorded", "There is no recording in progress on this call."
            )
        return recording

    def start_recording(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if call.extras.get("recording") is not None:
            raise unprocessable("90056", "Recording already in progress", "Stop the call's recording first.")
        recording = Recording(self._state.new_id(), body["format"], body["channels"], self._state.clock())
        call.extras["recording"] = recording
        self._state.recordings.append(recording)
        return {"data": {"result": "ok", "recording_id": recording.id}}

    def pause_recording(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        recording = self._recording(self._leg(path, body), body)
        if recording.state != "recording":
            raise unprocessable("90057", "Recording already paused", "The recording is paused already.")
        recording.state = "paused"
        return self._state.ok()

    def resume_recording(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        recording = self._recording(self._leg(path, body), body)
        if recording.state != "paused":
            raise unprocessable("90059", "Recording not paused", "Only a paused recording can be resumed.")
        recording.state = "recording"
        return self._state.ok()

    def stop_recording(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        self._recording(call, body)
        self.save_recording(call)
        return self._state.ok()

    def save_recording(self, call: Call) -> None:
        recording: Recording | None = call.extras.pop("recording", None)
        if recording is None:
            return
        recording.state, recording.ended_at = "saved", self._state.clock()
        urls = {recording.format: f"{RECORDING_BASE_URL}/{recording.id}.{recording.format}"}
        self._state.legs_event(
            "call.recording.saved",
            call,
            channels=recording.channels,
            recording_started_at=iso(recording.started_at, micro=True),
            recording_ended_at=iso(recording.ended_at, micro=True),
            recording_urls=urls,
            public_recording_urls=urls,
        )

    # ---- features that start and stop ------------------------------------------------------------

    def _feature(self, path: dict[str, str], body: dict[str, Any], name: str, *, start: bool) -> dict[str, Any]:
        call = self._leg(path, body)
        running: dict[str, dict[str, Any]] = call.extras.setdefault("features", {})
        started, stopped = FEATURES[name]
        if start:
            if name in running:
                raise unprocessable(
                    "90054", f"{name.replace('_', ' ').capitalize()} already in progress", "It can't be started twice."
                )
            running[name] = {"stream_url": body.get("stream_url"), "stream_type": body.get("stream_type", "decrypted")}
            if started:
                self._state.legs_event(started, call, **running[name])
        else:
            values = running.pop(name, None)
            if values is None:
                raise unprocessable(
                    "90031", f"No {name.replace('_', ' ')} in progress", "It isn't running on this call."
                )
            if stopped:
                self._state.legs_event(stopped, call, **values)
        return self._state.ok()

    def start_streaming(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "streaming", start=True)

    def stop_streaming(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "streaming", start=False)

    def start_forking(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "forking", start=True)

    def stop_forking(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "forking", start=False)

    def start_siprec(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "siprec", start=True)

    def stop_siprec(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "siprec", start=False)

    def start_transcription(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "transcription", start=True)

    def stop_transcription(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "transcription", start=False)

    def start_ai_assistant(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "ai_assistant", start=True)

    def stop_ai_assistant(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "ai_assistant", start=False)

    def start_noise_suppression(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "noise_suppression", start=True)

    def stop_noise_suppression(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "noise_suppression", start=False)

    def start_conversation_relay(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "conversation_relay", start=True)

    def stop_conversation_relay(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._feature(path, body, "conversation_relay", start=False)

    def add_ai_assistant_messages(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if "ai_assistant" not in call.extras.get("features", {}):
            raise unprocessable("90031", "No AI assistant in progress", "Start the AI assistant first.")
        return self._state.ok()

    def join_ai_assistant(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        self._leg(path, body)
        return self._state.ok()
