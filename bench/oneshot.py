"""Interleaved rounds of whole commands (fresh interpreters): wall seconds and peak RSS of each child."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .procs import timed_run
from .stats import rotations

Command = Callable[[], Sequence[str]]
"""Builds a command's argv for one run (so a run can get, say, a fresh output directory)."""


def command_rounds(
    commands: dict[str, Command], rounds: int, cwd: Path, warmup: int = 1
) -> dict[str, tuple[list[float], list[float]]]:
    """{name: (wall seconds per round, peak RSS MB per round)}; `warmup` unrecorded rounds first (bytecode).

    The RSS list stays empty for a command that does not report its peak (see `procs.PEAK_REPORT`).
    """
    names = list(commands)
    for _ in range(warmup):
        for name in names:
            timed_run(commands[name](), cwd)
    results: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in names}
    for order in rotations(names, rounds):
        for name in order:
            wall, rss = timed_run(commands[name](), cwd)
            results[name][0].append(wall)
            if rss is not None:
                results[name][1].append(rss / 2**20)
    return results
