"""`SandboxHarness`: a sandbox on a background thread plus an SDK client pointed at it, for tests and scripts."""

from __future__ import annotations

import time
from typing import Any, Self

from .._client import AsyncTelnyx, Telnyx
from ._app import SandboxApp
from ._clock import SandboxClock
from ._server import run_in_thread
from ._webhooks import ReceivedDelivery

__all__ = ["SANDBOX_API_KEY", "SandboxHarness"]

SANDBOX_API_KEY = "KEYSANDBOX_offline"


class SandboxHarness:
    """A running sandbox: `client` (sync SDK client), `public_key`, `events` (received webhooks), `stats()`.

    Webhooks go to the sandbox's in-memory inbox unless `webhook_url` is given. SDK retries do not
    sleep (`fast_retries`), and a delay fault outlasts the clients' `timeout` by a little, so
    fault-injection tests stay quick. Other keyword arguments go to `SandboxApp` (`speed=0` freezes the
    sandbox clock, so only `advance()` moves it).
    """

    def __init__(
        self, *, max_retries: int = 2, fast_retries: bool = True, timeout: float = 1.0, **options: Any
    ) -> None:
        options.setdefault("fault_delay", timeout + 0.25)
        self.app = SandboxApp(**options)
        self.base_url, self._stop = run_in_thread(self.app)
        self.public_key = self.app.public_key
        self._max_retries = max_retries
        self._fast_retries = fast_retries
        self._timeout = timeout
        self._clients: list[Telnyx] = []
        self.client = self.sync_client()

    def sync_client(self, **options: Any) -> Telnyx:
        """Another sync client for this sandbox; `options` go to `Telnyx(...)`."""
        options.setdefault("max_retries", self._max_retries)
        options.setdefault("timeout", self._timeout)
        client = Telnyx(api_key=SANDBOX_API_KEY, base_url=self.base_url, **options)
        if self._fast_retries:
            client._sleep = _no_sleep
        self._clients.append(client)
        return client

    def async_client(self, **options: Any) -> AsyncTelnyx:
        """An async client for this sandbox (close it yourself, or use it as an async context manager)."""
        options.setdefault("max_retries", self._max_retries)
        options.setdefault("timeout", self._timeout)
        client = AsyncTelnyx(api_key=SANDBOX_API_KEY, base_url=self.base_url, **options)
        if self._fast_retries:
            client._sleep = _no_async_sleep
        return client

    @property
    def clock(self) -> SandboxClock:
        """The sandbox's clock: `clock()` reads it, `clock.advance(s)` fires what falls due, `clock.speed`."""
        return self.app.clock

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward; queue timeouts, conference ends and media ends due by then fire first."""
        self.app.advance(seconds)

    @property
    def events(self) -> list[ReceivedDelivery]:
        """Webhook deliveries received so far (when no webhook_url was given), oldest first."""
        return self.app.inbox.items()

    def wait_for(self, event_type: str | None = None, count: int = 1, timeout: float = 5.0) -> list[ReceivedDelivery]:
        """Wait for `count` deliveries of `event_type` (any type when None); returns them all."""
        return self.app.inbox.wait_for(event_type, count, timeout)

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until no request is in flight and every webhook was delivered."""
        deadline = time.monotonic() + timeout
        while self.app.stats.in_flight > 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        self.app.wait_for_deliveries(max(0.0, deadline - time.monotonic()))

    def stats(self) -> dict[str, Any]:
        """The counters of ``GET /sandbox/stats`` (applied commands, deduplications, duplicates, faults)."""
        return self.app.stats_snapshot()

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self._stop()
        self.app.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _no_sleep(seconds: float) -> None:
    return None


async def _no_async_sleep(seconds: float) -> None:
    return None
