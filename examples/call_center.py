"""A small call center on the Telnyx conferencing API (sync).

An agent's call opens a desk (a conference); callers wait in a queue until the agent takes them;
a supervisor can coach the agent in whisper mode; callers can be muted, held and recorded. The
webhooks Telnyx sends back keep the center's view (who waits, who is in, which recordings exist)
up to date: `CallCenter.handle` dispatches the typed events with `match`.

    python examples/call_center.py     # runs a scripted day against the offline sandbox, in process

Today a "call" is a call-control id that already exists. With the Voice API, the same class grows
an `on_inbound` step: answer the `call.initiated` leg (`calls.actions.answer`), then `caller_arrives`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from telnyx_conferencing import Telnyx
from telnyx_conferencing.webhooks import (
    CallEnqueuedEvent,
    CallLeftQueueEvent,
    ConferenceCreatedEvent,
    ConferenceEndedEvent,
    ConferenceParticipantJoinedEvent,
    ConferenceParticipantLeftEvent,
    ConferenceRecordingSavedEvent,
    Event,
    UnknownEvent,
)

HOLD_MUSIC = "https://example.com/hold.mp3"


@dataclass
class Desk:
    """One agent's conference, as the webhooks describe it."""

    agent: str
    participants: set[str] = field(default_factory=set)
    recordings: list[str] = field(default_factory=list)
    ended: bool = False


@dataclass(kw_only=True)
class CallCenterState:
    """What the webhooks say: who waits, who is at which desk, the recordings. Shared by the async example."""

    desks: dict[str, Desk] = field(default_factory=dict)  # by conference id
    waiting: dict[str, int] = field(default_factory=dict)  # call control id -> queue position
    seen: set[str] = field(default_factory=set)  # webhook ids already handled (Telnyx may deliver twice)

    def next_caller(self) -> str | None:
        """The caller who waited longest, if any."""
        return min(self.waiting, key=self.waiting.__getitem__) if self.waiting else None

    def handle(self, event: Event) -> None:
        """Apply one verified webhook event; a repeated delivery is ignored."""
        if event.id in self.seen:
            return
        self.seen.add(event.id)
        match event:
            case CallEnqueuedEvent(payload=p) if p.call_control_id:
                self.waiting[p.call_control_id] = p.current_position or len(self.waiting) + 1
            case CallLeftQueueEvent(payload=p) if p.call_control_id:
                self.waiting.pop(p.call_control_id, None)
            case ConferenceCreatedEvent():
                pass  # open_desk already knows the conference
            case ConferenceParticipantJoinedEvent(payload=p) if p.conference_id in self.desks and p.call_control_id:
                self.desks[p.conference_id].participants.add(p.call_control_id)
            case ConferenceParticipantLeftEvent(payload=p) if p.conference_id in self.desks and p.call_control_id:
                self.desks[p.conference_id].participants.discard(p.call_control_id)
            case ConferenceRecordingSavedEvent(payload=p) if p.conference_id in self.desks:
                self.desks[p.conference_id].recordings += (p.recording_urls or {}).values()
            case ConferenceEndedEvent(payload=p) if p.conference_id in self.desks:
                self.desks[p.conference_id].ended = True
            case UnknownEvent():
                pass  # an event type newer than this SDK: log it, do not fail
            case _:
                pass  # playback, speak, floor changes: not used by this app


@dataclass(kw_only=True)
class CallCenter(CallCenterState):
    """Commands go out through the SDK; state comes back through `handle(event)`."""

    client: Telnyx
    queue_name: str = "support"

    # ---- commands -----------------------------------------------------------------------------------

    def open_desk(self, agent: str, name: str) -> str:
        """The agent's call creates a conference; returns its id."""
        conference = (self.client.conferences.create(call_control_id=agent, name=name, beep_enabled="on_enter")).data
        self.desks[conference.id] = Desk(agent=agent)
        return conference.id

    def caller_arrives(self, caller: str) -> None:
        """Park the caller in the queue (at most 10 minutes) until an agent is free."""
        self.client.calls.actions.enqueue(caller, queue_name=self.queue_name, max_wait_time_secs=600)

    def take_next(self, desk: str) -> str | None:
        """Join the caller who waited longest into the desk's conference (this takes them out of the queue)."""
        caller = self.next_caller()
        if caller is None:
            return None
        self.client.conferences.actions.join(desk, call_control_id=caller, beep_enabled="on_enter")
        return caller

    def coach(self, desk: str, supervisor: str) -> None:
        """A supervisor joins, heard only by the agent."""
        agent = self.desks[desk].agent
        self.client.conferences.actions.join(
            desk, call_control_id=supervisor, supervisor_role="whisper", whisper_call_control_ids=[agent]
        )

    def mute(self, desk: str, *calls: str) -> None:
        self.client.conferences.actions.mute(desk, call_control_ids=list(calls))

    def hold(self, desk: str, *calls: str) -> None:
        self.client.conferences.actions.hold(desk, call_control_ids=list(calls), audio_url=HOLD_MUSIC)

    def unhold(self, desk: str, *calls: str) -> None:
        self.client.conferences.actions.unhold(desk, call_control_ids=list(calls))

    def record(self, desk: str) -> None:
        self.client.conferences.actions.record_start(desk, format="mp3")

    def stop_recording(self, desk: str) -> None:
        self.client.conferences.actions.record_stop(desk)

    def close_desk(self, desk: str) -> None:
        self.client.conferences.actions.end_conference(desk)


def main() -> None:
    from telnyx_conferencing.sandbox import SandboxHarness
    from telnyx_conferencing.webhooks import unwrap

    with SandboxHarness() as sandbox:  # an offline Telnyx on a free loopback port
        center = CallCenter(client=sandbox.client)

        def deliver() -> None:  # what a webhook receiver does: verify, parse, handle
            sandbox.settle()
            for delivery in sandbox.events:
                center.handle(unwrap(delivery.body, delivery.headers, public_key=sandbox.public_key))

        desk = center.open_desk("v3:agent-alice", name="support-alice")
        for caller in ("v3:caller-bob", "v3:caller-carol"):
            center.caller_arrives(caller)
        deliver()
        print("waiting:", sorted(center.waiting))
        bob = center.take_next(desk)
        deliver()
        print("took", bob, "- still waiting:", sorted(center.waiting))
        center.coach(desk, "v3:supervisor-dan")
        center.record(desk)
        center.hold(desk, "v3:caller-bob")
        center.unhold(desk, "v3:caller-bob")
        center.stop_recording(desk)
        center.close_desk(desk)
        deliver()
        state = center.desks[desk]
        print("recordings:", state.recordings, "- ended:", state.ended)


if __name__ == "__main__":
    main()
