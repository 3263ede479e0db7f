"""The sandbox's pytest plugin: each test gets `telnyx_sandbox`, an offline Telnyx with a client pointed at it."""

from __future__ import annotations

import pytest
from call_center import CallCenter

from telnyx_conferencing.sandbox import SandboxHarness
from telnyx_conferencing.webhooks import unwrap

pytest_plugins = ["telnyx_conferencing.sandbox.pytest_plugin"]


class Receiver:
    """Stands in for the app's webhook endpoint: verifies what the sandbox sent and hands it to the center."""

    def __init__(self, sandbox: SandboxHarness, center: CallCenter) -> None:
        self.sandbox, self.center = sandbox, center

    def __call__(self) -> None:
        self.sandbox.settle()  # every command answered and every webhook delivered
        for delivery in self.sandbox.events:
            self.center.handle(unwrap(delivery.body, delivery.headers, public_key=self.sandbox.public_key))


@pytest.fixture
def center(telnyx_sandbox: SandboxHarness) -> CallCenter:
    return CallCenter(client=telnyx_sandbox.client)


@pytest.fixture
def deliver(telnyx_sandbox: SandboxHarness, center: CallCenter) -> Receiver:
    return Receiver(telnyx_sandbox, center)
