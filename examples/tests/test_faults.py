"""With 30% of requests failing (before or after the command applied), the center still works, once."""

from __future__ import annotations

from typing import Any

import pytest
from call_center import CallCenter
from conftest import Receiver

from telnyx_conferencing.sandbox import SandboxHarness


@pytest.fixture
def telnyx_sandbox_options() -> dict[str, Any]:
    return {"fault_rate": 0.3, "seed": 7, "max_retries": 8}


def test_every_caller_is_queued_once_despite_faults(
    telnyx_sandbox: SandboxHarness, center: CallCenter, deliver: Receiver
) -> None:
    callers = [f"v3:caller-{n}" for n in range(10)]
    for caller in callers:
        center.caller_arrives(caller)
    deliver()
    assert set(center.waiting) == set(callers)
    assert telnyx_sandbox.stats()["duplicates_applied"] == 0
