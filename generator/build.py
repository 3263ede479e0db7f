"""The build step end to end: load -> select -> normalize -> plan -> render, with a summary."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BuildError
from .load import load_spec
from .normalize import normalize
from .plan import Plan, build_plan
from .render import check_output_dir, differences, render_into, render_tree
from .select import select_surface

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = PROJECT / "spec" / "openapi.yaml"
OVERLAYS = PROJECT / "overlays"


@dataclass
class BuildResult:
    plan: Plan
    changes: list[tuple[str, str]]
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    added: list[str] = field(default_factory=list)  # operationIds not in the project's spec/
    missing: list[str] = field(default_factory=list)  # operationIds of spec/ this spec lacks


def prepare(spec: Path, overlays: Path = OVERLAYS) -> tuple[Plan, Any, list[tuple[str, str]]]:
    doc = load_spec(spec)
    try:
        doc = select_surface(doc)
        changes = normalize(doc)
        plan, data = build_plan(doc, overlays / "naming.yaml")
    except BuildError as exc:  # past load, a problem is the spec's: name the file it came from
        raise (exc if exc.where else BuildError(exc.message, where=str(spec))) from None
    return plan, data, changes


def _reference_operations(spec: Path) -> set[str] | None:
    """operationIds of the project's own spec, to compare another spec's surface against."""
    if not DEFAULT_SPEC.exists() or spec.resolve() == DEFAULT_SPEC.resolve():
        return None
    doc = select_surface(load_spec(DEFAULT_SPEC))
    return {
        op["operationId"]
        for item in doc["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }


def build(spec: Path, out: Path, overlays: Path = OVERLAYS) -> BuildResult:
    started = time.perf_counter()
    check_output_dir(out)  # before the slow part: a wrong --out fails at once
    plan, data, changes = prepare(spec, overlays)
    files = render_into(plan, data, overlays, out)
    result = BuildResult(plan, changes, files)
    reference = _reference_operations(spec)
    if reference is not None:
        ours = {op.operation_id for op in plan.operations}
        result.added, result.missing = sorted(ours - reference), sorted(reference - ours)
    result.seconds = time.perf_counter() - started
    return result


def check(spec: Path, against: Path, overlays: Path = OVERLAYS) -> list[str]:
    """Regenerate into a temp dir and list every difference from ``against``; touches nothing."""
    plan, data, _ = prepare(spec, overlays)
    with tempfile.TemporaryDirectory(prefix="telnyx-check-") as tmp:
        render_tree(plan, data, overlays, Path(tmp) / "tree")
        if not against.is_dir():
            return [f"{against} is not a generated folder: run `make generate`"]
        return differences(Path(tmp) / "tree", against)


def summary(result: BuildResult, out: Path) -> str:
    plan = result.plan
    by_resource: dict[str, int] = {}
    for op in plan.operations:
        by_resource[op.resource] = by_resource.get(op.resource, 0) + 1
    lines = [
        f"generated {out} in {result.seconds:.2f} s",
        f"  operations: {len(plan.operations)} ("
        + ", ".join(f"{name} {count}" for name, count in sorted(by_resource.items()))
        + ")",
        f"  models:     {len(plan.models)} classes, {len(plan.enums)} enums",
        f"  webhooks:   {len(plan.webhooks)} event types",
        f"  files:      {len(result.files)} written",
        f"  repairs:    {len(result.changes)} by normalize rules"
        + (" (" + ", ".join(sorted({rule for rule, _ in result.changes})) + ")" if result.changes else ""),
    ]
    if result.added:
        lines.append("  added vs spec/:   " + ", ".join(result.added))
    if result.missing:
        lines.append("  missing vs spec/: " + ", ".join(result.missing))
    return "\n".join(lines)
