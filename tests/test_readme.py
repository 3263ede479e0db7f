"""The README's Python snippets run as written, in order, against the offline sandbox.

Blocks that need a web framework (Flask) or are pytest files are skipped; a statement followed by
a ``# SomeError: message`` comment must raise that error with that message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import telnyx_conferencing
from tests.conftest import PROJECT

BLOCK = re.compile(r"```python\n(.*?)```", re.S)
EXPECTED = re.compile(r"^# (\w+Error): (.*)$")


def blocks() -> list[str]:
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    return [b for b in BLOCK.findall(text) if "flask" not in b and "pytest_plugins" not in b and "def test_" not in b]


def run_block(code: str, namespace: dict[str, Any]) -> None:
    lines = code.splitlines()
    if not any(EXPECTED.match(line) for line in lines):
        exec(compile(code, "README.md", "exec"), namespace)
        return
    for statement, comment in zip(lines[::2], lines[1::2], strict=True):
        expected = EXPECTED.match(comment)
        assert expected, comment
        error = getattr(telnyx_conferencing, expected.group(1), None) or __builtins__[expected.group(1)]  # type: ignore[index]
        with pytest.raises(error, match=re.escape(expected.group(2).split("...")[0].strip())):
            exec(compile(statement, "README.md", "exec"), namespace)


def test_readme_snippets_run_against_the_sandbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from telnyx_conferencing.sandbox._harness import SandboxHarness

    harness = SandboxHarness()
    try:
        monkeypatch.setenv("TELNYX_BASE_URL", harness.base_url)
        monkeypatch.setenv("TELNYX_API_KEY", "KEY_readme")
        namespace: dict[str, Any] = {"__name__": "readme"}
        found = blocks()
        assert len(found) >= 6
        for code in found[:1]:
            run_block(code, namespace)
        _drive_the_call_center(harness, namespace)
        for code in found[1:]:
            run_block(code, namespace)
    finally:
        harness.close()


def _drive_the_call_center(harness: Any, namespace: dict[str, Any]) -> None:
    """The first example is webhook-driven: play Telnyx's part (an inbound caller, the agent answering)."""
    caller = harness.app.state.inbound_call(from_number="+13125550111", to_number="+13125550000", digits="2")
    namespace["on_inbound_call"](caller.call_control_id)
    assert [q for q in harness.app.state.queues.values() if q.name == "support"], "the caller waits in the queue"
    harness.advance(harness.app.state.ring_secs)  # the agent's phone rings, then answers
    agent = namespace["agent_leg"].data.call_control_id
    assert harness.app.state.calls[agent].state == "answered"
    conference_id = namespace["on_agent_answered"](caller.call_control_id, agent)
    namespace["conference_id"] = conference_id  # the later snippets act on "the conference from above"
    conference = harness.app.state.conferences[conference_id]
    assert {p.call.call_control_id for p in conference.participants.values()} >= {caller.call_control_id, agent}


def test_the_readme_lists_the_retry_class_of_every_operation() -> None:
    from generator.build import prepare
    from tests.conftest import SPEC

    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    listed: dict[str, set[str]] = {}
    for row in re.findall(r"^\| `(command_id|idempotent|unsafe)` \| [^|]* \| (.*) \|$", text, re.M):
        listed[row[0]] = set(re.findall(r"`([\w.]+)`", row[1]))
    planned: dict[str, set[str]] = {}
    for op in prepare(SPEC)[0].operations:
        planned.setdefault(op.replay, set()).add(f"{op.resource}.{op.python_method}")
    assert listed == planned


def test_the_readme_lists_every_resource_and_method() -> None:
    from generator.build import prepare
    from tests.conftest import SPEC

    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split("**Every resource**", 1)[1].split("\n\n", 2)[1]
    listed = {
        row[0]: set(re.findall(r"`(\w+)`", row[1])) for row in re.findall(r"^\| `([\w.]+)` \| (.*) \|$", section, re.M)
    }
    planned: dict[str, set[str]] = {}
    for op in prepare(SPEC)[0].operations:
        planned.setdefault(op.resource, set()).add(op.python_method)
    assert listed == planned
