"""A call-center scene in the sandbox, and a screenshot of its console (the README's docs/console.png).

    .venv/bin/python -m tests.console.screenshot docs/console.png

`test_console_screenshot.py` runs the same scene, so the script keeps working.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import httpx

from telnyx_conferencing.sandbox import SandboxHarness
from tests.console.browser import WAIT_MS, Receiver, chromium, chromium_executable


def call_center(sandbox: SandboxHarness) -> dict[str, str]:
    """An agent's conference with a muted caller and a whispering supervisor, a queue, a recording,
    an inbound call, a fault the SDK retried through, and a leg that hung up."""
    client = sandbox.client
    conference = client.conferences.create(call_control_id="v3:agent-ana", name="support-42").data
    client.conferences.actions.join(conference.id, call_control_id="v3:caller-bo", beep_enabled="on_enter")
    client.conferences.actions.join(conference.id, call_control_id="v3:supervisor-cy")
    client.conferences.actions.update(
        conference.id,
        call_control_id="v3:supervisor-cy",
        supervisor_role="whisper",
        whisper_call_control_ids=["v3:agent-ana"],
    )
    client.conferences.actions.mute(conference.id, call_control_ids=["v3:caller-bo"])
    client.conferences.actions.record_start(conference.id, format="mp3")
    client.calls.actions.enqueue("v3:caller-di", queue_name="support", max_wait_time_secs=600)
    sandbox.advance(42)
    client.calls.actions.enqueue("v3:caller-ed", queue_name="support", max_wait_time_secs=600)
    sandbox.advance(7)
    faults = {"rate": 1.0, "kinds": {"500": 1.0}, "after_share": 1.0, "streak_limit": 1}
    httpx.post(sandbox.base_url + "/sandbox/faults", json=faults, timeout=5).raise_for_status()
    client.conferences.actions.join(conference.id, call_control_id="v3:caller-fa")  # 500 after applying, retried
    httpx.post(sandbox.base_url + "/sandbox/faults", json={"rate": 0.0}, timeout=5).raise_for_status()
    client.conferences.actions.leave(conference.id, call_control_id="v3:caller-fa")
    inbound = httpx.post(
        sandbox.base_url + "/sandbox/calls/inbound", json={"from": "+13125550142", "to": "+13125550100"}, timeout=5
    )
    inbound.raise_for_status()
    sandbox.settle()
    return {"conference_id": conference.id, "inbound": inbound.json()["data"]["call_control_id"]}


def capture(browser: Any, sandbox: SandboxHarness, path: Path) -> Any:
    """Open the console, wait until it shows the scene, save a full-page screenshot; returns the page."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.set_default_timeout(WAIT_MS)
    page.goto(sandbox.base_url + "/sandbox/")
    expect(page.locator('[data-section="conferences"] article[data-name="support-42"]')).to_be_visible()
    expect(page.locator('[data-section="faults"] tbody tr')).to_have_count(1)
    page.screenshot(path=str(path), full_page=True)
    return page


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/console.png")
    executable = chromium_executable()
    if executable is None:
        print("no Chromium executable: apt-get install chromium", file=sys.stderr)
        return 2
    receiver = Receiver()
    try:
        with SandboxHarness(seed=42, webhook_url=receiver.url, speed=0) as sandbox:
            receiver.public_key = sandbox.public_key
            call_center(sandbox)
            with chromium(executable) as browser:
                capture(browser, sandbox, out).close()
    finally:
        receiver.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
