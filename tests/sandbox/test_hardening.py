"""Hostile or unlucky traffic: over-deep bodies, request ids on every response, and what counts as a duplicate."""

from __future__ import annotations

import logging

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, NotFoundError
from telnyx_conferencing.sandbox import SandboxApp
from telnyx_conferencing.sandbox._validation import MAX_BODY_DEPTH


async def test_an_over_deep_body_is_refused_with_a_telnyx_shaped_400(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    conference = (await http.post("/conferences", json={"call_control_id": "v3:h", "name": "deep"})).json()["data"]
    for body in (b"[" * 100_000, b'{"call_control_id": "v3:a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"):
        with caplog.at_level(logging.ERROR):
            response = await http.post(
                f"/conferences/{conference['id']}/actions/join",
                content=body,
                headers={"content-type": "application/json"},
            )
        assert response.status_code == 400
        (error,) = response.json()["errors"]
        assert error["code"] == "10002" and str(MAX_BODY_DEPTH) in error["detail"]
    assert "RecursionError" not in caplog.text


async def test_brackets_inside_strings_do_not_count_as_depth(http: httpx.AsyncClient) -> None:
    body = {"call_control_id": "v3:h", "name": "[" * 1000 + "{" * 1000}
    assert (await http.post("/conferences", json=body)).status_code == 200


async def test_every_response_carries_an_x_request_id(http: httpx.AsyncClient) -> None:
    responses = [
        await http.post("/conferences", json={"call_control_id": "v3:h", "name": "ids"}),
        await http.get("/conferences/unknown"),
        await http.get("/no/such/route"),
        await http.get("/sandbox/stats"),
        await http.get("/conferences", headers={"Authorization": ""}),
    ]
    ids = [r.headers.get("x-request-id") for r in responses]
    assert all(ids) and len(set(ids)) == len(ids)


async def test_the_request_id_reaches_the_sdk_error(client: AsyncTelnyx) -> None:
    with pytest.raises(NotFoundError) as caught:
        await client.conferences.retrieve("no-such-conference")
    assert caught.value.request_id and caught.value.request_id in str(caught.value)


async def _applied_twice(http: httpx.AsyncClient, app: SandboxApp, path: str, body: dict[str, object]) -> None:
    """Send `body` twice: the first is applied but answered 500 (a fault after applying), the retry succeeds."""
    app.faults.configure(rate=1.0, kinds={"500": 1.0}, after_share=1.0, streak_limit=1)
    assert (await http.post(path, json=body)).status_code == 500
    assert (await http.post(path, json=body)).status_code == 200
    app.faults.configure(rate=0.0)


async def test_a_retried_idempotent_command_is_not_a_duplicate(http: httpx.AsyncClient, app: SandboxApp) -> None:
    conference = (await http.post("/conferences", json={"call_control_id": "v3:h", "name": "dup"})).json()["data"]
    await _applied_twice(http, app, f"/conferences/{conference['id']}/actions/mute", {})
    await _applied_twice(http, app, f"/conferences/{conference['id']}/actions/hold", {})
    stats = app.stats_snapshot()
    assert (stats["duplicates_applied"], stats["idempotent_repeats"]) == (0, 2)
    await _applied_twice(http, app, f"/conferences/{conference['id']}/actions/play", {"audio_url": "https://e.x/a.mp3"})
    stats = app.stats_snapshot()
    assert (stats["duplicates_applied"], stats["idempotent_repeats"]) == (1, 2)
    assert "actions/play" in stats["duplicates"][0]["command"]
