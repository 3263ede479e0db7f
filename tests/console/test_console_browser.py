"""The sandbox console in a real browser: what the page shows follows what the SDK and the receiver did."""

from __future__ import annotations

import urllib.request
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from telnyx_conferencing import InternalServerError
from telnyx_conferencing.sandbox import SandboxHarness
from telnyx_conferencing.sandbox._harness import SANDBOX_API_KEY
from tests.console.browser import Receiver

pytestmark = pytest.mark.timeout(60)


def section(page: Any, name: str) -> Any:
    return page.locator(f'[data-section="{name}"]')


def cell(scope: Any, key: str, column: str) -> Any:
    return scope.locator(f'tr[data-key="{key}"] td[data-col="{column}"]')


def wait_until(predicate: Any, timeout: float = 5.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def test_conference_and_participants_appear_and_update_live(
    page: Any, sandbox: SandboxHarness, receiver: Receiver
) -> None:
    client = sandbox.client
    conference = client.conferences.create(call_control_id="v3:agent", name="support-42").data
    client.conferences.actions.join(conference.id, call_control_id="v3:caller")
    client.conferences.actions.mute(conference.id, call_control_ids=["v3:caller"])

    card = section(page, "conferences").locator('article[data-name="support-42"]')
    expect(card.locator(".name")).to_have_text("support-42")
    expect(card.locator(".badge.state").first).to_have_text("in_progress")
    expect(cell(card, "v3:agent", "muted")).to_have_text("no")
    expect(cell(card, "v3:caller", "muted")).to_have_text("yes")

    # Updates arrive without a reload.
    client.conferences.actions.unmute(conference.id, call_control_ids=["v3:caller"])
    client.conferences.actions.hold(conference.id, call_control_ids=["v3:caller"])
    client.conferences.actions.update(
        conference.id, call_control_id="v3:agent", supervisor_role="whisper", whisper_call_control_ids=["v3:caller"]
    )
    expect(cell(card, "v3:caller", "muted")).to_have_text("no")
    expect(cell(card, "v3:caller", "on_hold")).to_have_text("yes")
    expect(cell(card, "v3:agent", "supervisor_role")).to_have_text("whisper")
    expect(cell(card, "v3:agent", "whispering")).to_have_text("to v3:caller")
    expect(cell(section(page, "calls"), "v3:caller", "state")).to_have_text("in_conference")

    # The receiver verified the join with the SDK, and the page marks that delivery verified.
    wait_until(lambda: len(receiver.events("conference.participant.joined")) == 2)
    deliveries = section(page, "deliveries")
    joined = deliveries.locator(
        "tbody tr", has=page.locator('td[data-col="event_type"]', has_text="participant.joined")
    )
    expect(joined).to_have_count(2)
    expect(joined.first.locator('td[data-col="signature_verified"]')).to_have_text("verified")
    expect(joined.first.locator('td[data-col="response_status"]')).to_have_text("200")
    expect(joined.first.locator('td[data-col="target"]')).to_have_text(receiver.url)


def test_an_injected_inbound_call_shows_up_and_the_app_answers(
    page: Any, sandbox: SandboxHarness, receiver: Receiver
) -> None:
    conference = sandbox.client.conferences.create(call_control_id="v3:agent", name="inbound-desk").data
    form = page.locator("#inbound-form")
    form.locator('input[name="from"]').fill("+13125550111")
    form.locator('input[name="digits"]').fill("2")
    form.get_by_role("button", name="Call in").click()
    expect(page.locator("#notice")).to_contain_text("Inbound call v3:inbound-")

    # The app hears of the call from a verified call.initiated webhook, with direction incoming ...
    wait_until(lambda: len(receiver.events("call.initiated")) == 1)
    payload = receiver.events("call.initiated")[0]["body"]["data"]["payload"]
    assert payload["direction"] == "incoming" and payload["from"] == "+13125550111"
    call_id = payload["call_control_id"]
    assert sandbox.app.state.calls[call_id].digits == "2"  # scripted from the page, for the app's gather
    legs = section(page, "calls")
    expect(cell(legs, call_id, "direction")).to_have_text("incoming")
    expect(cell(legs, call_id, "state")).to_have_text("parked")
    expect(cell(legs, call_id, "timeline")).to_contain_text("call.initiated")

    # ... answers it, and puts the caller into the conference: the page shows it.
    sandbox.client.calls.actions.answer(call_id)
    sandbox.client.conferences.actions.join(conference.id, call_control_id=call_id)
    expect(cell(legs, call_id, "state")).to_have_text("in_conference")
    expect(cell(legs, call_id, "conference")).to_have_text("inbound-desk")
    card = section(page, "conferences").locator('article[data-name="inbound-desk"]')
    expect(cell(card, call_id, "status")).to_have_text("joined")

    # The caller hangs up from the page: the leg ends and leaves the conference.
    legs.locator(f'tr[data-key="{call_id}"] button[data-action="hangup"]').click()
    expect(cell(legs, call_id, "state")).to_have_text("hangup")
    expect(cell(card, call_id, "status")).to_have_text("left")
    expect(cell(legs, call_id, "timeline")).to_contain_text("call.hangup")
    wait_until(lambda: len(receiver.events("call.hangup")) == 1)


def test_redeliver_a_webhook_and_end_a_conference_from_the_page(
    page: Any, sandbox: SandboxHarness, receiver: Receiver
) -> None:
    conference = sandbox.client.conferences.create(call_control_id="v3:agent", name="ending").data
    deliveries = section(page, "deliveries")
    first = deliveries.locator('tr[data-key="1"]')
    expect(first.locator('td[data-col="status"]')).to_have_text("delivered")
    first.locator('button[data-action="redeliver"]').click()
    resend = deliveries.locator("tbody tr", has=page.locator('td[data-col="redelivery_of"]', has_text="#1"))
    expect(resend.locator('td[data-col="status"]')).to_have_text("delivered")
    created = receiver.events("conference.created")
    assert len(created) == 2 and created[0]["id"] == created[1]["id"]  # the same event, sent again

    card = section(page, "conferences").locator('article[data-name="ending"]')
    card.locator('button[data-action="end"]').click()
    expect(card.locator(".badge.state").first).to_have_text("completed")
    expect(card.locator('button[data-action="end"]')).to_have_count(0)
    assert sandbox.client.conferences.retrieve(conference.id).data.status == "completed"


def test_faults_and_api_calls_are_shown_with_the_key_redacted(
    page: Any, sandbox: SandboxHarness, receiver: Receiver
) -> None:
    conference = sandbox.client.conferences.create(call_control_id="v3:agent", name="faulty").data
    faults = {"rate": 1.0, "kinds": {"500": 1.0}, "after_share": 1.0}
    httpx.post(sandbox.base_url + "/sandbox/faults", json=faults, timeout=5).raise_for_status()
    with pytest.raises(InternalServerError):
        sandbox.sync_client(max_retries=0).conferences.actions.join(conference.id, call_control_id="v3:late")
    httpx.post(sandbox.base_url + "/sandbox/faults", json={"rate": 0.0}, timeout=5).raise_for_status()

    injected = section(page, "faults").locator("tbody tr")
    expect(injected).to_have_count(1)
    expect(injected.locator('td[data-col="path"]')).to_contain_text(f"POST /conferences/{conference.id}/actions/join")
    expect(injected.locator('td[data-col="kind"]')).to_have_text("500")
    expect(injected.locator('td[data-col="phase"]')).to_have_text("after the command applied")

    requests = section(page, "requests")
    join = requests.locator('tr[data-key="2"]')
    expect(join.locator('td[data-col="status"]')).to_have_text("500")
    expect(join.locator('td[data-col="fault"]')).to_have_text("500 (after)")
    join.locator("summary").click()
    expect(join.locator("pre").first).to_contain_text('"authorization": "<redacted>"')
    expect(join.locator("pre").nth(1)).to_contain_text('"call_control_id": "v3:late"')
    page.locator('tr[data-key="1"] summary').first.click()  # the details stay open across re-renders
    expect(join.locator("details")).to_have_attribute("open", "")

    assert SANDBOX_API_KEY not in page.content()
    with urllib.request.urlopen(sandbox.base_url + "/sandbox/state", timeout=5) as response:
        assert SANDBOX_API_KEY not in response.read().decode()


def test_untrusted_text_is_shown_as_text(page: Any, sandbox: SandboxHarness) -> None:
    hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
    sandbox.client.conferences.create(call_control_id="v3:<script>x</script>", name=hostile)
    card = section(page, "conferences").locator("article").first
    expect(card.locator(".name")).to_have_text(hostile)
    expect(cell(section(page, "calls"), "v3:<script>x</script>", "call_control_id")).to_have_text(
        "v3:<script>x</script>"
    )
    expect(page.locator("main img")).to_have_count(0)
    expect(page.locator("main b")).to_have_count(0)
    assert page.evaluate("window.__pwned") is None
    created = section(page, "deliveries").locator('tr[data-key="1"]')  # conference.created, about that call
    created.locator("summary").click()
    expect(created.locator("pre").first).to_contain_text('"call_control_id": "v3:<script>x</script>"')
    expect(page.locator("main script")).to_have_count(0)
