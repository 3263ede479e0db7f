"""Hardening (issue 14, items 1-5): the API key, whole or cut short, reaches no message, log line, local or pickle."""

from __future__ import annotations

import copy
import logging
import os
import pickle
import subprocess
import sys
import traceback
from typing import Any

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, Telnyx
from telnyx_conferencing._exceptions import APIConnectionError, APIStatusError, NotFoundError
from telnyx_conferencing._secrets import MIN_SHOWN_PREFIX, Secret, redact

LONG_KEY = "KEY0123SECRETabcdefghijklmnopqrstuvwxyzABCDEFGHIJK"  # 51 characters, like a real V2 key


def client_answering(handler: Any, key: str = LONG_KEY) -> Telnyx:
    client = Telnyx(api_key=key, http_client=httpx.Client(transport=httpx.MockTransport(handler)), max_retries=0)
    return client


def leaks(text: str, key: str = LONG_KEY) -> bool:
    return any(key[:n] in text for n in range(MIN_SHOWN_PREFIX, len(key) + 1))


def test_a_key_cut_short_by_message_truncation_is_still_redacted() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        detail = "x" * 150 + " " + request.headers["authorization"]
        return httpx.Response(404, json={"errors": [{"code": "not_found", "detail": detail}]})

    with pytest.raises(NotFoundError) as info:
        client_answering(echo).conferences.retrieve("c1")
    assert not leaks(str(info.value)) and not leaks(repr(info.value.errors)) and not leaks(repr(info.value.body))
    assert "<redacted>" in str(info.value)


def test_redact_catches_any_leading_run_of_eight_or_more_characters() -> None:
    assert redact(f"a {LONG_KEY[:8]}... b {LONG_KEY} c", LONG_KEY) == "a <redacted>... b <redacted> c"
    assert redact(f"{LONG_KEY[:7]}", LONG_KEY) == LONG_KEY[:7]  # too short to mean the key


def test_request_id_echoing_the_key_is_redacted_in_the_log_line_like_in_the_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="telnyx_conferencing")

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, headers={"x-request-id": LONG_KEY[:20]})

    with pytest.raises(NotFoundError) as info:
        client_answering(echo).conferences.retrieve("c1")
    lines = [record.getMessage() for record in caplog.records]
    assert any("request id <redacted>" in line for line in lines), lines
    assert not any(leaks(line) for line in lines)
    assert not leaks(str(info.value)) and not leaks(str(info.value.request_id))


def test_info_level_logs_one_line_per_attempt(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="telnyx_conferencing")
    client_answering(lambda request: httpx.Response(200, json={})).with_raw_response.conferences.retrieve("c1")
    assert [record.levelno for record in caplog.records] == [logging.INFO]
    assert "-> 200 (attempt 1" in caplog.records[0].getMessage()
    assert "headers=" not in caplog.records[0].getMessage()  # headers only at DEBUG


def test_traceback_locals_of_a_half_built_client_hold_no_key() -> None:
    with pytest.raises(ValueError) as info:
        Telnyx(api_key=LONG_KEY, max_retries=-1)
    rendered = "".join(traceback.TracebackException.from_exception(info.value, capture_locals=True).format())
    assert "api_key = '<redacted>'" in rendered
    assert not leaks(rendered)


def test_traceback_locals_of_with_options_hold_no_key() -> None:
    client = Telnyx(api_key=LONG_KEY)
    with pytest.raises(ValueError) as info:
        client.with_options(max_retries=-1)
    rendered = "".join(traceback.TracebackException.from_exception(info.value, capture_locals=True).format())
    assert "kwargs = " in rendered and not leaks(rendered)


def test_the_key_is_stripped_before_it_is_wrapped() -> None:
    assert Secret.of(f" {LONG_KEY}\n") == Secret(LONG_KEY)
    assert Telnyx(api_key=f"{LONG_KEY}\n")._base_headers["Authorization"] == f"Bearer {LONG_KEY}"


