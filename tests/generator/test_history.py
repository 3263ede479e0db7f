"""Every published Telnyx spec generates: the three older snapshots in ../shared/telnyx-openapi/history/
build the conferencing surface with exactly what the history README lists, and the whole current
document (the `all` surface, under `make test-slow`) builds, imports, lints and type-checks. None of it touches generated/."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import PROJECT, UPSTREAM
from tests.processes import run

HISTORY = UPSTREAM.parent / "history"
# file -> (conferencing operations, conferencing + queue webhooks), as history/README.md gives them
EXPECTED = {
    "spec3-2025-05-30.yml": (20, 0),
    "spec3-2025-12-19.yml": (20, 16),
    "spec3-2026-03-25.yml": (25, 16),
}


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def generated_hash() -> str:
    return _tree_hash(PROJECT / "generated")


def _probe(out: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(out), "TELNYX_API_KEY": "KEY-history"}
    result = run([sys.executable, "-c", code], env=env, cwd=out)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_published_spec_of_the_past_generates_its_conferencing_surface(
    name: str, tmp_path: Path, generated_hash: str
) -> None:
    spec = HISTORY / name
    if not spec.exists():
        pytest.skip(f"../shared/telnyx-openapi/history/{name} is not present")
    result = build(spec, tmp_path / "out", surface="conferencing")
    plan = result.plan
    assert (len(plan.operations), len(plan.webhooks)) == EXPECTED[name]
    assert (plan.spec_operations, plan.dropped) == (EXPECTED[name][0], ())
    printed = _probe(
        tmp_path / "out",
        "import telnyx_conferencing as t\n"
        "c = t.Telnyx()\n"
        "print(sorted(n for n in dir(c.conferences.actions) if not n.startswith('_')))\n",
    )
    assert "join" in printed and "record_resume" in printed
    assert _tree_hash(PROJECT / "generated") == generated_hash


@pytest.mark.slow  # ~1.5 min on 2 cores: `make test-slow`, which CI runs after `make test`
@pytest.mark.timeout(600)
def test_the_whole_telnyx_api_generates_imports_and_passes_ruff_and_mypy(tmp_path: Path, generated_hash: str) -> None:
    """The 4 MB document, 1,156 operations: nothing dropped, every resource resolves, the code lints and types."""
    if not UPSTREAM.exists():
        pytest.skip("../shared/telnyx-openapi/spec3.yml is not present")
    out = tmp_path / "out"
    plan = build(UPSTREAM, out, surface="all").plan
    assert (len(plan.operations), plan.spec_operations) == (1156, 1156)
    assert (len(plan.webhooks), plan.spec_webhooks) == (66, 66)
    assert plan.dropped == ()
    printed = _probe(
        out,
        "import telnyx_conferencing as t\n"
        "from telnyx_conferencing import webhooks\n"
        "c = t.Telnyx()\n"
        "seen = 0\n"
        f"for path in {sorted({op.resource for op in plan.operations} | {r.attr_path for r in plan.resources})!r}:\n"
        "    target = c\n"
        "    for part in path.split('.'):\n"
        "        target = getattr(target, part)\n"
        "    seen += 1\n"
        f"for dotted in {sorted(f'{op.resource}.{op.python_method}' for op in plan.operations)!r}:\n"
        "    target = c\n"
        "    for part in dotted.split('.'):\n"
        "        target = getattr(target, part)\n"
        "    assert callable(target), dotted\n"
        "print(seen, len(webhooks.__all__))\n",
    )
    assert int(printed.split()[0]) == len(plan.resources)
    lint = run([sys.executable, "-m", "ruff", "check", "--config", str(PROJECT / "pyproject.toml"), str(out)])
    assert lint.returncode == 0, lint.stdout[-2000:]
    types = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "telnyx_conferencing",
        ],
        cwd=out,
        timeout=600,
    )
    assert types.returncode == 0, types.stdout[-3000:]
    assert _tree_hash(PROJECT / "generated") == generated_hash
