"""Rows of the benchmark table: how one figure compares, printed as a table and saved as bench/results.json."""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HEADERS = ("benchmark", "ours", "floor/baseline", "official SDK", "ours/floor", "official/floor", "target", "met?")


@dataclasses.dataclass
class Row:
    """One compared figure. Each series is a `stats.summary` (min/median/rounds) in `unit`, or None."""

    name: str
    unit: str
    ours: dict[str, Any] | None
    floor: dict[str, Any] | None
    floor_label: str
    official: dict[str, Any] | None = None
    official_note: str | None = None
    ratio: dict[str, float] | None = None
    official_ratio: dict[str, float] | None = None
    target: str = ""
    met: bool | None = None
    notes: list[str] = dataclasses.field(default_factory=list)


def _figure(series: dict[str, Any] | None, unit: str) -> str:
    if series is None:
        return "n/a"
    digits = 1 if series["median"] >= 100 else 3 if series["median"] < 1 else 2
    return f"{series['median']:.{digits}f} / {series['min']:.{digits}f} {unit}"


def _ratio(ratio: dict[str, float] | None) -> str:
    return "-" if ratio is None else f"{ratio['median']:.2f}x"


def cells(row: Row) -> tuple[str, ...]:
    official = _figure(row.official, row.unit) if row.official else f"n/a ({row.official_note or 'not run'})"
    met = "-" if row.met is None else "yes" if row.met else "NO"
    floor = _figure(row.floor, row.unit) + f" [{row.floor_label}]" if row.floor else row.floor_label or "-"
    return (
        row.name,
        _figure(row.ours, row.unit),
        floor,
        official,
        _ratio(row.ratio),
        _ratio(row.official_ratio),
        row.target,
        met,
    )


def table(rows: list[Row]) -> str:
    lines = [HEADERS, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    rendered = [" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    rendered.insert(1, "-+-".join("-" * width for width in widths))
    legend = (
        "figures: median / min over interleaved rounds; ratios: median of per-round ratios in the same run.\n"
        "floors: httpx+json = bare httpx.Client/AsyncClient + .json() (same venv); nacl+json = a cached "
        "nacl VerifyKey.verify + json.loads;\n"
        "python -c pass = a bare interpreter (RSS: VmHWM the child reports); yaml load = yaml CSafeLoader on the "
        "same spec files."
    )
    return "\n".join([*rendered, legend])


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else None
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu": model or platform.processor(),
        "cpus": os.cpu_count(),
        "memory_bytes": memory,
        "load_average": os.getloadavg(),
    }


def save(path: Path, rows: list[Row], context: dict[str, Any]) -> None:
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version,
        "machine": machine(),
        **context,
        "rows": [dataclasses.asdict(row) for row in rows],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
