"""The `legs` bench section's child (bench/legs.py) works at a small size: every leg is dialed, answered,
bridged and hung up, with its webhooks in that order (it raises otherwise). Correctness only, never timed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import telnyx_conferencing

ROOT = Path(__file__).resolve().parents[2]


def test_the_legs_bench_child_runs_every_leg_through_its_story() -> None:
    package_root = os.path.dirname(os.path.dirname(telnyx_conferencing.__file__))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")])}
    for variant, webhooks in (("ours", 4 * 40), ("floor", 0)):
        done = subprocess.run(
            [sys.executable, "-m", "bench.legs", "40", variant],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        assert result["requests"] == 80 and result["webhooks"] == webhooks
        assert result["peak_rss"] > 0
