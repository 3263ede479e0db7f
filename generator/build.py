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
from .surfaces import Surface, load_surfaces

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


def surface_named(name: str | None, overlays: Path = OVERLAYS) -> Surface:
    """A surface of ``overlays/surfaces.yaml``; None is the product surface (what generated/ holds)."""
    return load_surfaces(overlays / "surfaces.yaml").get(name)


def prepare(
    spec: Path, overlays: Path = OVERLAYS, surface: str | None = None, keep_going: bool = False
) -> tuple[Plan, Any, list[tuple[str, str]]]:
    """Load, select, normalize and plan; the repairs made come back as (rule, change) pairs."""
    doc = load_spec(spec)
    try:
        doc = select_surface(doc, surface_named(surface, overlays))
        changes = normalize(doc)
        plan, data = build_plan(doc, overlays / "naming.yaml", keep_going)
    except BuildError as exc:  # past load, a problem is the spec's: name the file it came from
        raise (exc if exc.where else BuildError(exc.message, where=str(spec))) from None
    return plan, data, changes + list(plan.repairs)


def _reference_operations(spec: Path, surface: Surface) -> set[str] | None:
    """operationIds of the project's own spec, to compare another spec's surface against."""
    if not DEFAULT_SPEC.exists() or spec.resolve() == DEFAULT_SPEC.resolve():
        return None
    doc = select_surface(load_spec(DEFAULT_SPEC), surface)
    return {
        op["operationId"]
        for item in doc["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }


def build(
    spec: Path, out: Path, overlays: Path = OVERLAYS, surface: str | None = None, keep_going: bool = False
) -> BuildResult:
    started = time.perf_counter()
    check_output_dir(out)  # before the slow part: a wrong --out fails at once
    plan, data, changes = prepare(spec, overlays, surface, keep_going)
    files = render_into(plan, data, overlays, out)
    result = BuildResult(plan, changes, files)
    reference = _reference_operations(spec, surface_named(surface, overlays))
    if reference is not None:
        ours = {op.operation_id for op in plan.operations}
        result.added, result.missing = sorted(ours - reference), sorted(reference - ours)
    result.seconds = time.perf_counter() - started
    return result


def check(spec: Path, against: Path, overlays: Path = OVERLAYS, surface: str | None = None) -> list[str]:
    """Regenerate into a temp dir and list every difference from ``against``; touches nothing."""
    plan, data, _ = prepare(spec, overlays, surface)
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
        f"  operations: {len(plan.operations)} of {plan.spec_operations} ("
        + ", ".join(f"{name} {count}" for name, count in sorted(by_resource.items()))
        + ")",
        f"  models:     {len(plan.models)} classes, {len(plan.enums)} enums",
        f"  webhooks:   {len(plan.webhooks)} of {plan.spec_webhooks}",
        f"  files:      {len(result.files)} written",
        f"  repairs:    {len(result.changes)} by normalize rules"
        + (" (" + ", ".join(sorted({rule for rule, _ in result.changes})) + ")" if result.changes else ""),
    ]
    if plan.dropped:
        lines.append(f"  dropped:    {len(plan.dropped)} (--keep-going)")
        lines.extend(f"    {item}" for item in plan.dropped)
    if result.added:
        lines.append("  added vs spec/:   " + ", ".join(result.added))
    if result.missing:
        lines.append("  missing vs spec/: " + ", ".join(result.missing))
    return "\n".join(lines)
