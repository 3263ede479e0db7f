"""Run floor/ours/official cases in interleaved rounds across workers, and turn the series into a table row."""

from __future__ import annotations

from typing import Any

from .context import Context
from .report import Row
from .stats import paired_ratio, rotations, summary

VARIANTS = ("floor", "ours", "official")


def per_call_rounds(
    ctx: Context, kind: str, name: str, args: dict[str, dict[str, Any]], rounds: int, n: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Set each variant up in its worker, then time n calls per variant per round, rotating the order.

    Returns ({variant: per-round µs per call}, {variant: why it did not run}).
    """
    ready: list[str] = []
    failed: dict[str, str] = {}
    for variant in VARIANTS:
        worker = ctx.worker(variant)
        if worker is None:
            failed[variant] = ctx.peer_note or "not installed"
            continue
        if variant not in args:
            continue
        reply = worker.request(op="setup", case=f"{name}.{variant}", kind=kind, args=args[variant])
        if "error" in reply:
            failed[variant] = reply["error"]
        else:
            ready.append(variant)
    series: dict[str, list[float]] = {variant: [] for variant in ready}
    for order in rotations(ready, rounds):
        for variant in order:
            worker = ctx.worker(variant)
            assert worker is not None
            reply = worker.request(op="run", case=f"{name}.{variant}", n=n)
            if "error" in reply:
                raise RuntimeError(f"{name}.{variant}: {reply['error']}")
            series[variant].append(reply["seconds"] / n * 1e6)
    return series, failed


def row(
    name: str,
    unit: str,
    series: dict[str, list[float]],
    failed: dict[str, str],
    floor_label: str,
    target_ratio: float,
) -> Row:
    """A row whose target is `ours/floor <= target_ratio` (judged on the median of per-round ratios)."""
    ours, floor, official = series.get("ours"), series.get("floor"), series.get("official")
    result = Row(
        name=name,
        unit=unit,
        ours=summary(ours) if ours else None,
        floor=summary(floor) if floor else None,
        floor_label=floor_label,
        official=summary(official) if official else None,
        official_note=failed.get("official"),
        ratio=paired_ratio(ours, floor) if ours and floor else None,
        official_ratio=paired_ratio(official, floor) if official and floor else None,
        target=f"<= {target_ratio:.2f}x floor",
    )
    if result.ratio is not None:
        result.met = result.ratio["median"] <= target_ratio
    for variant in ("floor", "ours"):
        if variant in failed:
            result.notes.append(f"{variant} failed: {failed[variant]}")
    return result
