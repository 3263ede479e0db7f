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
OURS = 'import telnyx_conferencing; c = telnyx_conferencing.Telnyx(api_key="x"); c.conferences.actions'
OFFICIAL = 'import telnyx; c = telnyx.Telnyx(api_key="x"); c.conferences.actions'
CLI = ROOT / ".venv" / "bin" / "telnyx-conf"
TARGET_SECONDS = 0.15
TARGET_MB = 35.0
TARGET_CLI_SECONDS = 0.3


def _fixed(*argv: str | Path) -> Command:
    return lambda: [str(part) for part in argv]


def run(ctx: Context) -> list[Row]:
    commands = {
        "baseline": _fixed(MAIN_PYTHON, "-c", "pass" + PEAK_REPORT),
        "ours": _fixed(MAIN_PYTHON, "-c", OURS + PEAK_REPORT),
        "cli": _fixed(CLI, "--help"),
    }
    if ctx.peer is not None:
        commands["official"] = _fixed(PEER_PYTHON, "-c", OFFICIAL + PEAK_REPORT)
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as cwd:  # nothing importable beside the children
        results = command_rounds(commands, ctx.rounds(ROUNDS), Path(cwd))
    note = ctx.peer_note
    rows = []
    for index, (label, unit, target) in enumerate((("wall", "s", TARGET_SECONDS), ("peak RSS", "MB", TARGET_MB))):
        ours, base = results["ours"][index], results["baseline"][index]
        official = results["official"][index] if "official" in results else None
        rows.append(
            Row(
                name=f"cold start {label}: import + Telnyx() + .conferences.actions",
                unit=unit,
                ours=summary(ours),
                floor=summary(base),
                floor_label="python -c pass",
                official=summary(official) if official else None,
                official_note=note,
                ratio=paired_ratio(ours, base),
                official_ratio=paired_ratio(official, base) if official else None,
                target=f"<= {target:g} {unit}",
                met=summary(ours)["median"] <= target,
            )
        )
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
