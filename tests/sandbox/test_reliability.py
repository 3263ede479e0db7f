"""500 actions through the SDK against 30% injected faults: every action succeeds, none is applied twice.

Half go through the sync client over a real socket (uvicorn on a thread: true connection resets and
timeouts), half through the async client in process (ASGITransport). The same run without
`command_id` shows the double applications that the SDK's automatic `command_id` prevents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from telnyx_conferencing import AsyncTelnyx, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp, SandboxHarness

ACTIONS = 250  # per client flavour
FAULTS: dict[str, Any] = {"fault_rate": 0.3, "fault_delay": 0.35, "fault_after_share": 0.5}
CONFERENCE = "<conference>"


def script(count: int) -> Iterator[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """A call-center loop in which every action is valid if (and only if) each earlier one applied once."""
    yield "conferences.create", (), {"call_control_id": "v3:agent", "name": "reliability"}
    produced, cycle = 1, 0
    while True:
        caller, waiting = f"v3:caller-{cycle}", f"v3:waiting-{cycle}"
        steps: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
            ("calls.actions.enqueue", (caller,), {"queue_name": "support"}),
            ("conferences.actions.join", (CONFERENCE,), {"call_control_id": caller}),
            ("conferences.actions.speak", (CONFERENCE,), {"payload": f"Welcome {cycle}", "voice": "female"}),
            (
                "conferences.actions.update",
                (CONFERENCE,),
                {"call_control_id": "v3:agent", "supervisor_role": "barge" if cycle % 2 else "none"},
            ),
            ("conferences.actions.record_start", (CONFERENCE,), {"format": "mp3"}),
            ("conferences.actions.record_pause", (CONFERENCE,), {}),
            ("conferences.actions.record_resume", (CONFERENCE,), {}),
            ("conferences.actions.record_stop", (CONFERENCE,), {}),
            ("conferences.actions.leave", (CONFERENCE,), {"call_control_id": caller}),
            ("calls.actions.enqueue", (waiting,), {"queue_name": "overflow"}),
            ("calls.actions.leave_queue", (waiting,), {}),
        ]
        for step in steps:
            if produced == count:
                return
            produced += 1
            yield step
        cycle += 1


def _method(client: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        client = getattr(client, part)
    return client


def run_sync(client: Any, count: int = ACTIONS) -> int:
    """Run the script; returns how many actions the API refused (422)."""
    conference, refused = "", 0
    for name, args, kwargs in script(count):
        args = tuple(conference if arg == CONFERENCE else arg for arg in args)
        try:
            result = _method(client, name)(*args, **kwargs)
        except UnprocessableEntityError:
            refused += 1
            continue
        if name == "conferences.create":
            conference = result.data.id
    return refused


async def run_async(client: Any, count: int = ACTIONS) -> int:
    conference, refused = "", 0
    for name, args, kwargs in script(count):
        args = tuple(conference if arg == CONFERENCE else arg for arg in args)
        try:
            result = await _method(client, name)(*args, **kwargs)
        except UnprocessableEntityError:
            refused += 1
            continue
        if name == "conferences.create":
            conference = result.data.id
    return refused


def _sync_stats(auto_command_id: bool) -> tuple[int, dict[str, Any]]:
    with SandboxHarness(seed=2024, max_retries=6, timeout=0.2, **FAULTS) as sandbox:
        client = sandbox.sync_client(auto_command_id=auto_command_id)
        refused = run_sync(client)
        sandbox.settle()
        return refused, sandbox.stats()


async def _async_stats(auto_command_id: bool) -> tuple[int, dict[str, Any]]:
    app = SandboxApp(seed=4242, **FAULTS)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    client = AsyncTelnyx(
        api_key="k", base_url="http://sandbox.test/v2", http_client=http, max_retries=6, auto_command_id=auto_command_id
    )

    async def no_sleep(seconds: float) -> None:
        return None

    client._sleep = no_sleep
    refused = await run_async(client)
    await http.aclose()
    app.close()
    return refused, app.stats_snapshot()


def _check_exactly_once(refused: int, stats: dict[str, Any]) -> None:
    assert refused == 0
    totals = stats["totals"]
    assert totals["applied"] == ACTIONS, stats["operations"]
    assert stats["duplicates_applied"] == 0 and stats["commands_applied_twice"] == 0
    assert all(entry["applied"] == 1 for entry in stats["commands"].values())
    assert len(stats["commands"]) == ACTIONS
    assert 0.15 * totals["requests"] <= totals["faults"] <= 0.45 * totals["requests"]  # ~30%, plus stray timeouts
    kinds = stats["faults"]
    assert {"500_after", "reset_after", "500_before", "503_before", "429_before", "reset_before"} <= set(kinds)
    assert totals["deduplicated"] > 0  # retries of commands that had applied were acknowledged, not re-applied


def test_sync_client_over_a_socket_applies_every_action_exactly_once() -> None:
    refused, stats = _sync_stats(auto_command_id=True)
    _check_exactly_once(refused, stats)
    assert any(kind.startswith("delay") for kind in stats["faults"])


async def test_async_client_in_process_applies_every_action_exactly_once() -> None:
    refused, stats = await _async_stats(auto_command_id=True)
    _check_exactly_once(refused, stats)


def test_without_command_id_the_same_run_applies_commands_twice() -> None:
    _, stats = _sync_stats(auto_command_id=False)
    assert stats["duplicates_applied"] > 0
    assert stats["totals"]["deduplicated"] == 0


async def test_without_command_id_in_process_too() -> None:
    _, stats = await _async_stats(auto_command_id=False)
    assert stats["duplicates_applied"] > 0
    assert stats["totals"]["applied"] > ACTIONS - 20
