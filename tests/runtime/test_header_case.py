"""Header names are case-insensitive: an override in any case replaces the base header, once, on the wire."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient

# (default_headers, extra_headers, wire name, expected value): each side in a case other than the base's.
CASES = [
    ({"USER-AGENT": "team-agent/1"}, None, "user-agent", "team-agent/1"),
    ({"user-agent": "team-agent/1"}, {"User-Agent": "call-agent/2"}, "user-agent", "call-agent/2"),
    (None, {"AUTHORIZATION": "Bearer other"}, "authorization", "Bearer other"),
    ({"authorization": "Bearer team"}, {"Authorization": "Bearer call"}, "authorization", "Bearer call"),
    ({"accept": "text/plain"}, None, "accept", "text/plain"),
    ({"X-Team": "a"}, {"x-TEAM": "b"}, "x-team", "b"),
    (None, {"x-trace": "t1", "X-Trace": "t2"}, "x-trace", "t2"),
]


def _occurrences(request: httpx.Request, name: str) -> list[str]:
    return [value for key, value in request.headers.multi_items() if key.lower() == name]


def _client(flavour: str, owned: bool, transport: httpx.MockTransport, **kwargs: Any) -> SyncAPIClient | AsyncAPIClient:
    """A client over `transport`, either injected (`http_client=`) or built by the SDK itself on first use."""
    if flavour == "sync":
        if not owned:
            return SyncAPIClient(http_client=httpx.Client(transport=transport), **kwargs)
        sync_client = SyncAPIClient(**kwargs)
        sync_client._make_http_client = lambda: httpx.Client(  # type: ignore[method-assign]
            transport=transport, timeout=sync_client._timeout, headers=sync_client._base_headers
        )
        return sync_client
    if not owned:
        return AsyncAPIClient(http_client=httpx.AsyncClient(transport=transport), **kwargs)
    async_client = AsyncAPIClient(**kwargs)
    async_client._make_http_client = lambda: httpx.AsyncClient(  # type: ignore[method-assign]
        transport=transport, timeout=async_client._timeout, headers=async_client._base_headers
    )
    return async_client


@pytest.mark.parametrize("owned", [True, False], ids=["sdk-client", "injected-client"])
@pytest.mark.parametrize(("default_headers", "extra_headers", "name", "value"), CASES)
async def test_each_header_reaches_the_wire_once_whatever_its_case(
    flavour: str,
    owned: bool,
    default_headers: dict[str, str] | None,
    extra_headers: dict[str, str] | None,
    name: str,
    value: str,
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {}})

    client = _client(flavour, owned, httpx.MockTransport(handler), default_headers=default_headers)
    extra = extra_headers or None
    if isinstance(client, SyncAPIClient):
        client.request("GET", "/conferences", cast=lambda body: body, extra_headers=extra)
    else:
        await client.request("GET", "/conferences", cast=lambda body: body, extra_headers=extra)
    (request,) = seen
    assert _occurrences(request, name) == [value]
    for base in ("accept", "user-agent", "authorization"):
        assert len(_occurrences(request, base)) == 1, base
