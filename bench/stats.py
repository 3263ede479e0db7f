"""Summaries of repeated measurements: min and median over rounds, and paired ratios between series."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any


def summary(values: Sequence[float]) -> dict[str, Any]:
    """`{"min", "median", "rounds"}` of per-round figures (each already a mean over that round's iterations)."""
    if not values:
        raise ValueError("no rounds measured")
    return {"min": min(values), "median": statistics.median(values), "rounds": list(values)}


def paired_ratio(numerator: Sequence[float], denominator: Sequence[float]) -> dict[str, float]:
    """Ratios of two series measured in the same interleaved rounds.

    `median` is the median of the per-round ratios (round r of one over round r of the other), which cancels
    drift of the machine between rounds; `of_mins` is min over min, the least noisy single figure.
    """
    pairs = [a / b for a, b in zip(numerator, denominator, strict=True) if b > 0]
    return {"median": statistics.median(pairs), "of_mins": min(numerator) / min(denominator)}


def rotations(names: Sequence[str], rounds: int) -> list[list[str]]:
    """The order of the variants in each round, rotated every round so none always runs first or last."""
    count = len(names)
    return [[names[(start + i) % count] for i in range(count)] for start in (r % count for r in range(rounds))]
