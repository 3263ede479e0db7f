"""The README's screenshot scene renders as described (and `screenshot.py`, which saves it, keeps working)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from telnyx_conferencing.sandbox import SandboxHarness
from tests.console.browser import Receiver
from tests.console.screenshot import call_center, capture

pytestmark = pytest.mark.timeout(60)


def test_the_call_center_scene(browser: Any, receiver: Receiver, tmp_path: Path) -> None:
    with SandboxHarness(seed=42, webhook_url=receiver.url, speed=0) as sandbox:
        receiver.public_key = sandbox.public_key
        ids = call_center(sandbox)
        page = capture(browser, sandbox, tmp_path / "console.png")
        try:
            legs = page.locator('[data-section="calls"]')
            expect(legs.locator(f'tr[data-key="{ids["inbound"]}"] td[data-col="direction"]')).to_have_text("incoming")
            queue = page.locator('[data-section="queues"] article[data-key="support"]')
            expect(queue.locator('tr[data-key="v3:caller-di"] td[data-col="wait_time_secs"]')).to_have_text("49")
            expect(page.locator('[data-section="recordings"] td[data-col="state"]')).to_have_text("recording")
            expect(page.locator("#totals")).to_contain_text("1 deduplicated")  # the retried join applied once
        finally:
            page.close()
    assert (tmp_path / "console.png").read_bytes().startswith(b"\x89PNG")
    assert receiver.rejected == 0 and len(receiver.verified) >= 10
