"""The build end to end: broken specs change nothing, output is reproducible, upstream works."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build, check, prepare
from generator.render import MARKER, differences, render_tree
from tests.conftest import PROJECT, SPEC

GENERATOR = [sys.executable, "-m", "generator"]


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_generator(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GENERATOR, *args], cwd=PROJECT, capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture()
def spec_copy(tmp_path: Path) -> Path:
    shutil.copytree(SPEC.parent, tmp_path / "spec")
    return tmp_path / "spec" / "openapi.yaml"


@pytest.fixture()
def existing_output(tmp_path: Path) -> Path:
    out = tmp_path / "generated"
    (out / "telnyx_conferencing").mkdir(parents=True)
    (out / "telnyx_conferencing" / "__init__.py").write_text("# previous build\n")
    (out / MARKER).write_text("")  # a folder the generator wrote, so it may replace it
    return out


def _break_missing_ref(spec: Path) -> None:
    path = spec.parent / "openapi.yaml"
    text = path.read_text()
    path.write_text(text.replace("schemas/", "schemas/missing_", 1))


def _break_yaml(spec: Path) -> None:
    spec.write_text(spec.read_text() + "\n  broken: [unclosed\n")


def _break_type(spec: Path) -> None:
    target = next(p for p in sorted(spec.parent.rglob("*.yaml")) if "type: integer" in p.read_text())
    target.write_text(target.read_text().replace("type: integer", "type: integr", 1))


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_break_missing_ref, "missing file"),
        (_break_yaml, "invalid YAML"),
        (_break_type, "integr"),
    ],
    ids=["missing-ref", "invalid-yaml", "unknown-type"],
)
def test_a_broken_spec_fails_in_one_line_and_leaves_output_untouched(
    spec_copy: Path, existing_output: Path, breakage: object, expected: str
) -> None:
    breakage(spec_copy)  # type: ignore[operator]
    before = tree_hash(existing_output)
    result = run_generator("--spec", str(spec_copy), "--out", str(existing_output))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert tree_hash(existing_output) == before


def test_a_template_error_leaves_output_untouched(tmp_path: Path, existing_output: Path) -> None:
    overlays = tmp_path / "overlays"
    shutil.copytree(PROJECT / "overlays", overlays)
    (overlays / "templates" / "package" / "broken.py.jinja").write_text("{{ plan.no_such_thing }}\n")
    before = tree_hash(existing_output)
    result = run_generator("--out", str(existing_output), "--overlays", str(overlays))
    assert result.returncode == 1 and "template error" in result.stderr
    assert tree_hash(existing_output) == before


def test_rendering_twice_is_byte_identical(tmp_path: Path) -> None:
    plan, data, _ = prepare(SPEC)
    render_tree(plan, data, PROJECT / "overlays", tmp_path / "one")
    plan, data, _ = prepare(SPEC)
    render_tree(plan, data, PROJECT / "overlays", tmp_path / "two")
    assert differences(tmp_path / "one", tmp_path / "two") == []


def test_generated_is_up_to_date() -> None:
    assert check(SPEC, PROJECT / "generated") == []


def test_check_notices_a_one_character_spec_edit(spec_copy: Path) -> None:
    target = next(p for p in sorted(spec_copy.parent.rglob("*.yaml")) if "summary: " in p.read_text())
    target.write_text(target.read_text().replace("summary: ", "summary: X", 1))
    assert check(spec_copy, PROJECT / "generated") != []


def test_upstream_spec_generates_the_whole_conferencing_surface(upstream_spec: Path, tmp_path: Path) -> None:
    result = build(upstream_spec, tmp_path / "out", surface="conferencing")
    assert len(result.plan.operations) == 25
    assert len(result.plan.webhooks) == 16
    assert {rule for rule, _ in result.changes} >= {"unique_model_names", "wrap_bare_webhook_events"}
    assert any(op.python_method == "record_resume" for op in result.plan.operations)


def test_an_older_spec_generates_what_it_has_and_the_summary_says_what_is_missing(
    spec_copy: Path, tmp_path: Path
) -> None:
    from generator.build import summary

    root = spec_copy.read_text()
    entry = "  /conferences/{id}/actions/record_resume:\n    $ref: paths/conference_actions.yaml#/record_resume\n"
    assert entry in root
    spec_copy.write_text(root.replace(entry, ""))
    result = build(spec_copy, tmp_path / "out", surface="conferencing")
    assert len(result.plan.operations) == 24
    assert result.missing == ["ResumeConferenceRecording"] and result.added == []
    assert "missing vs spec/: ResumeConferenceRecording" in summary(result, tmp_path / "out")
