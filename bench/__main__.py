"""`python -m bench [--quick] [--only SECTION ...] [--out PATH]`: run the benchmarks, print one table, save JSON.

Sections: percall, coldstart, webhook, generation, memory, burst, legs, surfaces (all by default, in that order). `--quick` runs a
fraction of the rounds and iterations (a smoke run; its figures are noisy).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import burst, coldstart, fixtures, generation, legs, memory, percall, surfaces, webhook
from .context import Context
from .procs import ROOT, peer_status
from .report import Row, save, table

SECTIONS: dict[str, Callable[[Context], list[Row]]] = {
    "percall": percall.run,
    "coldstart": coldstart.run,
    "webhook": webhook.run,
    "generation": generation.run,
    "memory": memory.run,
    "burst": burst.run,
    "legs": legs.run,
    "surfaces": surfaces.run,
}


def versions() -> dict[str, str | None]:
    """Versions of what the figures depend on, in the main venv."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in ("telnyx-conferencing", "httpx", "httpcore", "h11", "attrs", "pynacl", "pyyaml"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fraction of the rounds: a smoke run")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), default=list(SECTIONS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    options = parser.parse_args(argv)

    official_version, peer_note = peer_status()
    print(f"official SDK: {official_version or 'n/a (' + str(peer_note) + ')'}", file=sys.stderr)
    started = time.perf_counter()
    rows: list[Row] = []
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        fixture_file = Path(scratch) / "fixtures.json"
        fixtures.write(fixture_file)
        ctx = Context.start(fixture_file, official_version, peer_note, 0.3 if options.quick else 1.0)
        try:
            for name in options.only:
                section_started = time.perf_counter()
                print(f"bench: {name} ...", file=sys.stderr, flush=True)
                rows.extend(SECTIONS[name](ctx))
                timings[name] = round(time.perf_counter() - section_started, 1)
        finally:
            ctx.close()
    print(table(rows))
    total = time.perf_counter() - started
    missed = [row.name for row in rows if row.met is False]
    print(f"{len(rows)} figures in {total:.0f} s; targets missed: {len(missed)}")
    save(
        options.out,
        rows,
        {
            "versions": versions(),
            "official_sdk": official_version,
            "official_sdk_note": peer_note,
            "quick": options.quick,
            "section_seconds": timings,
            "total_seconds": round(total, 1),
        },
    )
    print(f"saved {options.out.relative_to(ROOT) if options.out.is_relative_to(ROOT) else options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
