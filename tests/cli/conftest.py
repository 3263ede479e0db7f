"""Fixtures for the CLI tests: the plan of the spec, and a CliRunner whose requests go to a MockTransport.

Tests run against whichever `telnyx_conferencing` is importable (``generated/`` after ``make generate``).
The plan comes from the project's spec (``spec/openapi.yaml``, or ``TELNYX_CONF_SPEC``), or from the
upstream spec when that is absent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from ..conftest import SPEC, UPSTREAM

API_KEY = "KEY_secret_123"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(scope="session")
def plan() -> Any:
    spec = next((path for path in (SPEC, UPSTREAM) if path.exists()), None)
    if spec is None:
        pytest.skip("neither spec/openapi.yaml nor the upstream spec is present")
    from generator.build import prepare

    built, _, _ = prepare(spec)
    return built


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TELNYX_API_KEY", "TELNYX_BASE_URL", "TELNYX_PUBLIC_KEY", "TELNYX_LOG"):
        monkeypatch.delenv(name, raising=False)


class Cli:
    """Runs ``telnyx-conf`` in-process; every request goes to `handler` and is recorded in `requests`."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response | Exception] = []
        self.default = httpx.Response(200, json={"data": {}})

    def respond(self, *responses: httpx.Response | Exception) -> None:
        """Queue responses (or transport exceptions to raise) for the next requests, in order."""
        self.responses.extend(responses)

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        item = self.responses.pop(0) if self.responses else self.default
        if isinstance(item, Exception):
            raise item
        return item

    def __call__(self, args: Sequence[str], *, api_key: str | None = API_KEY, **kwargs: Any) -> Result:
        from telnyx_conferencing.cli import cli

        env = kwargs.pop("env", {})
        if api_key is not None:
            env.setdefault("TELNYX_API_KEY", api_key)
        http_client = httpx.Client(transport=httpx.MockTransport(self.handler))
        try:
            return CliRunner().invoke(cli, list(args), obj={"http_client": http_client}, env=env, **kwargs)
        finally:
            http_client.close()


@pytest.fixture
def run() -> Cli:
    return Cli()


def error_lines(result: Result) -> list[str]:
    """The stderr lines of a failed run (there should be exactly one)."""
    return [line for line in result.stderr.splitlines() if line.strip()]
