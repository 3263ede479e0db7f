"""Fixtures for the console tests: the OS's Chromium, a sandbox on a free port, a verifying receiver."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from telnyx_conferencing.sandbox import SandboxHarness
from tests.console.browser import WAIT_MS, Receiver, chromium, chromium_executable


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium_executable()
    if path is None:
        pytest.skip("no Chromium executable (/usr/bin/chromium): `apt-get install chromium`; .ci/run does it in CI")
    return path


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    with chromium(chromium_path) as launched:
        yield launched


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    endpoint = Receiver()
    yield endpoint
    endpoint.close()


@pytest.fixture
def sandbox(receiver: Receiver) -> Iterator[SandboxHarness]:
    """A sandbox on a free loopback port posting its webhooks to `receiver` (quick retries)."""
    with SandboxHarness(seed=16, webhook_url=receiver.url, webhook_backoff=(0.01, 0.01)) as harness:
        receiver.public_key = harness.public_key
        yield harness


@pytest.fixture
def page(browser: Any, sandbox: SandboxHarness) -> Iterator[Any]:
    """The console of `sandbox`, open in a fresh browser context; every wait times out after WAIT_MS."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(WAIT_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    opened.goto(sandbox.base_url + "/sandbox/")
    try:
        yield opened
    finally:
        context.close()
    assert not errors, f"the console logged errors: {errors}"
