"""Requests that break the spec: Telnyx-shaped 422s (raised by the SDK as UnprocessableEntityError), 401, 404, 405."""

from __future__ import annotations

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, AuthenticationError, UnprocessableEntityError
from telnyx_conferencing.sandbox import SandboxApp


async def _conference(client: AsyncTelnyx) -> str:
    return str((await client.conferences.create(call_control_id="v3:agent", name="v")).data.id)


async def test_wrong_enum_in_the_body_is_a_422_the_sdk_raises(client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.conferences.actions.record_start(conference, format="mp3", extra_body={"channels": "quad"})
    (error,) = caught.value.errors
    assert (error.code, error.title) == ("10032", "Invalid enumerated value")
    assert error.detail == "The 'channels' value must be one of: single, dual."
    assert error.source == {"pointer": "/channels"}
    assert "channels" in str(caught.value)


async def test_every_violation_is_reported(http: httpx.AsyncClient) -> None:
    response = await http.post("/conferences", json={"name": 5, "max_participants": "many"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    by_pointer = {e["source"]["pointer"]: (e["code"], e["title"]) for e in errors}
    assert by_pointer == {
        "/call_control_id": ("10004", "Missing required parameter"),
        "/name": ("10015", "Invalid value"),
        "/max_participants": ("10015", "Invalid value"),
    }
    assert all(set(e) == {"code", "title", "detail", "source"} for e in errors)


async def test_range_and_type_rules_from_the_spec(http: httpx.AsyncClient, client: AsyncTelnyx) -> None:
    conference = await _conference(client)
    response = await http.post(
        f"/conferences/{conference}/actions/send_dtmf", json={"digits": "1", "duration_millis": 50}
    )
    assert response.json()["errors"][0]["code"] == "10033"
    assert response.json()["errors"][0]["source"] == {"pointer": "/duration_millis"}
    response = await http.post(f"/conferences/{conference}/actions/unhold", json={})
    assert response.json()["errors"][0]["detail"] == "The 'call_control_ids' parameter is required and cannot be blank."
    response = await http.post(f"/conferences/{conference}/actions/mute", json={"call_control_ids": [1]})
    assert response.json()["errors"][0]["source"] == {"pointer": "/call_control_ids/0"}


async def test_query_parameters_are_validated_in_deep_object_form(http: httpx.AsyncClient) -> None:
    response = await http.get("/conferences", params={"page[size]": "500"})
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert (error["code"], error["source"]) == ("10033", {"parameter": "page[size]"})
    response = await http.get("/conferences", params={"filter[status]": "sleeping"})
    assert response.json()["errors"][0]["source"] == {"parameter": "filter[status]"}
    response = await http.get("/conferences", params={"page[number]": "two"})
    assert response.status_code == 422
    assert (await http.get("/conferences", params={"page[number]": "2", "filter[name]": "x"})).status_code == 200


async def test_not_json_and_not_an_object(http: httpx.AsyncClient) -> None:
    response = await http.post("/conferences", content=b"{nope", headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["errors"][0]["title"] == "Bad request"
    response = await http.post("/conferences", json=[1, 2])
    assert response.status_code == 422


async def test_bearer_auth_is_required(app: SandboxApp) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as raw:
        response = await raw.get("/conferences")
        assert response.status_code == 401
        assert response.json()["errors"][0]["code"] == "10009"
        assert (await raw.get("/conferences", headers={"Authorization": "Basic abc"})).status_code == 401
        assert (await raw.get("/sandbox/public-key")).status_code == 200  # the sandbox's own endpoints need none


async def test_a_configured_api_key_must_match() -> None:
    app = SandboxApp(api_key="right")
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="wrong", base_url="http://sandbox.test", http_client=http) as sdk:
        with pytest.raises(AuthenticationError):
            await sdk.conferences.list()
    async with AsyncTelnyx(api_key="right", base_url="http://sandbox.test", http_client=http) as sdk:
        assert (await sdk.conferences.list()).data == []
    await http.aclose()
    app.close()


@pytest.mark.parametrize("base", ["http://sandbox.test", "http://sandbox.test/v2", "http://sandbox.test/v2/"])
async def test_base_path_v2_is_optional(app: SandboxApp, base: str) -> None:
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncTelnyx(api_key="k", base_url=base, http_client=http) as sdk:
        created = await sdk.conferences.create(call_control_id=f"v3:{base}", name=base)
        assert (await sdk.conferences.retrieve(created.data.id)).data.name == base
    await http.aclose()


async def test_unknown_path_and_wrong_method(http: httpx.AsyncClient) -> None:
    response = await http.get("/conferences/abc/actions/dance")
    assert response.status_code == 404 and response.json()["errors"][0]["code"] == "10007"
    response = await http.delete("/conferences")
    assert response.status_code == 405 and "GET or POST" in response.json()["errors"][0]["detail"]


async def test_ids_with_slashes_and_colons_survive_the_path(client: AsyncTelnyx, app: SandboxApp) -> None:
    call = "v3:abc/def+ghi=="
    await client.calls.actions.enqueue(call, queue_name="q")
    assert call in app.state.calls
