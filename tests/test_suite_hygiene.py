"""The suite itself: no test waits on a child process without a bound."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
BOUNDED_WAITS = {"run", "communicate", "wait", "check_output", "check_call", "call"}


def _unbounded_waits(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = node.func.attr
        keywords = {keyword.arg for keyword in node.keywords}
        if isinstance(owner, ast.Name) and owner.id == "subprocess" and name == "Popen":
            found.append(f"line {node.lineno}: subprocess.Popen (use tests.processes.spawn)")
        elif isinstance(owner, ast.Name) and owner.id == "subprocess" and name in BOUNDED_WAITS:
            if "timeout" not in keywords:
                found.append(f"line {node.lineno}: subprocess.{name} without timeout=")
        elif name in {"communicate", "wait"} and isinstance(owner, ast.Name) and "process" in owner.id:
            if "timeout" not in keywords and not node.args:
                found.append(f"line {node.lineno}: {owner.id}.{name}() without timeout=")
    return found


@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.py")), ids=lambda p: str(p.relative_to(TESTS)))
def test_no_test_waits_on_a_child_process_without_a_bound(path: Path) -> None:
    if path.name == "processes.py":
        return
    assert _unbounded_waits(path.read_text(encoding="utf-8")) == []


def test_the_hygiene_check_sees_unbounded_waits() -> None:
    source = (
        "import subprocess\n"
        "subprocess.run(['x'])\n"
        "p = subprocess.Popen(['x'])\n"
        "process.wait()\n"
        "subprocess.run(['x'], timeout=5)\n"
        "process.communicate(timeout=5)\n"
    )
    assert [line.split(":")[0] for line in _unbounded_waits(source)] == ["line 2", "line 3", "line 4"]
