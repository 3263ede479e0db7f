"""Section 1: per-call overhead of retrieve and join, sync and async, against the loopback server.

Rounds are short (tens of calls) and many, and variants alternate inside each round, so that bursts of noise
from a shared host hit every variant alike; the ratio is the median of the per-round ratios. Four more rows
time the same calls, sync and async, through an in-process canned transport (no socket): the SDK's own CPU cost
per call, which the loopback rows mostly hide behind the socket's.
"""

from __future__ import annotations

import json

from .context import Context
from .fixtures import API_KEY, CALL_CONTROL_ID, CONFERENCE_ID
from .interleave import VARIANTS, per_call_rounds, row
from .report import Row

ROUNDS = {"sync": 100, "async": 100, "inprocess": 60, "inprocess-async": 60}
CALLS_PER_ROUND = {"sync": 25, "async": 20, "inprocess": 100, "inprocess-async": 100}
TARGET = 1.10
IN_PROCESS_TARGET = 1.15
"""Without a socket to hide behind, the SDK's work (checks, body, headers, retry bookkeeping, parsing into a
model) shows in full: it may add at most 15% to bare httpx + `.json()`."""


def run(ctx: Context) -> list[Row]:
    examples = json.loads(ctx.fixtures.read_text())
    config = {
        "base_url": ctx.server.base_url,
        "api_key": API_KEY,
        "conference_id": CONFERENCE_ID,
        "call_control_id": CALL_CONTROL_ID,
        "responses": {"retrieve": json.dumps(examples["retrieve"]), "join": json.dumps(examples["join"])},
    }
    rows = []
    for mode in ("sync", "async", "inprocess", "inprocess-async"):
        for op in ("retrieve", "join"):
            args = {variant: {"op": op, "mode": mode, "variant": variant, "config": config} for variant in VARIANTS}
            series, failed = per_call_rounds(
                ctx, "http", f"http.{mode}.{op}", args, ctx.rounds(ROUNDS[mode]), ctx.iterations(CALLS_PER_ROUND[mode])
            )
            call = "conferences.retrieve(id)" if op == "retrieve" else "conferences.actions.join(id, ...)"
            if mode.startswith("inprocess"):
                flavour = "async" if mode.endswith("async") else "sync"
                name = f"{flavour} {call}, in-process transport"
                result = row(name, "us/call", series, failed, "httpx+json", IN_PROCESS_TARGET)
                if result.ours and result.floor:
                    result.notes.append(f"SDK overhead: {result.ours['min'] - result.floor['min']:.1f} us/call (mins)")
            else:
                result = row(f"{mode} {call}", "us/call", series, failed, "httpx+json", TARGET)
            rows.append(result)
    return rows
