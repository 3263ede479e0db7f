"""Engine template forks stay honest: each override in ``overlays/engine`` is a whole-file fork of the
pinned openapi-python-client's template of the same name, and ``overlays/engine/forks.json`` records
the upstream text of every region the fork changes. When a version bump changes upstream inside one
of those regions, `check` names it, so the bump cannot silently drop upstream's fix or ours.

``python -m generator.forks --record`` rewrites the record after a fork is (re)made.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from .engine import ENGINE_TEMPLATES

FORKS = Path(__file__).resolve().parent.parent / "overlays" / "engine"
RECORD = FORKS / "forks.json"
CONTEXT = 2  # unchanged upstream lines kept around each forked region, so a change beside it counts too


def forked_regions(upstream: str, fork: str) -> list[str]:
    """The upstream text (with a little context) of each place where `fork` differs from `upstream`."""
    old, new = upstream.splitlines(keepends=True), fork.splitlines(keepends=True)
    regions = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            regions.append("".join(old[max(0, i1 - CONTEXT) : i2 + CONTEXT]))
    return regions


def record(forks: Path = FORKS, engine: Path = ENGINE_TEMPLATES) -> dict[str, object]:
    files = {}
    for fork in sorted(forks.glob("*.jinja")):
        upstream = (engine / fork.name).read_text(encoding="utf-8")
        files[fork.name] = forked_regions(upstream, fork.read_text(encoding="utf-8"))
    return {"engine": f"openapi-python-client {version('openapi-python-client')}", "files": files}


def check(forks: Path = FORKS, engine: Path = ENGINE_TEMPLATES, recorded: Path = RECORD) -> list[str]:
    """One line per fork whose upstream template changed in a forked region (or vanished, or is unrecorded)."""
    data = json.loads(recorded.read_text(encoding="utf-8"))
    files: dict[str, list[str]] = data["files"]
    problems = []
    for fork in sorted(forks.glob("*.jinja")):
        source = engine / fork.name
        if not source.exists():
            problems.append(f"{fork.name}: the engine has no template of this name any more")
            continue
        if fork.name not in files:
            problems.append(f"{fork.name}: not in {recorded.name}; run `python -m generator.forks --record`")
            continue
        upstream = source.read_text(encoding="utf-8")
        for region in files[fork.name]:
            if region not in upstream:
                first = next((line.strip() for line in region.splitlines() if line.strip()), "")
                problems.append(
                    f"{fork.name}: upstream changed in a region this fork replaces (near {first!r}); "
                    f"re-fork from {data['engine']}'s successor, then --record"
                )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.forks", description=__doc__)
    parser.add_argument("--record", action="store_true", help="rewrite overlays/engine/forks.json")
    args = parser.parse_args(argv)
    if args.record:
        RECORD.write_text(json.dumps(record(), indent=1) + "\n", encoding="utf-8")
        print(f"recorded {RECORD}")
        return 0
    problems = check()
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
