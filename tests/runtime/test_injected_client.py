"""An injected `http_client=` keeps everything its owner set on it: headers (also when changed between calls),
cookies, query params, its own `build_request`, with the SDK's headers and timeout added to each request."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient

from .conftest import API_KEY


def _recording() -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {}})

    return seen, httpx.MockTransport(handler)


def _http_client(flavour: str, transport: httpx.MockTransport, cls: type[Any] | None = None, **kwargs: Any) -> Any:
    return (cls or (httpx.Client if flavour == "sync" else httpx.AsyncClient))(transport=transport, **kwargs)


async def _get(client: SyncAPIClient | AsyncAPIClient, **kwargs: Any) -> None:
    if isinstance(client, SyncAPIClient):
        client.request("GET", "/conferences", cast=lambda body: body, **kwargs)
    else:
        await client.request("GET", "/conferences", cast=lambda body: body, **kwargs)


def _sdk(flavour: str, http_client: Any, **kwargs: Any) -> SyncAPIClient | AsyncAPIClient:
    return (SyncAPIClient if flavour == "sync" else AsyncAPIClient)(http_client=http_client, **kwargs)


async def test_the_injected_clients_headers_cookies_and_params_go_with_the_sdks_headers(flavour: str) -> None:
    seen, transport = _recording()
    http_client = _http_client(
        flavour, transport, headers={"X-Proxy-Auth": "p1"}, cookies={"lb": "node-7"}, params={"tenant": "t1"}
    )
    await _get(_sdk(flavour, http_client), extra_query={"page": {"size": 5}})
    (request,) = seen
    assert request.headers["x-proxy-auth"] == "p1"
    assert request.headers["cookie"] == "lb=node-7"
    assert request.url.params["tenant"] == "t1" and request.url.params["page[size]"] == "5"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["user-agent"].startswith("telnyx-conferencing-python/")
    assert request.extensions["timeout"] == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}


async def test_a_change_to_the_injected_clients_headers_reaches_the_next_call(flavour: str) -> None:
    seen, transport = _recording()
    http_client = _http_client(flavour, transport, headers={"X-Tenant": "first"})
    client = _sdk(flavour, http_client)
    await _get(client)
    http_client.headers["X-Tenant"] = "second"
    await _get(client)
    http_client.headers = {"X-Other": "third"}
    await _get(client)
    assert [request.headers.get("x-tenant") for request in seen] == ["first", "second", None]
    assert seen[2].headers["x-other"] == "third"
    assert all(request.headers["authorization"] == f"Bearer {API_KEY}" for request in seen)


async def test_the_sdks_headers_win_over_the_injected_clients_and_extra_headers_over_both(flavour: str) -> None:
    seen, transport = _recording()
    http_client = _http_client(flavour, transport, headers={"Authorization": "Bearer proxy", "Accept": "*/*"})
    client = _sdk(flavour, http_client)
    await _get(client)
    await _get(client, extra_headers={"accept": "text/csv"})
    assert [request.headers.get_list("authorization") for request in seen] == [[f"Bearer {API_KEY}"]] * 2
    assert [request.headers.get_list("accept") for request in seen] == [["application/json"], ["text/csv"]]


@pytest.mark.parametrize("timeout", [2.5, None])
async def test_a_per_call_timeout_reaches_an_injected_client(flavour: str, timeout: float | None) -> None:
    seen, transport = _recording()
    await _get(_sdk(flavour, _http_client(flavour, transport)), timeout=timeout)
    assert seen[0].extensions["timeout"] == {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}


async def test_an_injected_client_with_its_own_build_request_builds_every_request(flavour: str) -> None:
    seen, transport = _recording()
    base = httpx.Client if flavour == "sync" else httpx.AsyncClient

    class Signing(base):  # type: ignore[valid-type,misc]
        def build_request(self, method: str, url: Any, **kwargs: Any) -> httpx.Request:
            request = super().build_request(method, url, **kwargs)
            request.headers["X-Signature"] = f"signed {method}"
            return request

    await _get(_sdk(flavour, _http_client(flavour, transport, cls=Signing)))
    (request,) = seen
    assert request.headers["x-signature"] == "signed GET"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"


async def test_the_calls_query_params_win_over_the_injected_clients_of_the_same_name(flavour: str) -> None:
    seen, transport = _recording()
    http_client = _http_client(flavour, transport, params={"page[size]": "20", "tenant": "t1"})
    await _get(_sdk(flavour, http_client), extra_query={"page": {"size": 5}})
    (request,) = seen
    assert request.url.params.multi_items() == [("tenant", "t1"), ("page[size]", "5")]


async def test_an_injected_client_with_its_own_build_request_and_params_keeps_the_calls_query(flavour: str) -> None:
    seen, transport = _recording()
    base = httpx.Client if flavour == "sync" else httpx.AsyncClient

    class Custom(base):  # type: ignore[valid-type,misc]
        def build_request(self, method: str, url: Any, **kwargs: Any) -> httpx.Request:
            return super().build_request(method, url, **kwargs)

    await _get(
        _sdk(flavour, _http_client(flavour, transport, cls=Custom, params={"tenant": "t1"})), extra_query={"a": 1}
    )
    (request,) = seen
    assert sorted(request.url.params.multi_items()) == [("a", "1"), ("tenant", "t1")]
