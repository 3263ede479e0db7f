"""examples/tests, the pytest suite of an app using the sandbox plugin, passes in its own pytest run."""

from __future__ import annotations

import sys

from tests.conftest import PROJECT
from tests.processes import run


def test_the_example_app_suite_passes() -> None:
    result = run([sys.executable, "-m", "pytest"], cwd=PROJECT / "examples")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "failed" not in result.stdout
