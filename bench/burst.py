"""Section: a burst of concurrent calls from a cold async client (issue 14, item 10).

Each round runs `python -m bench.burst BASE_URL CALLS VARIANT` in a fresh interpreter, so the client is cold:
it `asyncio.gather`s CALLS `conferences.retrieve` calls at once and prints how many succeeded. The figure is
the share that succeeded (target: all of them, with no faults); the wall time of the burst is a note. The
floor is a bare cold `httpx.AsyncClient` doing the same GETs, which is what fails without the SDK's queueing.
"""

from __future__ import annotations

import asyncio
import collections
import json
import statistics
import subprocess
import sys
import time
from typing import Any

CALLS = 1000
ROUNDS = 3
TIMEOUT = 300  # seconds for one child; it should need a few


async def _burst(base_url: str, calls: int, variant: str) -> dict[str, Any]:
    from .fixtures import API_KEY, CONFERENCE_ID

    failures: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    if variant == "floor":
        import httpx

        async with httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}) as http:

            async def one() -> Any:
                response = await http.get(f"/conferences/{CONFERENCE_ID}")
                response.raise_for_status()
                return response.json()

            results = await asyncio.gather(*(one() for _ in range(calls)), return_exceptions=True)
    else:
        if variant == "ours":
            from telnyx_conferencing import AsyncTelnyx
        else:
            from telnyx import AsyncTelnyx  # type: ignore[no-redef]
        async with AsyncTelnyx(api_key=API_KEY, base_url=base_url) as client:
            results = await asyncio.gather(
                *(client.conferences.retrieve(CONFERENCE_ID) for _ in range(calls)), return_exceptions=True
            )
    for result in results:
        if isinstance(result, BaseException):
            failures[type(result).__name__] += 1
    return {"ok": calls - sum(failures.values()), "failures": dict(failures), "seconds": time.perf_counter() - started}


def _round(python: str, base_url: str, variant: str) -> dict[str, Any]:
    from .procs import ROOT, child_env

    done = subprocess.run(
        [python, "-m", "bench.burst", base_url, str(CALLS), variant],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if done.returncode != 0:
        return {"ok": 0, "failures": {"crashed": CALLS}, "seconds": float("nan"), "stderr": done.stderr[-500:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(ctx: Any) -> list[Any]:
    from .procs import MAIN_PYTHON, PEER_PYTHON
    from .report import Row
    from .stats import summary

    pythons = {"ours": str(MAIN_PYTHON), "floor": str(MAIN_PYTHON)}
    if ctx.peer is not None:
        pythons["official"] = str(PEER_PYTHON)
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in pythons}
    for _ in range(ctx.rounds(ROUNDS, least=1)):
        for name, python in pythons.items():
            rounds[name].append(_round(python, ctx.server.base_url, name))

    def share(name: str) -> dict[str, Any] | None:
        if name not in rounds:
            return None
        return summary([100.0 * r["ok"] / CALLS for r in rounds[name]])

    ours = share("ours")
    notes = []
    for name, results in rounds.items():
        seconds = statistics.median(r["seconds"] for r in results)
        failures = collections.Counter[str]()
        for r in results:
            failures.update(r["failures"])
        notes.append(f"{name}: median {seconds:.2f} s per burst; failures over all rounds {dict(failures) or 'none'}")
    return [
        Row(
            name=f"cold AsyncTelnyx: {CALLS:,} concurrent conferences.retrieve, no faults",
            unit="% ok",
            ours=ours,
            floor=share("floor"),
            floor_label="bare cold httpx.AsyncClient",
            official=share("official"),
            official_note=ctx.peer_note,
            target="100% succeed",
            met=ours is not None and ours["min"] == 100.0,
            notes=notes,
        )
    ]


if __name__ == "__main__":
    url, count, which = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print(json.dumps(asyncio.run(_burst(url, count, which))))
