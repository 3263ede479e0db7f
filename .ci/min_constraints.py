"""Print pip constraints that install every runtime dependency at its lowest allowed version.

Each `name>=X,...` of [project].dependencies and of the extras named on the command line becomes `name==X`;
the tools of constraints.txt that are not runtime dependencies keep their pins, so only the floor varies.
Used by `make min-versions` (run by .ci/run); standard library only, for a fresh machine.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(.*)$")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(extras: list[str]) -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    floors: dict[str, str] = {}
    for requirement in requirements:
        match = REQUIREMENT.match(requirement)
        lower = re.search(r">=\s*([^,;\s]+)", match.group(2)) if match else None
        if match is None or lower is None:
            print(f"min_constraints: {requirement!r} has no lower bound (>=)", file=sys.stderr)
            return 2
        floors[normalized(match.group(1))] = lower.group(1)
    lines = [f"{name}=={version}" for name, version in sorted(floors.items())]
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        name = line.split("==", 1)[0].strip()
        if name and not name.startswith("#") and normalized(name) not in floors:
            lines.append(line.strip())
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
