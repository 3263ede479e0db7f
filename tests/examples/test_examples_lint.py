"""The examples are what users copy: `mypy --strict` (examples/pyproject.toml) and ruff find nothing."""

from __future__ import annotations

import sys

from tests.conftest import PROJECT
from tests.processes import run


def test_examples_pass_mypy_strict() -> None:
    result = run([sys.executable, "-m", "mypy"], cwd=PROJECT / "examples")
    assert result.returncode == 0, result.stdout + result.stderr


def test_examples_pass_ruff() -> None:
    for command in (["check"], ["format", "--check"]):
        result = run([sys.executable, "-m", "ruff", *command, "examples"], cwd=PROJECT)
        assert result.returncode == 0, result.stdout + result.stderr
