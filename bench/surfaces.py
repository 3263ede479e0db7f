"""Section: cost per surface. Generating conferencing, voice and the whole API (`all`), and what each
generated package costs a user: cold import + `Telnyx()` + first resource, and `telnyx-conf --help`.

Targets (issue "The build step generalizes"): `all` generates in <= 30 s and <= 400 MB peak; on every
surface the cold start is within 10% of the conferencing figure and <= 25 MB, and `--help` <= 0.3 s.
Floors are measured in the same run: `python -c pass` for the children, loading the YAML for generation.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .coldstart import _fixed
from .context import Context
from .generation import UPSTREAM
from .oneshot import Command, command_rounds
from .procs import MAIN_PYTHON, PEAK_REPORT, ROOT
from .report import Row
from .stats import paired_ratio, summary

GENERATE_ROUNDS = 2
CHILD_ROUNDS = 8
TARGET_ALL_SECONDS = 30.0
TARGET_ALL_MB = 400.0
TARGET_COLD_MB = 25.0
TARGET_COLD_RATIO = 1.10  # against the conferencing surface's cold start
TARGET_HELP_SECONDS = 0.3
# The generator reports its own peak, like the children (see procs.PEAK_REPORT).
GENERATE = "import runpy, sys\nsys.argv = ['generator', *sys.argv[1:]]\ntry:\n    runpy.run_module('generator', run_name='__main__')\nexcept SystemExit:\n    pass"


def _generate(spec: Path, surface: str, out: Path) -> Command:
    def argv() -> list[str]:
        shutil.rmtree(out, ignore_errors=True)
        code = GENERATE + PEAK_REPORT
        return [str(MAIN_PYTHON), "-c", code, "--spec", str(spec), "--surface", surface, "--out", str(out)]

    return argv


def _child(out: Path, code: str) -> Command:
    prelude = f"import sys; sys.path.insert(0, {str(out)!r})\n"
    return lambda: [str(MAIN_PYTHON), "-c", prelude + code + PEAK_REPORT]


COLD = 'import telnyx_conferencing as t\nc = t.Telnyx(api_key="x")\nc.conferences.actions'
COLD_CALLS = 'import telnyx_conferencing as t\nc = t.Telnyx(api_key="x")\nc.calls.actions'  # voice and all only
HELP = (
    "import sys\nfrom telnyx_conferencing.cli import main\nsys.argv = ['telnyx-conf', '--help']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass"
)


def _row(name: str, unit: str, ours: list[float], floor: list[float], label: str, target: str, met: bool) -> Row:
    return Row(
        name=name,
        unit=unit,
        ours=summary(ours),
        floor=summary(floor),
        floor_label=label,
        official_note="no official equivalent",
        ratio=paired_ratio(ours, floor),
        target=target,
        met=met,
    )


def run(ctx: Context) -> list[Row]:
    surfaces = [("conferencing", ROOT / "spec" / "openapi.yaml"), ("voice", ROOT / "spec" / "openapi.yaml")]
    if UPSTREAM.exists():
        surfaces.append(("all", UPSTREAM))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-surfaces-") as scratch:
        outs = {surface: Path(scratch) / surface for surface, _ in surfaces}
        for surface, spec in surfaces:
            load = f"import yaml\nyaml.load(open({str(spec)!r}, 'rb'), Loader=yaml.CSafeLoader)"
            generated = command_rounds(
                {
                    "generate": _generate(spec, surface, outs[surface]),
                    "load": _fixed(str(MAIN_PYTHON), "-c", load + PEAK_REPORT),
                },
                ctx.rounds(GENERATE_ROUNDS, least=1),
                ROOT,
                warmup=0,
            )
            (seconds, peak), (load_s, load_mb) = generated["generate"], generated["load"]
            target_s, target_mb = (
                (f"<= {TARGET_ALL_SECONDS:g} s", f"<= {TARGET_ALL_MB:g} MB") if surface == "all" else ("", "")
            )
            rows.append(_row(f"surface {surface}: generate wall", "s", seconds, load_s, "yaml load", target_s,
                             summary(seconds)["median"] <= TARGET_ALL_SECONDS))  # fmt: skip
            rows.append(_row(f"surface {surface}: generate peak RSS", "MB", peak, load_mb, "yaml load", target_mb,
                             summary(peak)["median"] <= TARGET_ALL_MB))  # fmt: skip
        # Every surface's children in the same interleaved rounds, so they compare with each other fairly.
        commands: dict[str, Command] = {"baseline": _fixed(str(MAIN_PYTHON), "-c", "pass" + PEAK_REPORT)}
        for surface, _ in surfaces:
            commands[f"cold {surface}"] = _child(outs[surface], COLD)
            commands[f"help {surface}"] = _child(outs[surface], HELP)
            if surface != "conferencing":
                commands[f"calls {surface}"] = _child(outs[surface], COLD_CALLS)
        children = command_rounds(commands, ctx.rounds(CHILD_ROUNDS), Path(scratch))
    (base_s, base_mb), reference = children["baseline"], children["cold conferencing"][0]
    for surface, _ in surfaces:
        (cold_s, cold_mb), help_s = children[f"cold {surface}"], children[f"help {surface}"][0]
        vs_conferencing = paired_ratio(cold_s, reference)["median"]
        rows.append(_row(f"surface {surface}: cold start wall", "s", cold_s, base_s, "python -c pass",
                         f"<= {TARGET_COLD_RATIO:g}x conferencing ({vs_conferencing:.2f}x)",
                         vs_conferencing <= TARGET_COLD_RATIO))  # fmt: skip
        if f"calls {surface}" in children:
            calls_s, calls_mb = children[f"calls {surface}"]
            vs = paired_ratio(calls_s, reference)["median"]
            rows.append(_row(f"surface {surface}: cold start wall, .calls.actions", "s", calls_s, base_s,
                             "python -c pass", f"<= {TARGET_COLD_RATIO:g}x conferencing ({vs:.2f}x)",
                             vs <= TARGET_COLD_RATIO))  # fmt: skip
            rows.append(_row(f"surface {surface}: cold start peak RSS, .calls.actions", "MB", calls_mb, base_mb,
                             "python -c pass", f"<= {TARGET_COLD_MB:g} MB",
                             summary(calls_mb)["median"] <= TARGET_COLD_MB))  # fmt: skip
        rows.append(_row(f"surface {surface}: cold start peak RSS", "MB", cold_mb, base_mb, "python -c pass",
                         f"<= {TARGET_COLD_MB:g} MB", summary(cold_mb)["median"] <= TARGET_COLD_MB))  # fmt: skip
        rows.append(_row(f"surface {surface}: telnyx-conf --help wall", "s", help_s, base_s, "python -c pass",
                         f"<= {TARGET_HELP_SECONDS:g} s", summary(help_s)["median"] <= TARGET_HELP_SECONDS))  # fmt: skip
    return rows
