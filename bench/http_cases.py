"""Per-call workloads: bare httpx (floor), this SDK (ours), the official SDK, over loopback or in-process.

Each builder returns `run(n) -> seconds` timing n sequential calls on one warmed-up keep-alive client.
Only the library a variant needs is imported, so the module also loads in the peer venv.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

Runner = Callable[[int], float]
WARMUP = 50
ASYNC_MODES = frozenset({"async", "inprocess-async"})
IN_PROCESS_MODES = frozenset({"inprocess", "inprocess-async"})


def _sync_runner(call: Callable[[], Any]) -> Runner:
    for _ in range(WARMUP):
        call()

    def run(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            call()
        return time.perf_counter() - started

    return run


def _async_runner(loop: asyncio.AbstractEventLoop, call: Callable[[], Awaitable[Any]]) -> Runner:
    async def timed(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            await call()
        return time.perf_counter() - started

    loop.run_until_complete(timed(WARMUP))
    return lambda n: loop.run_until_complete(timed(n))


def _floor_calls(client: Any, is_async: bool, config: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    """The same requests as the SDKs send, with bare httpx: precomputed URL, then `.json()` (sync or async)."""
    base, conference_id = config["base_url"], config["conference_id"]
    retrieve_url = f"{base}/conferences/{quote(conference_id, safe='')}"
    join_url = f"{retrieve_url}/actions/join"
    call_control_id = config["call_control_id"]

    def join_body() -> dict[str, str]:
        # Ours adds a fresh command_id to every action (idempotent retries), so the floor sends one too.
        return {"call_control_id": call_control_id, "command_id": str(uuid.uuid4())}

    if is_async:

        async def retrieve_async() -> Any:
            return (await client.get(retrieve_url)).json()

        async def join_async() -> Any:
            return (await client.post(join_url, json=join_body())).json()

        return {"retrieve": retrieve_async, "join": join_async}
    return {
        "retrieve": lambda: client.get(retrieve_url).json(),
        "join": lambda: client.post(join_url, json=join_body()).json(),
    }


def _canned_http_client(config: dict[str, Any], is_async: bool) -> Any:
    """An httpx.Client (or AsyncClient) whose transport answers in-process with the spec's examples: no socket,
    no server."""
    import httpx

    bodies = {"GET": config["responses"]["retrieve"].encode(), "POST": config["responses"]["join"].encode()}
    headers = {"content-type": "application/json"}

    class CannedTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, headers=headers, content=bodies[request.method])

    class AsyncCannedTransport(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, headers=headers, content=bodies[request.method])

    if is_async:
        return httpx.AsyncClient(transport=AsyncCannedTransport())
    return httpx.Client(transport=CannedTransport())


def _make_client(variant: str, mode: str, config: dict[str, Any]) -> Any:
    """The client of `variant`; in the in-process modes every variant gets the same injected canned httpx client."""
    api_key, base, is_async = config["api_key"], config["base_url"], mode in ASYNC_MODES
    injected = {"http_client": _canned_http_client(config, is_async)} if mode in IN_PROCESS_MODES else {}
    if variant == "floor":
        headers = {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        if injected:
            client = injected["http_client"]
            client.headers.update(headers)
            return client
        import httpx

        return httpx.AsyncClient(headers=headers) if is_async else httpx.Client(headers=headers)
    if variant == "ours":
        import telnyx_conferencing

        cls = telnyx_conferencing.AsyncTelnyx if is_async else telnyx_conferencing.Telnyx
        return cls(api_key=api_key, base_url=base, **injected)
    if variant == "official":
        import telnyx

        official_cls = telnyx.AsyncTelnyx if is_async else telnyx.Telnyx
        return official_cls(api_key=api_key, base_url=base, **injected)
    raise ValueError(f"unknown variant {variant!r}")


def build(op: str, mode: str, variant: str, config: dict[str, Any]) -> Runner:
    """A runner for `op` (retrieve or join), `mode` and `variant` (floor, ours, official).

    `mode`: sync or async against the loopback server, or inprocess / inprocess-async (a canned transport: the
    CPU cost only).
    """
    is_async = mode in ASYNC_MODES
    loop = asyncio.new_event_loop() if is_async else None

    async def create() -> Any:
        return _make_client(variant, mode, config)

    client = loop.run_until_complete(create()) if loop else _make_client(variant, mode, config)
    conference_id, call_control_id = config["conference_id"], config["call_control_id"]
    if variant == "floor":
        call = _floor_calls(client, is_async, config)[op]
    elif op == "retrieve":
        call = lambda: client.conferences.retrieve(conference_id)  # noqa: E731
    else:
        call = lambda: client.conferences.actions.join(conference_id, call_control_id=call_control_id)  # noqa: E731
    return _async_runner(loop, call) if loop else _sync_runner(call)
