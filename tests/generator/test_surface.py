"""The surface generated from spec/ equals the one generated from Telnyx's upstream spec, and
spec/ says it in its own words (no description copied from upstream)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.build import prepare
from generator.drift import _surface
from tests.conftest import SPEC


def surface(spec: Path) -> dict[str, Any]:
    plan = prepare(spec)[0]
    facts: dict[str, Any] = {}
    for op in plan.operations:
        facts[op.operation_id] = {
            "call": f"{op.http_verb.upper()} {op.url_path} -> {op.resource}.{op.python_method}",
            "response": op.response_model,
            "paginated": op.paginated,
            "params": {
                (p.location, p.name): (p.required, p.kind.name, p.enum, p.kind.item and p.kind.item.name, p.default)
                for p in op.all_params
            },
        }
    for hook in plan.webhooks:
        facts[f"webhook {hook.event_type}"] = {
            "class": hook.class_name,
            "fields": {(f.name, f.kind.name, f.required, f.enum) for f in hook.fields},
            "payload": {(f.name, f.kind.name, f.required, f.enum) for f in hook.payload_fields},
        }
    return facts


def differences(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(ours) | set(theirs)):
        if key not in theirs or key not in ours:
            lines.append(f"{key}: only in {'spec/' if key in ours else 'upstream'}")
            continue
        for field in sorted(set(ours[key]) | set(theirs[key])):
            mine, upstream = ours[key].get(field), theirs[key].get(field)
            if isinstance(mine, dict) and isinstance(upstream, dict):
                for name in sorted(set(mine) | set(upstream), key=str):
                    if mine.get(name) != upstream.get(name):
                        lines.append(f"{key} {field} {name}: spec/ {mine.get(name)} != upstream {upstream.get(name)}")
            elif mine != upstream:
                lines.append(f"{key} {field}: spec/ {mine} != upstream {upstream}")
    return lines


def test_spec_and_upstream_generate_the_same_surface(upstream_spec: Path) -> None:
    ours, theirs = surface(SPEC), surface(upstream_spec)
    assert len([k for k in ours if not k.startswith("webhook")]) == 74
    assert len([k for k in ours if k.startswith("webhook")]) == 51
    found = differences(ours, theirs)
    assert found == [], "\n".join(found)


def _descriptions(node: Any, where: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("description", "summary") and isinstance(value, str):
                found[f"{where}/{key}"] = " ".join(value.split())
            elif key not in ("example", "examples"):  # example data (a tool's parameters) is not our prose
                found.update(_descriptions(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.update(_descriptions(value, f"{where}/{index}"))
    return found


def test_no_description_is_copied_from_upstream(upstream_spec: Path) -> None:
    ours, theirs = _descriptions(_surface(SPEC)), _descriptions(_surface(upstream_spec))
    copied = [where for where, text in ours.items() if len(text) > 25 and theirs.get(where) == text]
    assert copied == [], copied[:10]
