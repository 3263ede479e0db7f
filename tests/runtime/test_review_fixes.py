"""Regression tests for review findings: key hygiene, header merging, one lazy client across
threads, pagination that cannot loop, and retries limited for actions that are not replay-safe."""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from telnyx_conferencing import APIConnectionError, APITimeoutError, InternalServerError, Telnyx
from telnyx_conferencing._base_client import SyncAPIClient


def test_a_pasted_key_with_a_newline_is_stripped() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200, json={"data": {"result": "ok"}})

    client = Telnyx(api_key="KEY_secret_123\n", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client.conferences.actions.mute("c1")
    assert seen == ["Bearer KEY_secret_123"]


def test_a_key_with_inner_whitespace_is_refused_without_quoting_it() -> None:
    with pytest.raises(ValueError) as info:
        Telnyx(api_key="KEY_secret 123")
    assert "KEY_secret" not in str(info.value)


def test_headers_merge_case_insensitively() -> None:
    seen: list[list[tuple[str, str]]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.multi_items())
        return httpx.Response(200, json={"data": {"result": "ok"}})

    for http_client in (None, httpx.Client(transport=httpx.MockTransport(handler))):
        client = Telnyx(api_key="KEY", default_headers={"user-agent": "mine/1"}, http_client=http_client)
        if http_client is None:
            client._http_client = httpx.Client(transport=httpx.MockTransport(handler), headers=client._base_headers)
        client.conferences.actions.mute("c1", extra_headers={"authorization": "Bearer other"})
    for items in seen:
        names = [name for name, _ in items]
        assert names.count("user-agent") == 1 and names.count("authorization") == 1
        assert ("authorization", "Bearer other") in items and ("user-agent", "mine/1") in items


def test_threads_making_their_first_request_together_share_one_client() -> None:
    client = SyncAPIClient(api_key="KEY")
    barrier = threading.Barrier(8)
    made: list[Any] = []

    def touch() -> None:
        barrier.wait()
        made.append(client._client)

    threads = [threading.Thread(target=touch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(c) for c in made}) == 1
    client.close()


def test_a_server_that_ignores_the_page_number_does_not_loop_forever() -> None:
    calls: list[str] = []
    reply = {"data": [{"id": "c1"}], "meta": {"page_number": 1, "total_pages": 3, "page_size": 1}}

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, json=reply)

    client = SyncAPIClient(api_key="KEY", http_client=httpx.Client(transport=httpx.MockTransport(handler)))

    def cast(body: dict[str, Any]) -> Any:
        return SimpleNamespace(data=body["data"], meta=SimpleNamespace(**body["meta"]))

    items = []
    for item in client.get_page("/conferences", page_size=1, cast=cast):
        items.append(item)
        assert len(items) < 10, "pagination did not stop"
    assert len(calls) == 2 and len(items) == 2


class FailFirst:
    def __init__(self, failure: Exception | int) -> None:
        self.failure, self.bodies = failure, []  # type: ignore[var-annotated]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        if len(self.bodies) == 1:
            if isinstance(self.failure, Exception):
                raise self.failure
            return httpx.Response(self.failure, json={"errors": [{"code": "x", "title": "failed"}]})
        return httpx.Response(200, json={"data": {"result": "ok"}})


def client_for(handler: FailFirst) -> Telnyx:
    client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client._sleep = lambda seconds: None  # type: ignore[method-assign]
    return client


def test_an_audible_action_is_not_replayed_after_it_may_have_reached_telnyx() -> None:
    timeout = FailFirst(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError):
        client_for(timeout).conferences.actions.send_dtmf("c1", digits="1234")
    assert len(timeout.bodies) == 1
    server_error = FailFirst(500)
    with pytest.raises(InternalServerError):
        client_for(server_error).conferences.actions.play("c1", audio_url="https://example.com/a.wav")
    assert len(server_error.bodies) == 1


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), 429])
def test_an_audible_action_is_retried_when_it_surely_never_arrived(failure: Exception | int) -> None:
    handler = FailFirst(failure)
    client_for(handler).conferences.actions.send_dtmf("c1", digits="1234")
    assert len(handler.bodies) == 2


def test_idempotent_actions_are_still_retried_after_a_timeout() -> None:
    handler = FailFirst(httpx.ReadTimeout("slow"))
    client_for(handler).conferences.actions.mute("c1")
    assert len(handler.bodies) == 2


async def test_the_first_async_request_builds_its_http_client_off_the_event_loop() -> None:
    import asyncio

    from telnyx_conferencing._base_client import AsyncAPIClient

    client = AsyncAPIClient(api_key="KEY", base_url="http://127.0.0.1:9")
    loop_thread = threading.get_ident()
    built_on: list[int] = []
    original = client._make_http_client

    def recording() -> Any:
        built_on.append(threading.get_ident())
        return original()

    client._make_http_client = recording  # type: ignore[method-assign]
    with pytest.raises(APIConnectionError):  # nothing listens on port 9; what matters is where the client was built
        await asyncio.wait_for(client.with_options(max_retries=0).request("GET", "/x", cast=lambda body: body), 10)
    assert built_on and built_on[0] != loop_thread
    await client.aclose()


def test_copies_share_the_pool_lazily_and_raw_mode_is_cached() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, telnyx_conferencing as t\n"
        "c = t.Telnyx(api_key='x'); raw = c._in_mode('raw'); copy = c.with_options(max_retries=0)\n"
        "assert raw is c._in_mode('raw') and c.with_raw_response is c.with_raw_response\n"
        "assert 'httpx' not in sys.modules\n"
        "assert copy._client is c._client and raw._client is c._client\n"
        "copy.close(); assert not c._client.is_closed\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=120)


@pytest.mark.parametrize(
    "base_url", ["not a url", "notaurl", "http://[::1", "ftp://api.telnyx.com", "http://host:99999"]
)
def test_a_bad_base_url_fails_when_the_client_is_built(base_url: str) -> None:
    with pytest.raises(ValueError, match="Invalid base URL"):
        Telnyx(api_key="KEY_x", base_url=base_url)


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 0, -1])
def test_a_timeout_that_is_not_finite_and_positive_fails_when_the_client_is_built(timeout: float) -> None:
    with pytest.raises(ValueError, match="finite number of seconds"):
        Telnyx(api_key="KEY_x", timeout=timeout)


def test_a_url_too_long_for_httpx_is_a_value_error_before_any_request() -> None:
    sent: list[httpx.Request] = []
    client = Telnyx(api_key="KEY_x", http_client=httpx.Client(transport=httpx.MockTransport(sent.append)))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Cannot build the request URL"):
        client.conferences.list(filter={"name": "x" * 100_000})
    assert sent == []
