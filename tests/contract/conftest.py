"""Contract report: after the run, how many operations passed on every interface, and webhooks."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

_passed: dict[str, set[str]] = defaultdict(set)
_failed: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.failed):
        return
    name = report.nodeid.rsplit("::", 1)[-1]
    if name.startswith("test_operation_contract[") or name.startswith("test_webhook_contract["):
        params = name[name.index("[") + 1 : -1]
        if report.passed:
            _passed[name.split("[")[0]].add(params)
        else:
            _failed.add(params)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from tests.contract.cases import operation_cases, webhook_cases
    from tests.contract.test_operations import INTERFACES

    ops = operation_cases()
    ran = _passed.get("test_operation_contract", set())
    if not ran and not _passed.get("test_webhook_contract"):
        return
    complete = [c.id for c in ops if all(f"{c.id}-{i}" in ran for i in INTERFACES)]
    hooks = webhook_cases()
    hooks_ok = [
        w for w in hooks if any(p.startswith(w.event_type) for p in _passed.get("test_webhook_contract", set()))
    ]
    terminalreporter.write_sep("-", "contract report")
    missing = [c.id for c in ops if c.id not in complete]
    if missing:
        terminalreporter.write_line("missing: " + ", ".join(missing))
    terminalreporter.write_line(f"operations: {len(complete)}/{len(ops)} x {len(INTERFACES)} interfaces")
    terminalreporter.write_line(f"webhooks: {len(hooks_ok)}/{len(hooks)}")
