"""Call legs: dial, answer, reject, bridge, transfer, refer, hang up, and the leg's other settings.

A leg is parked (an inbound call nobody answered yet), ringing (dialed), answered, bridged, or hung
up. Dialed legs ring for `SandboxState.ring_secs` on the sandbox clock, then follow the rule of
their `to` number (the README's table): ending in 486 busy, 480 no answer until `timeout_secs`,
603 declined, anything else answers. Events follow Telnyx's order: call.initiated, call.answered,
call.bridged (each leg), ..., call.hangup, then call.recording.saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import invalid_value, unprocessable
from ._state import Call, iso

if TYPE_CHECKING:
    from ._specs import RouteSpec
    from ._state import SandboxState

__all__ = ["Calls", "LegActions", "leg_json", "DIAL_RULES"]

# The far end of a dialed number, by the end of `to`: (hangup_cause, seconds it takes, SIP code).
DIAL_RULES = {
    "486": ("user_busy", None, 486),
    "480": ("timeout", "timeout_secs", 480),
    "603": ("call_rejected", None, 603),
}
DEFAULT_TIMEOUT_SECS = 30


def leg_json(state: SandboxState, call: Call) -> dict[str, Any]:
    """A leg as dial and retrieve_status return it."""
    now = call.ended_at if call.ended_at is not None else state.clock()
    data: dict[str, Any] = {
        "record_type": "call",
        "call_control_id": call.call_control_id,
        "call_leg_id": call.call_leg_id,
        "call_session_id": call.call_session_id,
        "is_alive": call.live,
        "call_duration": int(now - (call.started_at if call.started_at is not None else now)),
    }
    if call.client_state is not None:
        data["client_state"] = call.client_state
    if call.started_at is not None:
        data["start_time"] = iso(call.started_at)
    if call.ended_at is not None:
        data["end_time"] = iso(call.ended_at)
    return data


class Calls:
    """calls.dial and calls.retrieve_status."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def dial(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        state = self._state
        call_control_id = f"v3:outbound-{state.new_id()}"
        call = Call(call_control_id, state.new_id(), state.new_id(), client_state=body.get("client_state"))
        call.direction, call.from_number, call.to_number = "outgoing", body["from"], body["to"]
        call.started_at, call.state = state.clock(), "ringing"
        call.park_after_unbridge = body.get("park_after_unbridge")
        state.calls[call_control_id] = call
        link = state.calls.get(body.get("link_to") or "") if body.get("bridge_on_answer") else None
        state.legs_event(
            "call.initiated", call, direction="outgoing", state="bridging", start_time=iso(call.started_at)
        )
        self.ring(call, timeout=body.get("timeout_secs", DEFAULT_TIMEOUT_SECS), bridge_to=link)
        return {"data": leg_json(state, call)}

    def ring(self, call: Call, *, timeout: int, bridge_to: Call | None = None, on_answer: Any = None) -> None:
        """Ring `call`, then answer it (or hang it up by the rule of its number) on the sandbox clock."""
        state = self._state
        rule = next((r for suffix, r in DIAL_RULES.items() if (call.to_number or "").endswith(suffix)), None)
        delay = float(timeout) if rule is not None and rule[1] == "timeout_secs" else state.ring_secs

        def far_end() -> None:
            call.timer = None
            if not call.live:
                return
            if rule is not None:
                state.actions.end_leg(call, cause=rule[0], source="callee", sip_code=rule[2])
                return
            call.state = "answered"
            state.legs_event("call.answered", call, state="answered", start_time=iso(state.clock()))
            if bridge_to is not None and bridge_to.live:
                state.actions.link(call, bridge_to)
            if on_answer is not None:
                on_answer(call)

        call.timer = state.clock.at(state.clock() + delay, far_end)

    def retrieve_status(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return {"data": leg_json(self._state, self._state.call(path["call_control_id"], pointer="", live=False))}


class LegActions:
    """The lifecycle actions of calls.actions; `CallActions` adds the media ones."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def _leg(self, path: dict[str, str], body: dict[str, Any], *, answered: bool = True) -> Call:
        """The leg a command targets (a 422 when it ended or, for most commands, is not answered yet)."""
        call = self._state.call(path["call_control_id"], pointer="", answered=answered)
        if "client_state" in body:  # a command's client_state comes back in the leg's later webhooks
            call.client_state = body["client_state"]
        return call

    def answer(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body, answered=False)
        if call.state != "parked":
            raise unprocessable("90034", "Call already answered", "Only a parked incoming call can be answered.")
        call.state = "answered"
        self._state.legs_event("call.answered", call, state="answered", start_time=iso(self._state.clock()))
        return self._state.ok()

    def reject(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body, answered=False)
        if call.state != "parked":
            raise unprocessable("90034", "Call already answered", "Only a parked incoming call can be rejected.")
        cause = "user_busy" if body["cause"] == "USER_BUSY" else "call_rejected"
        self.end_leg(call, cause=cause, source="callee")
        return self._state.ok()

    def hangup(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body, answered=False)
        self.end_leg(call, cause="normal_clearing", source="caller" if call.direction == "outgoing" else "callee")
        return self._state.ok()

    def end_leg(self, call: Call, *, cause: str, source: str, sip_code: int | None = None) -> None:
        """End a leg: its media and gather stop, it leaves conference and queue, call.hangup, recording saved."""
        state = self._state
        if call.timer is not None:
            call.timer.cancel()
            call.timer = None
        self.cut_media(call)  # type: ignore[attr-defined]  # from MediaActions
        state.detach(call)
        call.hung_up, call.state, call.ended_at = True, "hangup", state.clock()
        extra = {"sip_hangup_cause": str(sip_code)} if sip_code else {}
        state.legs_event(
            "call.hangup",
            call,
            hangup_cause=cause,
            hangup_source=source,
            state="hangup",
            **extra,
            start_time=iso(call.started_at) if call.started_at is not None else None,
        )
        self.save_recording(call)  # type: ignore[attr-defined]
        peer, call.bridged_to = call.bridged_to, None
        if peer is not None and peer.live:
            peer.bridged_to = None
            if peer.park_after_unbridge == "self":
                peer.state = "answered"
            else:  # Telnyx hangs up the other leg of a bridge unless it asked to be parked
                self.end_leg(peer, cause="normal_clearing", source=source)

    def link(self, call: Call, peer: Call) -> None:
        """Bridge two answered legs: each gets its own call.bridged (a queued one leaves its queue first)."""
        for leg in (call, peer):
            if leg.queue is not None:
                self._state._dequeue(leg, reason="bridged")
        call.bridged_to, peer.bridged_to = peer, call
        for leg in (call, peer):
            leg.state = "bridged"
            self._state.legs_event("call.bridged", leg)

    def bridge(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        if body.get("queue"):  # bridging with a queue takes its first caller
            queue = self._state.queues.get(body["queue"])
            if queue is None or not queue.calls:
                raise unprocessable("90039", "Queue empty", f"No call is waiting in the {body['queue']!r} queue.")
            peer = queue.calls[0]
        else:
            peer = self._state.call(body["call_control_id"], answered=True)
        if peer is call:
            raise invalid_value("A call can't be bridged with itself.", pointer="/call_control_id")
        if body.get("prevent_double_bridge") and (call.bridged_to or peer.bridged_to):
            raise unprocessable("90034", "Call already bridged", "One of the calls is bridged already.")
        call.park_after_unbridge = body.get("park_after_unbridge", call.park_after_unbridge)
        self.link(call, peer)
        return self._state.ok()

    def transfer(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        """A new outgoing leg to `to`; once it answers, it is bridged with this one (which leaves where it was)."""
        state = self._state
        call = self._leg(path, body)
        target = Call(f"v3:outbound-{state.new_id()}", state.new_id(), call.call_session_id)
        target.client_state = body.get("target_leg_client_state")
        target.direction, target.from_number, target.to_number = (
            "outgoing",
            body.get("from") or call.to_number,
            body["to"],
        )
        target.started_at, target.state = state.clock(), "ringing"
        state.calls[target.call_control_id] = target
        state.legs_event(
            "call.initiated", target, direction="outgoing", state="bridging", start_time=iso(state.clock())
        )

        def answered(leg: Call) -> None:
            if not call.live:
                return
            previous, call.bridged_to = call.bridged_to, None
            if previous is not None and previous.live:  # the old peer is unbridged from the transferred leg
                previous.bridged_to = None
                self.end_leg(previous, cause="normal_clearing", source="unknown")
            state.detach(call)
            self.link(call, leg)

        Calls(state).ring(target, timeout=body.get("timeout_secs", DEFAULT_TIMEOUT_SECS), on_answer=answered)
        return state.ok()

    def refer(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        state = self._state
        state.legs_event("call.refer.started", call, sip_notify_response=100)

        def completed() -> None:
            if call.live:
                state.legs_event("call.refer.completed", call, sip_notify_response=200)

        state.clock.at(state.clock() + 1.0, completed)
        return state.ok()

    def update_client_state(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        self._leg(path, body, answered=False)
        return self._state.ok()

    def send_sip_info(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        self._leg(path, body)
        return self._state.ok()

    def switch_supervisor_role(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        call = self._leg(path, body)
        for conference in self._state.conferences.values():
            participant = conference.participant_for(call.call_control_id) if conference.active else None
            if participant is not None:
                participant.supervisor_role = body["role"]
                self._state._apply_monitor_mute(participant)
                return self._state.ok()
        raise unprocessable("90034", "Call is not a supervisor", "The call is not a participant of any conference.")

    def enqueue(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        self._state.call(path["call_control_id"], pointer="", answered=True)
        result = self._state.enqueue(route, path, query, body)
        call = self._state.calls[path["call_control_id"]]
        call.keep_after_hangup = bool(body.get("keep_after_hangup"))
        return result

    def leave_queue(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return self._state.leave_queue(route, path, query, body)
