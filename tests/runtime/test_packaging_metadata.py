"""Packaging (issue 14, item 16): a LICENSE, build output ignored, every runtime dependency bounded and its floor tested."""

from __future__ import annotations

import re
import subprocess
import tomllib

import pytest

from tests.conftest import PROJECT

PYPROJECT = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
TESTED = {
    re.sub(r"[-_.]+", "-", name).lower(): version
    for name, version in (
        line.split("==", 1) for line in (PROJECT / "constraints.txt").read_text().splitlines() if "==" in line
    )
}
RUNTIME = PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["sandbox"]


def _major(version: str) -> int:
    return int(version.split(".")[0])


def test_the_license_file_matches_the_metadata() -> None:
    assert PYPROJECT["license"] == "MIT" and "LICENSE" in PYPROJECT["license-files"]
    assert (PROJECT / "LICENSE").read_text().startswith("MIT License")


@pytest.mark.parametrize("requirement", RUNTIME)
def test_each_runtime_dependency_is_bounded_to_its_tested_major_version(requirement: str) -> None:
    name, lower, upper = re.fullmatch(r"([\w.\-]+)>=([\w.]+),<([\w.]+)", requirement.replace(" ", "")).groups()  # type: ignore[union-attr]
    tested = TESTED[re.sub(r"[-_.]+", "-", name).lower()]
    assert _major(upper) == _major(tested) + 1 or (_major(tested) == 0 and upper == "1"), (requirement, tested)
    assert tuple(map(int, lower.split("."))) <= tuple(map(int, re.findall(r"\d+", tested)[:3]))


def test_build_output_is_ignored_by_git() -> None:
    done = subprocess.run(
        ["git", "check-ignore", "build/lib/x.py", "dist/x.whl", ".venv-min/x"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    if done.returncode == 128:
        pytest.skip("not a git checkout")
    assert done.stdout.split() == ["build/lib/x.py", "dist/x.whl", ".venv-min/x"]


def test_ci_installs_the_minimum_versions_and_runs_a_subset() -> None:
    assert "make min-versions" in (PROJECT / ".ci" / "run").read_text()
    assert re.search(r"^min-versions:", (PROJECT / "Makefile").read_text(), re.MULTILINE)
    floors = subprocess.run(
        ["python3", str(PROJECT / ".ci" / "min_constraints.py"), "sandbox"], capture_output=True, text=True, timeout=30
    )
    assert floors.returncode == 0 and "httpx==0.27" in floors.stdout.splitlines()
