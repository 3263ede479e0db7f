"""Section: 1,000 concurrent call legs in the in-process sandbox (issue 15, the sandbox benchmark row).

Each round runs `python -m bench.legs LEGS VARIANT` in a fresh interpreter, so its peak RSS (VmHWM) is its
own. The child builds a `SandboxApp` with a frozen clock and reaches it through `httpx.ASGITransport`
(no sockets). Variant `ours` uses `AsyncTelnyx` on that transport: it `asyncio.gather`s LEGS `calls.dial`,
advances the sandbox clock past the ring (every leg answers), bridges them in pairs, hangs up one leg of
each pair (the bridge hangs up the other), and waits until every webhook is signed and in the inbox; it
checks that every leg went initiated -> answered -> bridged -> hangup. The floor, `floor`, is the same
child doing as many bare `GET /sandbox/health` requests through a bare `httpx.AsyncClient` on the same
transport, in the same three bursts (LEGS, LEGS/2, LEGS/2): what the sandbox app and the client cost
before any call-leg work. Figures: wall time of the bursts (app built before the clock starts) and the
child's peak RSS.
"""

from __future__ import annotations

import asyncio
import collections
import json
import subprocess
import sys
import time
from typing import Any

LEGS = 1000
ROUNDS = 5
TIMEOUT = 300  # seconds for one child; it should need a few
DELIVERY_WAIT = 120.0  # seconds for the sandbox to sign and deliver every webhook to its inbox


def _peak_rss() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


async def _legs(app: Any, transport: Any, legs: int) -> dict[str, Any]:
    import httpx

    from telnyx_conferencing import AsyncTelnyx
    from telnyx_conferencing.sandbox._harness import SANDBOX_API_KEY

    async with (
        httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as http,
        AsyncTelnyx(api_key=SANDBOX_API_KEY, base_url="http://sandbox.test", http_client=http, max_retries=0) as client,
    ):
        # Numbers ending in 5550: none ends in 486, 480 or 603 (busy, no answer, declined), so every leg answers.
        dialed = await asyncio.gather(
            *(
                client.calls.dial(connection_id="bench", from_="+13125550100", to=f"+1312{i:04d}5550")
                for i in range(legs)
            )
        )
        ids = [leg.data.call_control_id or "" for leg in dialed]
        app.advance(app.state.ring_secs)  # every leg's ring ends: call.answered
        pairs = list(zip(ids[0::2], ids[1::2], strict=True))
        await asyncio.gather(*(client.calls.actions.bridge(a, call_control_id=b) for a, b in pairs))
        await asyncio.gather(*(client.calls.actions.hangup(a) for a, _ in pairs))
    if not app.wait_for_deliveries(DELIVERY_WAIT):
        raise RuntimeError("webhooks still pending")
    seen: dict[str, list[str]] = collections.defaultdict(list)
    for delivery in app.deliverer.log():
        seen[delivery.event["payload"]["call_control_id"]].append(delivery.event["event_type"])
    story = ["call.initiated", "call.answered", "call.bridged", "call.hangup"]
    wrong = [leg for leg in ids if seen.get(leg) != story]
    if wrong:
        raise RuntimeError(f"{len(wrong)} legs went otherwise, e.g. {wrong[0]}: {seen.get(wrong[0])}")
    return {"requests": legs + 2 * len(pairs), "webhooks": sum(len(events) for events in seen.values())}


async def _floor(transport: Any, legs: int) -> dict[str, Any]:
    import httpx

    from telnyx_conferencing.sandbox._harness import SANDBOX_API_KEY

    headers = {"Authorization": f"Bearer {SANDBOX_API_KEY}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test", headers=headers) as http:

        async def one() -> None:
            response = await http.get("/sandbox/health")
            response.raise_for_status()
            response.json()

        for burst in (legs, legs // 2, legs // 2):
            await asyncio.gather(*(one() for _ in range(burst)))
    return {"requests": legs + 2 * (legs // 2), "webhooks": 0}


def _child(legs: int, variant: str) -> dict[str, Any]:
    import httpx

    from telnyx_conferencing.sandbox import SandboxApp

    app = SandboxApp(seed=7, speed=0.0)  # webhooks go to its in-memory inbox, signed
    transport = httpx.ASGITransport(app=app)
    try:
        started = time.perf_counter()
        result = asyncio.run(_legs(app, transport, legs) if variant == "ours" else _floor(transport, legs))
        result["seconds"] = time.perf_counter() - started
    finally:
        app.close()
    result["peak_rss"] = _peak_rss()
    return result


def _round(python: str, variant: str) -> dict[str, Any]:
    from .procs import ROOT, child_env

    done = subprocess.run(
        [python, "-m", "bench.legs", str(LEGS), variant],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.legs {variant} exited with code {done.returncode}:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(ctx: Any) -> list[Any]:
    from .procs import MAIN_PYTHON
    from .report import Row
    from .stats import paired_ratio, rotations, summary

    rounds: dict[str, list[dict[str, Any]]] = {"ours": [], "floor": []}
    for order in rotations(list(rounds), ctx.rounds(ROUNDS, least=2)):
        for variant in order:
            rounds[variant].append(_round(str(MAIN_PYTHON), variant))
    ours, floor = rounds["ours"], rounds["floor"]
    note = (
        f"{ours[0]['requests']:,} API requests and {ours[0]['webhooks']:,} signed webhooks per round; "
        f"floor: {floor[0]['requests']:,} bare GET /sandbox/health"
    )
    rows = []
    for label, unit, key, scale in (("wall", "s", "seconds", 1.0), ("peak RSS", "MB", "peak_rss", 1 / 2**20)):
        mine = [r[key] * scale for r in ours]
        base = [r[key] * scale for r in floor]
        rows.append(
            Row(
                name=f"sandbox {label}: {LEGS:,} concurrent call legs dialed, answered, bridged, hung up",
                unit=unit,
                ours=summary(mine),
                floor=summary(base),
                floor_label="same count of bare GETs to the sandbox",
                official_note="no sandbox",
                ratio=paired_ratio(mine, base),
                target="(info: in-process sandbox, AsyncTelnyx over ASGI)",
                notes=[note],
            )
        )
    return rows


if __name__ == "__main__":
    count, which = int(sys.argv[1]), sys.argv[2]
    print(json.dumps(_child(count, which)))
