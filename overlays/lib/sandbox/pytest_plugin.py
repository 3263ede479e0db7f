"""A pytest fixture for apps built on telnyx-conferencing: ``telnyx_sandbox``, a live offline Telnyx.

Enable it in your top-level ``conftest.py``::

    pytest_plugins = ["telnyx_conferencing.sandbox.pytest_plugin"]

then use it in a test::

    def test_conference(telnyx_sandbox):
        client = telnyx_sandbox.client  # a sync Telnyx client pointed at the sandbox
        conference = client.conferences.create(call_control_id="v3:agent", name="support")
        (delivery,) = telnyx_sandbox.wait_for("conference.created")
        event = delivery.unwrap(telnyx_sandbox.public_key)  # verified with the SDK
        assert telnyx_sandbox.stats()["duplicates_applied"] == 0

To configure the sandbox (seed, fault_rate, webhook_url, ...; see `SandboxApp`), override the
``telnyx_sandbox_options`` fixture and return its keyword arguments. Each test gets a fresh sandbox.

Timers (queue ``max_wait_time_secs``, conference ``duration_minutes``, playback and speak lengths)
run on the sandbox's clock, which ``telnyx_sandbox_clock`` exposes: a 10-minute queue timeout takes
milliseconds::

    def test_caller_times_out(telnyx_sandbox, telnyx_sandbox_clock):
        telnyx_sandbox.client.calls.actions.enqueue("v3:caller", queue_name="q", max_wait_time_secs=600)
        telnyx_sandbox_clock.advance(600)  # call.dequeued (reason timeout) is emitted before this returns
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ._extra import require_extra

if TYPE_CHECKING:
    from ._clock import SandboxClock
    from ._harness import SandboxHarness

__all__ = ["telnyx_sandbox", "telnyx_sandbox_clock", "telnyx_sandbox_options"]


@pytest.fixture
def telnyx_sandbox_options() -> dict[str, Any]:
    """Keyword arguments for the sandbox (`SandboxApp`) and its harness (`max_retries`); override to change."""
    return {}


@pytest.fixture
def telnyx_sandbox(telnyx_sandbox_options: dict[str, Any]) -> Iterator[SandboxHarness]:
    """A running sandbox (`SandboxHarness`): `.client`, `.public_key`, `.events`, `.wait_for()`, `.stats()`."""
    require_extra()
    from ._harness import SandboxHarness

    harness = SandboxHarness(**telnyx_sandbox_options)
    try:
        yield harness
    finally:
        harness.close()


@pytest.fixture
def telnyx_sandbox_clock(telnyx_sandbox: SandboxHarness) -> SandboxClock:
    """The running sandbox's clock (`SandboxClock`): `advance(seconds)`, `now()`, `speed`."""
    clock: SandboxClock = telnyx_sandbox.clock
    return clock
