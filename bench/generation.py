"""Section 4: `python -m generator` on spec/ and on the upstream spec, versus loading the same YAML alone."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .context import Context
from .oneshot import Command, command_rounds
from .procs import MAIN_PYTHON, ROOT
from .report import Row
from .stats import paired_ratio, summary

ROUNDS = 3
UPSTREAM = ROOT / os.environ.get("UPSTREAM", "../shared/telnyx-openapi/spec3.yml")  # as `make`: repo-relative
TARGET_UPSTREAM_SECONDS = 15.0
LOAD_YAML = "import sys, yaml\nfor p in sys.argv[1:]:\n    yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)"


def _generate(spec: Path, scratch: Path) -> Command:
    """Each run writes into a new directory (the previous run's output is removed first)."""
    out = scratch / "out"

    def argv() -> list[str]:
        shutil.rmtree(out, ignore_errors=True)
        return [str(MAIN_PYTHON), "-m", "generator", "--spec", str(spec), "--out", str(out)]

    return argv


def _load(files: list[Path]) -> Command:
    return lambda: [str(MAIN_PYTHON), "-c", LOAD_YAML, *map(str, files)]


def _row(name: str, generate: list[float], load: list[float], target: float | None) -> Row:
    return Row(
        name=name,
        unit="s",
        ours=summary(generate),
        floor=summary(load),
        floor_label="yaml load",
        official_note="not a generator",
        ratio=paired_ratio(generate, load),
        target=f"<= {target:g} s" if target else "",
        met=summary(generate)["median"] <= target if target else None,
    )


def run(ctx: Context) -> list[Row]:
    rows = []
    local_files = sorted((ROOT / "spec").rglob("*.yaml"))
    specs = [("spec/", ROOT / "spec" / "openapi.yaml", local_files, None)]
    if UPSTREAM.exists():
        specs.append(("upstream spec3.yml", UPSTREAM, [UPSTREAM], TARGET_UPSTREAM_SECONDS))
    with tempfile.TemporaryDirectory(prefix="bench-gen-") as scratch:
        for label, spec, files, target in specs:
            commands = {"generate": _generate(spec, Path(scratch)), "load": _load(files)}
            results = command_rounds(commands, ctx.rounds(ROUNDS, least=2), ROOT, warmup=0)
            generate, load = results["generate"][0], results["load"][0]
            rows.append(_row(f"generate SDK from {label}", generate, load, target))
    if not UPSTREAM.exists():
        rows.append(
            Row(
                name="generate SDK from upstream spec3.yml",
                unit="s",
                ours=None,
                floor=None,
                floor_label=f"skipped: {UPSTREAM} absent",
            )
        )
    return rows
