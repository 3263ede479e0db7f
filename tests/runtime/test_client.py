"""Client configuration, request building, raw mode, copies and ownership of the HTTP client."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient
from telnyx_conferencing._exceptions import MissingAPIKeyError, NotFoundError
from telnyx_conferencing._response import APIResponse, AsyncAPIResponse
from telnyx_conferencing._version import __version__

MakeHarness = Callable[..., Any]
RespondInTurn = Callable[..., Any]


def ok(body: object = None) -> httpx.Response:
    return httpx.Response(200, json=body if body is not None else {"data": {"id": "c1"}})


def test_missing_key_names_the_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELNYX_API_KEY")
    with pytest.raises(MissingAPIKeyError, match="TELNYX_API_KEY"):
        SyncAPIClient()
    with pytest.raises(MissingAPIKeyError, match="TELNYX_API_KEY"):
        AsyncAPIClient(api_key="")


def test_base_url_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SyncAPIClient().base_url == "https://api.telnyx.com/v2"
    monkeypatch.setenv("TELNYX_BASE_URL", "http://localhost:4010/v2/")
    assert SyncAPIClient().base_url == "http://localhost:4010/v2"
    assert SyncAPIClient(base_url=httpx.URL("https://other/v2")).base_url == "https://other/v2"


def test_negative_max_retries_rejected() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        SyncAPIClient(max_retries=-1)


async def test_request_shape(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(ok())
    h = harness(handler, api_key="k-explicit", default_headers={"X-Team": "voice"})
    result = await h.request(
        "POST",
        "/conferences/c1/actions/mute",
        params=[("filter[a]", "1")],
        json={"call_control_ids": ["x"]},
        cast=lambda body: ("cast", body),
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": True, "filter": {"b": 2}},
        extra_body={"command_id": "cmd-1"},
    )
    assert result == ("cast", {"data": {"id": "c1"}})
    (request,) = seen
    assert str(request.url) == (
        "https://api.telnyx.com/v2/conferences/c1/actions/mute?filter[a]=1&debug=true&filter[b]=2"
    )
    assert request.headers["authorization"] == "Bearer k-explicit"
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == f"telnyx-conferencing-python/{__version__}"
    assert request.headers["x-team"] == "voice" and request.headers["x-trace"] == "t1"
    assert json.loads(request.content) == {"call_control_ids": ["x"], "command_id": "cmd-1"}


async def test_get_without_body_has_no_content_type(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(ok())
    await harness(handler).request("GET", "conferences/c1")
    assert "content-type" not in seen[0].headers
    assert seen[0].url.path == "/v2/conferences/c1"


async def test_empty_body_casts_none(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, _ = respond_in_turn(httpx.Response(204))
    assert await harness(handler).request() is None


async def test_raw_response(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, _ = respond_in_turn(ok(), httpx.Response(404, json={"errors": [{"code": "not_found"}]}))
    h = harness(handler)
    calls: list[object] = []

    def cast(body: object) -> str:
        calls.append(body)
        return "model"

    raw_client = h.client._in_mode("raw")
    kwargs: dict[str, Any] = {"cast": cast}
    response = raw_client.request("GET", "/x", **kwargs)
    if isinstance(raw_client, AsyncAPIClient):
        response = await response
        assert isinstance(response, AsyncAPIResponse)
        assert await response.json() == {"data": {"id": "c1"}} and "c1" in await response.text()
        assert await response.parse() == "model" and await response.parse() == "model"
    else:
        assert isinstance(response, APIResponse)
        assert response.json() == {"data": {"id": "c1"}} and "c1" in response.text()
        assert response.parse() == "model" and response.parse() == "model"
    assert response.status_code == 200 and response.request_id is None
    assert len(calls) == 1
    assert repr(response).startswith(f"<{type(response).__name__} [200 OK] GET https://api.telnyx.com/v2/x")
    assert h.client._response_mode == "parse"
    with pytest.raises(NotFoundError):
        result = raw_client.request("GET", "/x", **kwargs)
        if isinstance(raw_client, AsyncAPIClient):
            await result


def test_with_options_copies_and_shares_http_client() -> None:
    http_client = httpx.Client()
    client = SyncAPIClient(http_client=http_client, default_headers={"A": "1"}, max_retries=2)
    sleeps: list[float] = []
    client._sleep = sleeps.append
    copy = client.with_options(max_retries=5, default_headers={"B": "2"}, timeout=3.0)
    assert type(copy) is SyncAPIClient and copy is not client
    assert copy.max_retries == 5 and client.max_retries == 2
    assert copy.timeout == 3.0 and copy.base_url == client.base_url
    assert copy._client is http_client
    assert copy._default_headers == {"A": "1", "B": "2"}
    assert copy._sleep == sleeps.append
    assert copy.auto_command_id is True and client.with_options(auto_command_id=False).auto_command_id is False
    with pytest.raises(TypeError):
        client.with_options(no_such_option=1)


def test_subclass_copies_keep_their_type() -> None:
    class Telnyx(SyncAPIClient):
        pass

    assert type(Telnyx().with_options(max_retries=0)) is Telnyx
    assert type(Telnyx()._in_mode("raw")) is Telnyx


def test_close_only_closes_owned_client() -> None:
    injected = httpx.Client()
    with SyncAPIClient(http_client=injected):
        pass
    assert not injected.is_closed
    owned = SyncAPIClient()
    copy = owned.with_options(max_retries=0)
    copy.close()
    assert not owned._client.is_closed
    with owned:
        pass
    assert owned._client.is_closed
    never_used = SyncAPIClient()
    never_used.close()  # its httpx client was never built (it is made on first use)
    with pytest.raises(RuntimeError, match="closed"):
        never_used.request("GET", "/conferences", cast=lambda body: body)


async def test_aclose_only_closes_owned_client() -> None:
    injected = httpx.AsyncClient()
    async with AsyncAPIClient(http_client=injected):
        pass
    assert not injected.is_closed
    async with AsyncAPIClient() as owned:
        pass
    with pytest.raises(RuntimeError, match="closed"):
        await owned.request("GET", "/conferences", cast=lambda body: body)


def test_repr() -> None:
    assert repr(SyncAPIClient()) == "<SyncAPIClient base_url='https://api.telnyx.com/v2' max_retries=2>"


def test_api_response_properties() -> None:
    request = httpx.Request("GET", "https://api.telnyx.com/v2/x")
    http_response = httpx.Response(200, json={"a": 1}, headers={"request-id": "r-9"}, request=request)
    http_response.elapsed = datetime.timedelta(milliseconds=12)
    response = APIResponse(http_response, cast=lambda body: body["a"])
    assert response.elapsed == datetime.timedelta(milliseconds=12)
    assert response.request_id == "r-9" and response.headers["request-id"] == "r-9"
    assert response.parse() == 1 and response.json() == {"a": 1}
