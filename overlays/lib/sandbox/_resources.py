"""Which object serves each resource of the route table, by the SDK's resource names.

`SandboxState` resolves a route's `facade` ("calls.actions.answer") to the method `answer` of the
object serving "calls.actions", so a new operation needs a method of the generator's name, not a
row in a table of operationIds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._call_media import CallActions
from ._legs import Calls
from ._queues import QueueCalls, Queues

if TYPE_CHECKING:
    from ._specs import RouteSpec
    from ._state import SandboxState

__all__ = ["resources"]

Args = tuple["RouteSpec", dict[str, str], dict[str, Any], dict[str, Any]]


class Conferences:
    """conferences.*: the SDK's names for `SandboxState`'s conference handlers."""

    def __init__(self, state: SandboxState) -> None:
        self.list = state.list_conferences
        self.create = state.create_conference
        self.retrieve = state.retrieve_conference
        self.list_participants = state.list_participants
        self.retrieve_participant = state.retrieve_participant
        self.update_participant = state.update_participant


class ConferenceActions:
    """conferences.actions.*: most handlers already carry the SDK's name."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self.end_conference = state.end_conference
        self.gather_dtmf_audio = state.gather_using_audio
        self.record_pause = state.record_pause
        self.record_resume = state.record_resume
        self.record_start = state.record_start
        self.record_stop = state.record_stop
        for name in (
            "hold",
            "unhold",
            "mute",
            "unmute",
            "join",
            "leave",
            "play",
            "stop",
            "speak",
            "send_dtmf",
            "update",
        ):
            setattr(self, name, getattr(state, name))


def resources(state: SandboxState) -> dict[str, Any]:
    return {
        "conferences": Conferences(state),
        "conferences.actions": ConferenceActions(state),
        "calls": Calls(state),
        "calls.actions": CallActions(state),
        "queues": Queues(state),
        "queues.calls": QueueCalls(state),
    }