@pytest.mark.parametrize("failure", ["status", "connection"])
def test_pickled_errors_hold_no_key(failure: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if failure == "connection":
            raise httpx.ConnectError("refused")
        return httpx.Response(404, json={"errors": [{"code": "not_found"}]}, headers={"x-request-id": "r1"})

    with pytest.raises((APIStatusError, APIConnectionError)) as info:
        client_answering(handler).conferences.retrieve("c1")
    data = pickle.dumps(info.value)
    assert LONG_KEY[:MIN_SHOWN_PREFIX].encode() not in data
    copy = pickle.loads(data)
    assert type(copy) is type(info.value) and str(copy) == str(info.value)
    assert copy.request.headers["authorization"] == "Bearer <redacted>"
    if failure == "status":
        assert copy.status_code == 404 and copy.request_id == "r1"
        assert copy.response.request.headers["authorization"] == "Bearer <redacted>"


def test_a_pickled_secret_holds_the_placeholder() -> None:
    assert LONG_KEY.encode() not in pickle.dumps(Secret(LONG_KEY))
    assert pickle.loads(pickle.dumps(Secret(LONG_KEY))).reveal() == "<redacted>"


def test_telnyx_log_info_prints_one_redacted_line_per_attempt_to_stderr() -> None:
    script = (
        "import httpx, telnyx_conferencing as t\n"
        "echo = lambda r: httpx.Response(200, json={}, headers={'x-request-id': r.headers['authorization'][7:]})\n"
        "c = t.Telnyx(http_client=httpx.Client(transport=httpx.MockTransport(echo)))\n"
        "c.with_raw_response.conferences.retrieve('c1')\n"
    )
    env = {**os.environ, "TELNYX_LOG": "info", "TELNYX_API_KEY": LONG_KEY + "\n"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and " INFO telnyx_conferencing] GET " in lines[0], lines
    assert "request id <redacted>" in lines[0] and not leaks(done.stderr)


@pytest.mark.parametrize("owned", [True, False], ids=["sdk-client", "injected-client"])
def test_what_a_client_keeps_after_a_call_shows_no_key_in_its_repr(owned: bool) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"data": {}}))
    if owned:
        client = Telnyx(api_key=LONG_KEY)
        client._make_http_client = lambda: httpx.Client(  # type: ignore[method-assign]
            transport=transport, headers=client._base_headers
        )
    else:
        client = Telnyx(api_key=LONG_KEY, http_client=httpx.Client(transport=transport))
    client.request("GET", "/conferences", cast=lambda body: body)
    state = {name: value for name, value in vars(client).items() if name != "_http_client"}  # httpx's own
    assert state["_headers_cache"] is not None and not leaks(repr(state))


@pytest.mark.parametrize("make", [Telnyx, AsyncTelnyx], ids=["sync", "async"])
@pytest.mark.parametrize("copier", [pickle.dumps, copy.copy, copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_a_client_refuses_to_be_pickled_or_copied_by_copy_naming_client_copy(make: Any, copier: Any) -> None:
    client = make(api_key=LONG_KEY)  # not used yet: no httpx client inside to refuse for it
    with pytest.raises(
        TypeError, match=r"cannot pickle '(Async)?Telnyx' object: it holds the API key.*client\.copy\(\)"
    ):
        copier(client)
    if copier is not copy.copy:  # a shallow copy of a resource shares the client, no more
        with pytest.raises(TypeError, match="cannot pickle"):
            copier(client.conferences)  # a resource holds its client
    assert client.copy()._api_key == client._api_key


async def test_a_pickled_raw_response_holds_no_key_and_still_parses() -> None:
    conference = {
        "id": "c1",
        "name": "room",
        "record_type": "conference",
        "created_at": "2026-12-01T10:00:00Z",
        "expires_at": "2026-12-01T11:00:00Z",
    }
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"data": conference}))
    sync_raw = client_answering(transport.handle_request).with_raw_response.conferences.retrieve("c1")
    async_client = AsyncTelnyx(api_key=LONG_KEY, http_client=httpx.AsyncClient(transport=transport))
    async_raw = await async_client.with_raw_response.conferences.retrieve("c1")
    for raw in (sync_raw, async_raw):
        data = pickle.dumps(raw)
        assert not leaks(data.decode("latin-1"))
        copy_ = pickle.loads(data)
        assert type(copy_) is type(raw) and copy_.status_code == 200 and copy_.url == raw.url
        assert copy_.http_request.headers["authorization"] == "Bearer <redacted>"
    assert pickle.loads(pickle.dumps(sync_raw)).parse().data.name == "room"
