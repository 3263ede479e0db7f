"""The API key never shows up in a repr, a message, a log record or raw-mode output."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from telnyx_conferencing import _logs
from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient
from telnyx_conferencing._exceptions import APIConnectionError, AuthenticationError
from telnyx_conferencing._logs import redact_headers, setup_logging

KEY = "KEY_secret_123"


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/down"):
        raise httpx.ConnectError(f"cannot reach {request.url}")
    if request.url.path.endswith("/denied"):
        return httpx.Response(401, json={"errors": [{"code": "10009", "title": "Authentication failed"}]})
    if request.url.path.endswith("/flaky"):
        return httpx.Response(503)
    return httpx.Response(200, json={"data": {"id": "c1"}}, headers={"x-request-id": "req-1"})


def assert_hidden(*objects: Any) -> None:
    for obj in objects:
        assert KEY not in repr(obj) and KEY not in str(obj), obj


def test_client_and_copies_hide_the_key() -> None:
    client = SyncAPIClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    assert client._api_key.reveal() == KEY
    assert_hidden(client, vars(client), client._in_mode("raw"), vars(client._in_mode("raw")))
    assert_hidden(client.with_options(max_retries=0), client._base_headers)


def test_errors_responses_and_logs_hide_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="telnyx_conferencing")
    client = SyncAPIClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client._sleep = lambda delay: None

    def identity(body: Any) -> Any:
        return body

    with pytest.raises(AuthenticationError) as denied:
        client.request("GET", "/denied", cast=identity)
    with pytest.raises(APIConnectionError) as down:
        client.request("GET", "/down", cast=identity)
    with pytest.raises(Exception) as flaky:
        client.request("GET", "/flaky", cast=identity)
    raw = client._in_mode("raw").request("GET", "/ok", cast=identity)
    assert_hidden(
        denied.value,
        vars(denied.value),
        denied.value.request,
        denied.value.request.headers if denied.value.request else None,
    )
    assert_hidden(down.value, vars(down.value), flaky.value, raw, raw.headers, raw.http_response.request.headers)

    assert len(caplog.records) >= 8
    for record in caplog.records:
        assert KEY not in record.getMessage()
        assert KEY not in repr(record.args)
    assert any("Bearer <redacted>" in record.getMessage() for record in caplog.records)
    assert any("attempt 3" in record.getMessage() for record in caplog.records)


async def test_async_logs_hide_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="telnyx_conferencing")
    async with AsyncAPIClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))) as client:
        raw = await client._in_mode("raw").request("GET", "/ok", cast=lambda body: body)
    assert_hidden(raw, client, vars(client))
    assert caplog.records and all(KEY not in record.getMessage() for record in caplog.records)


def test_redact_headers() -> None:
    headers = {
        "AUTHORIZATION": "Bearer abc",
        "X-Api-Key": "k",
        "x-auth-token": "t",
        "Client-Secret": "s",
        "Accept": "application/json",
    }
    assert redact_headers(headers) == {
        "AUTHORIZATION": "Bearer <redacted>",
        "X-Api-Key": "<redacted>",
        "x-auth-token": "<redacted>",
        "Client-Secret": "<redacted>",
        "Accept": "application/json",
    }
    assert redact_headers(httpx.Headers({"authorization": "Bearer x"})) == {"authorization": "Bearer <redacted>"}


def test_telnyx_log_env_installs_one_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("telnyx_conferencing")
    monkeypatch.setattr(_logs, "_handler_installed", False)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    monkeypatch.setenv("TELNYX_LOG", "info")
    SyncAPIClient()
    setup_logging()
    assert len(logger.handlers) == 1 and logger.level == logging.INFO


def test_no_handler_without_env(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("telnyx_conferencing")
    monkeypatch.setattr(_logs, "_handler_installed", False)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.delenv("TELNYX_LOG", raising=False)
    setup_logging()
    assert logger.handlers == []
