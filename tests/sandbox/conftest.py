"""Fixtures for the sandbox tests: an in-process app, SDK clients over ASGI or a real socket, and the spec oracle."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing.sandbox import SandboxApp, SandboxClock
from telnyx_conferencing.sandbox.pytest_plugin import (  # noqa: F401
    telnyx_sandbox,
    telnyx_sandbox_clock,
    telnyx_sandbox_options,
)
from tests.conftest import SPEC
from tests.contract.validator import SpecValidator

API_KEY = "KEY_sandbox_tests"
START = 1_700_000_000.0  # the frozen sandbox clock of the `app` fixture starts here


@pytest.fixture(scope="session")
def spec_validator() -> SpecValidator:
    return SpecValidator(SPEC)


@pytest.fixture
def app() -> Iterator[SandboxApp]:
    """A sandbox whose clock moves only when a test advances it (`app.advance(seconds)`)."""
    sandbox = SandboxApp(seed=1234, clock=SandboxClock(start=START, speed=0))
    yield sandbox
    sandbox.close()


@pytest.fixture
def http(app: SandboxApp) -> httpx.AsyncClient:
    """Raw HTTP to the in-process app (for what the SDK would refuse to send)."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://sandbox.test/v2",
        headers={"Authorization": f"Bearer {API_KEY}"},
    )


@pytest.fixture
async def client(app: SandboxApp, spec_validator: SpecValidator) -> AsyncIterator[AsyncTelnyx]:
    """An async SDK client over ASGITransport; every response it gets is checked against spec/."""
    problems: list[str] = []

    async def check(response: httpx.Response) -> None:
        await response.aread()
        payload = json.loads(response.content) if response.content else None
        problems.extend(
            spec_validator.response_problems(
                response.request.method, raw_path(response.request), response.status_code, payload
            )
        )

    http_client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), event_hooks={"response": [check]})
    async with AsyncTelnyx(api_key=API_KEY, base_url="http://sandbox.test/v2", http_client=http_client) as sdk:
        yield sdk
    await http_client.aclose()
    assert not problems, "responses that break spec/:\n" + "\n".join(problems)


def raw_path(request: httpx.Request) -> str:
    """The path as sent (ids still percent-encoded), which is what the spec oracle matches."""
    return request.url.raw_path.split(b"?")[0].decode("ascii")
