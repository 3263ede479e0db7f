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
    cold_reference: float | None = None
    with tempfile.TemporaryDirectory(prefix="bench-surfaces-") as scratch:
        for surface, spec in surfaces:
            out = Path(scratch) / surface
            load = ["import yaml", f"yaml.load(open({str(spec)!r}, 'rb'), Loader=yaml.CSafeLoader)"]
            generated = command_rounds(
                {
                    "generate": _generate(spec, surface, out),
                    "load": lambda: [str(MAIN_PYTHON), "-c", "\n".join(load) + PEAK_REPORT],
                },
                ctx.rounds(GENERATE_ROUNDS, least=1),
                ROOT,
                warmup=0,
            )
            seconds, peak = generated["generate"]
            is_all = surface == "all"
            rows.append(
                _row(f"surface {surface}: generate wall", "s", seconds, generated["load"][0], "yaml load",
                     f"<= {TARGET_ALL_SECONDS:g} s" if is_all else "", summary(seconds)["median"] <= TARGET_ALL_SECONDS)
            )  # fmt: skip
            rows.append(
                _row(f"surface {surface}: generate peak RSS", "MB", peak, generated["load"][1], "yaml load",
                     f"<= {TARGET_ALL_MB:g} MB" if is_all else "", summary(peak)["median"] <= TARGET_ALL_MB)
            )  # fmt: skip
            children = command_rounds(
                {
                    "baseline": lambda: [str(MAIN_PYTHON), "-c", "pass" + PEAK_REPORT],
                    "cold": _child(out, COLD),
                    "help": _child(out, HELP),
                },
                ctx.rounds(CHILD_ROUNDS),
                Path(scratch),
            )
            cold_wall, cold_mb = children["cold"]
            median = summary(cold_wall)["median"]
            if cold_reference is None:
                cold_reference = median
            within = median <= cold_reference * TARGET_COLD_RATIO
            rows.append(
                _row(f"surface {surface}: cold start wall", "s", cold_wall, children["baseline"][0], "python -c pass",
                     f"<= {TARGET_COLD_RATIO:g}x conferencing", within)
            )  # fmt: skip
            rows.append(
                _row(f"surface {surface}: cold start peak RSS", "MB", cold_mb, children["baseline"][1],
                     "python -c pass", f"<= {TARGET_COLD_MB:g} MB", summary(cold_mb)["median"] <= TARGET_COLD_MB)
            )  # fmt: skip
            help_wall = children["help"][0]
            rows.append(
                _row(f"surface {surface}: telnyx-conf --help wall", "s", help_wall, children["baseline"][0],
                     "python -c pass", f"<= {TARGET_HELP_SECONDS:g} s", summary(help_wall)["median"] <= TARGET_HELP_SECONDS)
            )  # fmt: skip
    return rows
