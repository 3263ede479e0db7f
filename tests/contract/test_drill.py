"""The regeneration drill: add an optional body field to `join` in a copy of spec/, regenerate,
and the field reaches the facade, the CLI and the contract cases with no other edit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.build import build
from tests.conftest import PROJECT

FIELD = """\
    drill_label:
      description: A field added by the regeneration drill.
      type: string
      example: drill
"""


def add_field_to_join(spec_dir: Path) -> None:
    requests = spec_dir / "schemas" / "requests.yaml"
    text = requests.read_text()
    start = text.index("JoinConferenceRequest:")
    props = text.index("\n  properties:\n", start) + len("\n  properties:\n")
    text = text[:props] + FIELD + text[props:]
    example = text.index("\n  example:\n", start) + len("\n  example:\n")
    requests.write_text(text[:example] + "    drill_label: drill\n" + text[example:])


def test_a_new_optional_field_flows_through(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "spec", tmp_path / "spec")
    add_field_to_join(tmp_path / "spec")
    spec = tmp_path / "spec" / "openapi.yaml"
    result = build(spec, tmp_path / "out")
    join = next(op for op in result.plan.operations if op.operation_id == "JoinConference")
    assert any(p.name == "drill_label" and not p.required for p in join.params)

    env = {**os.environ, "PYTHONPATH": f"{tmp_path / 'out'}{os.pathsep}{PROJECT}", "TELNYX_CONF_SPEC": str(spec)}
    probe = (
        "import inspect, telnyx_conferencing as t\n"
        "from telnyx_conferencing.resources.conferences.actions import ConferencesActionsResource as R\n"
        "assert 'drill_label' in inspect.signature(R.join).parameters\n"
        f"assert t.__file__.startswith({str(tmp_path / 'out')!r})\n"
    )
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=120)
    cli = subprocess.run(
        [sys.executable, "-m", "telnyx_conferencing.cli", "conferences", "actions", "join", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "--drill-label" in cli.stdout
    contract = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(PROJECT / "tests" / "contract" / "test_operations.py"),
            "-k",
            "JoinConference",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )
    assert contract.returncode == 0, contract.stdout[-3000:]
