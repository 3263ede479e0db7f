"""Queues and the calls waiting in them: create, retrieve, update, delete, list; and per call
list, retrieve, update (keep_after_hangup) and remove. Positions and waits are live: a caller's
position is its place in line now, its wait the sandbox time since it was enqueued.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ._errors import missing_parameter, not_found, unprocessable
from ._state import DEFAULT_PAGE_SIZE, DEFAULT_QUEUE_SIZE, Call, Queue, iso

if TYPE_CHECKING:
    from ._specs import RouteSpec
    from ._state import SandboxState

__all__ = ["QueueCalls", "Queues", "queue_resource_json"]


def queue_resource_json(state: SandboxState, queue: Queue) -> dict[str, Any]:
    return {
        "record_type": "queue",
        "id": queue.id,
        "name": queue.name,
        "current_size": len(queue.calls),
        "max_size": queue.max_size,
        "average_wait_time_secs": queue.average_wait(),
        "created_at": iso(queue.created_at),
        "updated_at": iso(queue.updated_at),
    }


def _page(items: list[dict[str, Any]], query: dict[str, Any]) -> dict[str, Any]:
    """Pages of `page[number]`/`page[size]`, sent flat (ListQueues) or as a deepObject."""
    group = query.get("page") or {}
    size = int(query.get("page[size]") or group.get("size") or DEFAULT_PAGE_SIZE)
    number = int(query.get("page[number]") or group.get("number") or 1)
    start = (number - 1) * size
    meta = {
        "page_number": number,
        "page_size": size,
        "total_pages": math.ceil(len(items) / size),
        "total_results": len(items),
    }
    return {"data": items[start : start + size], "meta": meta}


class Queues:
    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def get(self, name: str) -> Queue:
        queue = self._state.queues.get(name)
        if queue is None:
            raise not_found("Queue", name, code="10007")
        return queue

    def create(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        name = body["queue_name"]
        if not name.strip():
            raise missing_parameter("queue_name")
        if name in self._state.queues:
            raise unprocessable("90051", "Queue already exists", f"A queue named {name!r} exists already.")
        queue = self._state.queues[name] = Queue(name, body.get("max_size", DEFAULT_QUEUE_SIZE))
        stamp(self._state, queue)
        return {"data": queue_resource_json(self._state, queue)}

    def retrieve(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return {"data": queue_resource_json(self._state, self.get(path["queue_name"]))}

    def update(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        queue = self.get(path["queue_name"])
        if body["max_size"] < len(queue.calls):
            raise unprocessable("90036", "Queue too small", "max_size is below the number of calls waiting.")
        queue.max_size, queue.updated_at = body["max_size"], self._state.clock()
        return {"data": queue_resource_json(self._state, queue)}

    def delete(self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]) -> None:
        queue = self.get(path["queue_name"])
        if queue.calls:
            raise unprocessable("90050", "Unable to delete queue", "Only empty queues can be deleted.")
        del self._state.queues[queue.name]

    def list(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        queues = sorted(self._state.queues.values(), key=lambda q: q.created_at)
        return _page([queue_resource_json(self._state, q) for q in queues], query)


def stamp(state: SandboxState, queue: Queue) -> None:
    """Give a queue (new, or made by enqueue) its id and timestamps."""
    if not queue.id:
        queue.id, queue.created_at = state.new_id(), state.clock()
    queue.updated_at = state.clock()


class QueueCalls:
    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def _json(self, queue: Queue, call: Call) -> dict[str, Any]:
        return {
            "record_type": "queue_call",
            "call_control_id": call.call_control_id,
            "call_leg_id": call.call_leg_id,
            "call_session_id": call.call_session_id,
            "connection_id": self._state.connection_id,
            "from": call.from_number or "",
            "to": call.to_number or "",
            "is_alive": call.live,
            "enqueued_at": iso(call.enqueued_at),
            "wait_time_secs": int(self._state.clock() - call.enqueued_at),
            "queue_position": queue.calls.index(call) + 1,
            "queue_id": queue.id,
        }

    def _find(self, path: dict[str, str]) -> tuple[Queue, Call]:
        queue = Queues(self._state).get(path["queue_name"])
        call = next((c for c in queue.calls if c.call_control_id == path["call_control_id"]), None)
        if call is None:
            raise not_found("Call", path["call_control_id"], code="10007")
        return queue, call

    def list(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        queue = Queues(self._state).get(path["queue_name"])
        return _page([self._json(queue, call) for call in queue.calls], query)

    def retrieve(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        return {"data": self._json(*self._find(path))}

    def update(self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]) -> None:
        _, call = self._find(path)
        call.keep_after_hangup = bool(body.get("keep_after_hangup"))

    def remove(self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any]) -> None:
        _, call = self._find(path)
        self._state._dequeue(call, reason="leave")
