"""Fixtures for the runtime-core tests: a fake API key, MockTransport clients, and a recording sleeper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient

API_KEY = "KEY_secret_123"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def api_key_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TELNYX_API_KEY", API_KEY)
    monkeypatch.delenv("TELNYX_BASE_URL", raising=False)
    return API_KEY


class Harness:
    """One client of either flavour over a MockTransport, with sleeps recorded instead of slept."""

    def __init__(self, flavour: str, handler: Handler, **client_kwargs: Any) -> None:
        self.flavour = flavour
        self.sleeps: list[float] = []
        transport = httpx.MockTransport(handler)
        self.client: SyncAPIClient | AsyncAPIClient
        if flavour == "sync":
            self.client = SyncAPIClient(http_client=httpx.Client(transport=transport), **client_kwargs)
            self.client._sleep = self.sleeps.append
        else:
            self.client = AsyncAPIClient(http_client=httpx.AsyncClient(transport=transport), **client_kwargs)

            async def record(delay: float) -> None:
                self.sleeps.append(delay)

            self.client._sleep = record
        self.client._random = lambda: 0.0  # jitter factor 1.0: delays are exact

    async def request(self, method: str = "GET", path: str = "/conferences", **kwargs: Any) -> Any:
        kwargs.setdefault("cast", lambda body: body)
        if isinstance(self.client, SyncAPIClient):
            return self.client.request(method, path, **kwargs)
        return await self.client.request(method, path, **kwargs)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def harness(flavour: str) -> Callable[..., Harness]:
    def make(handler: Handler, **client_kwargs: Any) -> Harness:
        return Harness(flavour, handler, **client_kwargs)

    return make


def _respond_in_turn(*responses: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    """A handler that answers each request with the next item (raising exceptions), and the requests it saw."""
    seen: list[httpx.Request] = []
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = queue.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    return handler, seen


@pytest.fixture
def respond_in_turn() -> Callable[..., tuple[Handler, list[httpx.Request]]]:
    return _respond_in_turn
