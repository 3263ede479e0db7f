"""The console's endpoints without a browser: the page and assets, GET /sandbox/state, and the actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp, SandboxClock
from telnyx_conferencing.webhooks import unwrap

from .conftest import START
from .helpers import delivered, event_types, occurred_at

CONSOLE = Path(__file__).resolve().parents[2] / "overlays" / "lib" / "sandbox" / "console"


async def state(http: httpx.AsyncClient) -> dict[str, Any]:
    response = await http.get("/sandbox/state")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    document: dict[str, Any] = response.json()
    return document


def leg(document: dict[str, Any], call_control_id: str) -> dict[str, Any]:
    return next(c for c in document["calls"] if c["call_control_id"] == call_control_id)


async def test_the_page_and_its_assets_come_from_the_package(http: httpx.AsyncClient) -> None:
    page = await http.get("/sandbox/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.content == (CONSOLE / "index.html").read_bytes()
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    for name, kind in [("console.js", "text/javascript"), ("console.css", "text/css"), ("icon.svg", "image/svg+xml")]:
        asset = await http.get(f"/sandbox/console/{name}")
        assert asset.headers["content-type"].startswith(kind) and asset.content == (CONSOLE / name).read_bytes()
        assert asset.headers["x-content-type-options"] == "nosniff"
    for missing in ["/sandbox/console/index.htm", "/sandbox/console/..%2F_app.py", "/sandbox/console/_state.py"]:
        assert (await http.get(missing)).status_code == 404
    assert (await http.get("http://sandbox.test/sandbox", follow_redirects=False)).headers["location"] == "/sandbox/"
    text = (CONSOLE / "console.js").read_text()
    assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "eval(" not in text
    assert "http://" not in (CONSOLE / "index.html").read_text()  # nothing from a CDN: works offline


async def test_an_inbound_call_is_parked_and_announced_with_a_signed_call_initiated(
    app: SandboxApp, http: httpx.AsyncClient
) -> None:
    response = await http.post("/sandbox/calls/inbound", json={"from": "+13125550100", "to": "+13125550199"})
    assert response.status_code == 201
    call_control_id = response.json()["data"]["call_control_id"]
    (initiated,) = delivered(app, "call.initiated")
    event = unwrap(initiated.body, initiated.headers, public_key=app.public_key)  # signed like every delivery
    assert event.event_type == "call.initiated"
    payload = initiated.payload
    assert payload["call_control_id"] == call_control_id and payload["direction"] == "incoming"
    assert (payload["from"], payload["to"], payload["state"]) == ("+13125550100", "+13125550199", "parked")
    assert payload["connection_id"] == app.state.connection_id and occurred_at(initiated)
    document = await state(http)
    assert leg(document, call_control_id) | {"timeline": None} == leg(document, call_control_id) | {
        "state": "parked",
        "direction": "incoming",
        "from": "+13125550100",
        "to": "+13125550199",
        "timeline": None,
    }
    assert [t["event"] for t in leg(document, call_control_id)["timeline"]] == ["call.initiated"]


@pytest.mark.parametrize(
    ("body", "status", "pointer"),
    [
        ({"to": "+1"}, 422, "/from"),
        ({"from": " ", "to": "+1"}, 422, "/from"),
        ({"from": "+1", "to": "+2", "dtmf": "1"}, 422, ""),
        ({"from": "+1", "to": "+2", "client_state": "not base64!"}, 422, "/client_state"),
        ([1], 422, ""),
    ],
)
async def test_inbound_calls_are_checked(
    http: httpx.AsyncClient, body: Any, status: int, pointer: str | None, app: SandboxApp
) -> None:
    response = await http.post("/sandbox/calls/inbound", json=body)
    assert response.status_code == status
    assert response.json()["errors"][0].get("source", {}).get("pointer", "") == pointer
    assert not app.state.calls


async def test_actions_take_json_only(http: httpx.AsyncClient) -> None:
    """A cross-site form can post text/plain or form data, never JSON without a (refused) preflight."""
    form = await http.post("/sandbox/calls/inbound", data={"from": "+1", "to": "+2"})
    assert form.status_code == 415
    broken = await http.post("/sandbox/calls/inbound", content=b"{", headers={"content-type": "application/json"})
    assert broken.status_code == 422
    preflight = await http.options("/sandbox/calls/inbound", headers={"origin": "http://evil.test"})
    assert "access-control-allow-origin" not in preflight.headers


async def test_hanging_up_legs(client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="desk")).data
    await client.conferences.actions.join(conference.id, call_control_id="v3:caller")
    await client.calls.actions.enqueue("v3:waiting", queue_name="support")
    delivered(app)

    assert (await http.post("/sandbox/calls/v3:caller/hangup", json={})).status_code == 200
    assert event_types(app)[-2:] == ["conference.participant.left", "call.hangup"]
    assert delivered(app, "call.hangup")[0].payload["hangup_cause"] == "normal_clearing"
    again = await http.post("/sandbox/calls/v3:caller/hangup", json={})
    assert again.status_code == 422 and again.json()["errors"][0]["code"] == "90018"
    unknown = await http.post("/sandbox/calls/v3:nobody/hangup", json={})
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["code"] == "10007"

    await http.post("/sandbox/calls/v3:waiting/hangup", json={})
    assert delivered(app, "call.dequeued")[0].payload["reason"] == "hangup"
    await http.post("/sandbox/calls/v3:agent/hangup", json={})  # the last one leaves: the conference ends
    assert delivered(app, "conference.ended")[0].payload["reason"] == "all_left"
    document = await state(http)
    assert {c["call_control_id"]: c["state"] for c in document["calls"]} == {
        "v3:agent": "hangup",
        "v3:caller": "hangup",
        "v3:waiting": "hangup",
    }
    assert document["conferences"][0]["status"] == "completed"


async def test_ending_a_conference_and_redelivering_a_webhook(
    client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient
) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="desk")).data
    assert (await http.post(f"/sandbox/conferences/{conference.id}/end", json={})).status_code == 200
    assert event_types(app)[-1] == "conference.ended"
    assert (await state(http))["conferences"][0]["end_reason"] == "ended_via_api"
    assert (await http.post(f"/sandbox/conferences/{conference.id}/end", json={})).status_code == 422
    assert (await http.post("/sandbox/conferences/nope/end", json={})).status_code == 404

    resent = await http.post("/sandbox/events/1/redeliver", json={})
    assert resent.status_code == 202 and resent.json()["data"]["redelivery_of"] == 1
    created = delivered(app, "conference.created")
    assert len(created) == 2 and created[0].data["id"] == created[1].data["id"]
    assert (await http.post("/sandbox/events/99/redeliver", json={})).status_code == 404
    deliveries = (await state(http))["deliveries"]
    assert deliveries[0]["redelivery_of"] == 1 and deliveries[0]["id"] == deliveries[-1]["id"]


async def test_the_state_shows_participants_queues_and_recordings(
    client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient
) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="desk")).data
    for call in ("v3:caller", "v3:coach"):
        await client.conferences.actions.join(conference.id, call_control_id=call)
    await client.conferences.actions.mute(conference.id, call_control_ids=["v3:caller"])
    await client.conferences.actions.hold(conference.id, call_control_ids=["v3:caller"])
    await client.conferences.actions.update(
        conference.id, call_control_id="v3:coach", supervisor_role="whisper", whisper_call_control_ids=["v3:agent"]
    )
    await client.conferences.actions.record_start(conference.id, format="mp3")
    await client.conferences.actions.record_pause(conference.id)
    await client.calls.actions.enqueue("v3:q1", queue_name="support")
    app.advance(30)
    await client.calls.actions.enqueue("v3:q2", queue_name="support")

    document = await state(http)
    (shown,) = document["conferences"]
    assert (shown["name"], shown["status"], shown["recording"]) == ("desk", "in_progress", "paused")
    people = {p["call_control_id"]: p for p in shown["participants"]}
    assert (people["v3:caller"]["muted"], people["v3:caller"]["on_hold"]) == (True, True)
    assert people["v3:coach"]["whispering"] and people["v3:coach"]["whisper_call_control_ids"] == ["v3:agent"]
    assert people["v3:coach"]["supervisor_role"] == "whisper" and not people["v3:agent"]["muted"]
    (queue,) = document["queues"]
    assert [(c["call_control_id"], c["position"], c["wait_time_secs"]) for c in queue["calls"]] == [
        ("v3:q1", 1, 30),
        ("v3:q2", 2, 0),
    ]
    assert leg(document, "v3:q1")["state"] == "queued" and leg(document, "v3:caller")["state"] == "in_conference"
    assert [r["state"] for r in document["recordings"]] == ["paused"]
    await client.conferences.actions.record_stop(conference.id)
    assert [(r["state"], r["conference"]) for r in (await state(http))["recordings"]] == [("saved", "desk")]


async def test_api_calls_are_logged_without_credentials() -> None:
    secret = "KEY0123456789abcdef_secret"
    app = SandboxApp(seed=5, api_key=secret, clock=SandboxClock(start=START, speed=0))
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox.test")
    auth = {"Authorization": f"Bearer {secret}"}
    created = await http.post("/v2/conferences", json={"call_control_id": "v3:a", "name": secret}, headers=auth)
    assert created.status_code == 200
    wrong = await http.get(
        "/v2/conferences", headers={"Authorization": "Bearer KEYwrong-guess", "X-Api-Token": "tok-sensitive"}
    )
    assert wrong.status_code == 401
    text = (await http.get("/sandbox/state")).text
    app.close()
    assert secret not in text and "KEYwrong-guess" not in text and secret[4:12] not in text
    assert "tok-sensitive" not in text
    requests = httpx.Response(200, text=text).json()["requests"]
    assert [r["status"] for r in requests] == [401, 200]
    assert {r["request_headers"]["authorization"] for r in requests} == {"<redacted>"}
    assert requests[1]["request_body"]["name"] == "<redacted>" and requests[1]["operation_id"] == "CreateConference"
    assert requests[1]["response_body"]["data"]["name"] == "<redacted>" and requests[1]["request_id"]
    assert requests[1]["at"].startswith("2023-11-14T22:13:20")


async def test_faults_are_logged_with_the_request_and_the_phase(
    client: AsyncTelnyx, app: SandboxApp, http: httpx.AsyncClient
) -> None:
    conference = (await client.conferences.create(call_control_id="v3:agent", name="desk")).data
    app.faults.configure(rate=1.0, kinds={"500": 1.0}, after_share=1.0)
    assert (
        await http.post(f"/conferences/{conference.id}/actions/join", json={"call_control_id": "v3:b"})
    ).status_code == 500
    app.faults.configure(kinds={"reset": 1.0}, after_share=0.0)
    with pytest.raises(httpx.ReadError):
        await http.post(f"/conferences/{conference.id}/actions/mute", json={})
    app.faults.configure(rate=0.0)
    document = await state(http)
    assert [(f["operation_id"], f["kind"], f["phase"], f["status"]) for f in document["faults"]["injected"]] == [
        ("MuteConferenceParticipants", "reset", "before", None),
        ("JoinConference", "500", "after", 500),
    ]
    assert document["requests"][0]["outcome"] == "error: ReadError"
    assert document["faults"]["settings"]["rate"] == 0.0


def test_deliveries_record_the_target_latency_signature_and_each_attempt() -> None:
    app = SandboxApp(seed=9, webhook_url="http://127.0.0.1:9/closed", webhook_backoff=(0.01, 0.01))
    try:
        app.state.inbound_call(from_number="+1", to_number="+2")
        assert app.wait_for_deliveries(10.0)
        (delivery,) = [d.to_json() for d in app.deliverer.log()]
    finally:
        app.close()
    assert (delivery["status"], delivery["attempts"], delivery["target"]) == ("failed", 3, "http://127.0.0.1:9/closed")
    assert delivery["signature_verified"] is True and delivery["response_status"] is None
    assert [a["attempt"] for a in delivery["history"]] == [1, 2, 3]
    assert all(a["error"].startswith("ConnectError") and a["latency_ms"] >= 0 for a in delivery["history"])


def test_the_console_ships_in_the_package_verbatim() -> None:
    """The generator copies non-Python files as they are (no header), and the wheel's package data lists them."""
    import tomllib

    import telnyx_conferencing

    shipped = Path(telnyx_conferencing.__file__).parent / "sandbox" / "console"
    names = sorted(path.name for path in CONSOLE.iterdir())
    assert names and sorted(path.name for path in shipped.iterdir()) == names
    for name in names:
        assert (shipped / name).read_bytes() == (CONSOLE / name).read_bytes(), name
    pyproject = tomllib.loads((CONSOLE.parents[3] / "pyproject.toml").read_text())
    assert "sandbox/console/*" in pyproject["tool"]["setuptools"]["package-data"]["telnyx_conferencing"]
