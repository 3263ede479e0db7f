"""The project's own code and everything the build step writes pass ruff and `mypy --strict` (`make lint`)."""

from __future__ import annotations

import sys

from tests.conftest import PROJECT
from tests.processes import run

LINTED = ["generator", "tests", "bench", "demo", "docs", "examples", "generated", "overlays/lib"]


def test_ruff_finds_nothing_and_the_code_is_formatted() -> None:
    for command in (["check"], ["format", "--check"]):
        result = run([sys.executable, "-m", "ruff", *command, *LINTED], cwd=PROJECT)
        assert result.returncode == 0, f"ruff {' '.join(command)}:\n{result.stdout[-3000:]}"


def test_the_generator_and_the_generated_package_pass_mypy_strict() -> None:
    # pyproject.toml's [tool.mypy] names the files and turns on strict
    result = run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"], cwd=PROJECT)
    assert result.returncode == 0, result.stdout[-3000:]
