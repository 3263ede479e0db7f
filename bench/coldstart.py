"""Section 2: cold start in a fresh interpreter (import, build a client, reach a resource) and `telnyx-conf --help`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .context import Context
from .oneshot import Command, command_rounds
from .procs import MAIN_PYTHON, PEAK_REPORT, PEER_PYTHON, ROOT
from .report import Row
from .stats import paired_ratio, summary

ROUNDS = 10
RESOURCES = ("conferences.actions", "calls.actions")
CLI = ROOT / ".venv" / "bin" / "telnyx-conf"
TARGET_RATIO = 3.0
"""Wall time of a cold start, against `python -c pass` in the same rounds: an application pays the interpreter's
own start once, and the SDK may add at most twice as much again before its first call."""
TARGET_MB = 25.0
TARGET_CLI_SECONDS = 0.3


def _snippet(package: str, resource: str) -> str:
    return f'import {package}; c = {package}.Telnyx(api_key="x"); c.{resource}'


def _fixed(*argv: str | Path) -> Command:
    return lambda: [str(part) for part in argv]


def run(ctx: Context) -> list[Row]:
    commands = {"baseline": _fixed(MAIN_PYTHON, "-c", "pass" + PEAK_REPORT), "cli": _fixed(CLI, "--help")}
    for resource in RESOURCES:
        commands[f"ours {resource}"] = _fixed(
            MAIN_PYTHON, "-c", _snippet("telnyx_conferencing", resource) + PEAK_REPORT
        )
        if ctx.peer is not None:
            commands[f"official {resource}"] = _fixed(PEER_PYTHON, "-c", _snippet("telnyx", resource) + PEAK_REPORT)
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as cwd:  # nothing importable beside the children
        results = command_rounds(commands, ctx.rounds(ROUNDS), Path(cwd))
    rows = [_row(results, resource, index, ctx.peer_note) for resource in RESOURCES for index in (0, 1)]
    cli, base = results["cli"][0], results["baseline"][0]
    rows.append(
        Row(
            name="cold start wall: telnyx-conf --help",
            unit="s",
            ours=summary(cli),
            floor=summary(base),
            floor_label="python -c pass",
            official_note="no CLI",
            ratio=paired_ratio(cli, base),
            target=f"<= {TARGET_CLI_SECONDS:g} s",
            met=summary(cli)["median"] <= TARGET_CLI_SECONDS,
        )
    )
    return rows


def _row(results: dict[str, tuple[list[float], list[float]]], resource: str, index: int, peer_note: str | None) -> Row:
    """Wall time (index 0, judged as a ratio to `python -c pass`) or peak RSS (index 1, judged in MB)."""
    ours, base = results[f"ours {resource}"][index], results["baseline"][index]
    official = results[f"official {resource}"][index] if f"official {resource}" in results else None
    ratio = paired_ratio(ours, base)
    if index == 0:
        label, unit, target, met = (
            "wall",
            "s",
            f"<= {TARGET_RATIO:.2f}x python -c pass",
            ratio["median"] <= TARGET_RATIO,
        )
    else:
        label, unit, target, met = "peak RSS", "MB", f"<= {TARGET_MB:g} MB", summary(ours)["median"] <= TARGET_MB
    return Row(
        name=f"cold start {label}: import + Telnyx() + .{resource}",
        unit=unit,
        ours=summary(ours),
        floor=summary(base),
        floor_label="python -c pass",
        official=summary(official) if official else None,
        official_note=peer_note,
        ratio=ratio,
        official_ratio=paired_ratio(official, base) if official else None,
        target=target,
        met=met,
    )
