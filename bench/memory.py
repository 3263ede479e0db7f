"""Section 5: iterate 100,000 conferences (400 pages of 250) through the paginator; RSS growth and time per item.

Each variant runs `bench.paging` in a fresh process (the official SDK's under the peer venv), in rotated order.
"""

from __future__ import annotations

import json
import subprocess

from .context import Context
from .procs import MAIN_PYTHON, PEER_PYTHON, ROOT, child_env, pin
from .report import Row
from .stats import paired_ratio, rotations, summary

ROUNDS = 6  # two rotations of the three variants: one run per variant swings by 20% on a shared host
TARGET_GROWTH_MB = 5.0
TARGET_TIME_RATIO = 1.30  # typed models (from_dict, datetimes parsed) at most 30% over decoding the JSON


def _paging(variant: str, base_url: str) -> dict[str, float]:
    python = PEER_PYTHON if variant == "official" else MAIN_PYTHON
    process = subprocess.Popen(
        [str(python), "-m", "bench.paging", variant, base_url],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    pin(process.pid, "client")
    stdout, stderr = process.communicate(timeout=300)
    if process.returncode != 0:
        raise RuntimeError(f"bench.paging {variant} failed:\n{stderr[-2000:]}")
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    if result["items"] != 100_000:
        raise RuntimeError(f"bench.paging {variant} saw {result['items']} items, expected 100000")
    return result


def run(ctx: Context) -> list[Row]:
    variants = ["floor", "ours"] + (["official"] if ctx.peer is not None else [])
    growth: dict[str, list[float]] = {variant: [] for variant in variants}
    per_item: dict[str, list[float]] = {variant: [] for variant in variants}
    peak_reset = True
    for order in rotations(variants, ctx.rounds(ROUNDS, least=1)):
        for variant in order:
            result = _paging(variant, ctx.server.base_url)
            growth[variant].append((result["peak"] - result["rss_before"]) / 2**20)
            per_item[variant].append(result["seconds"] / result["items"] * 1e6)
            peak_reset = peak_reset and bool(result["peak_reset"])
    official = "official" in growth
    growth_row = Row(
        name="paginate 100k conferences: peak RSS growth",
        unit="MB",
        ours=summary(growth["ours"]),
        floor=summary(growth["floor"]),
        floor_label="httpx+json",
        official=summary(growth["official"]) if official else None,
        official_note=ctx.peer_note,
        target=f"<= {TARGET_GROWTH_MB:g} MB (flat)",
        met=summary(growth["ours"])["median"] <= TARGET_GROWTH_MB,
    )
    if not peak_reset:
        growth_row.notes.append("peak from ru_maxrss (VmHWM reset refused): an upper bound")
    time_row = Row(
        name="paginate 100k conferences: time per item",
        unit="us/item",
        ours=summary(per_item["ours"]),
        floor=summary(per_item["floor"]),
        floor_label="httpx+json",
        official=summary(per_item["official"]) if official else None,
        official_note=ctx.peer_note,
        ratio=paired_ratio(per_item["ours"], per_item["floor"]),
        official_ratio=paired_ratio(per_item["official"], per_item["floor"]) if official else None,
        target=f"<= {TARGET_TIME_RATIO:.2f}x floor",
    )
    if time_row.ratio is not None:
        time_row.met = time_row.ratio["median"] <= TARGET_TIME_RATIO
    return [growth_row, time_row]
