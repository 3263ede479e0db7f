"""`make demo` (demo/run.py) runs the scenario end to end, exits 0 and leaves no process behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import telnyx_conferencing

DEMO = Path(__file__).resolve().parents[2] / "demo" / "run.py"


def test_demo_runs_and_every_webhook_is_verified() -> None:
    package_root = os.path.dirname(os.path.dirname(telnyx_conferencing.__file__))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("step  supervisor Dan joins in whisper mode") for line in lines)
    assert sum(line.lstrip().startswith("webhook ") and line.endswith(" verified") for line in lines) == 20
    assert "0 applied twice" in lines[-1] and "0 failed" in lines[-1]
