"""Code written for the official `telnyx` SDK runs on this one: every facade method, called the way the
official SDK's docs and tests call it, sends the same request.

For each operation of the plan (so a new operation is covered with no hand edit) and each of three call
forms, sync and async: the plain call, `with_raw_response` (`.parse()`, `.headers`, `.status_code`,
`.http_request`, `.url`, `.read()`, `.text()`, `.json()`) and `with_streaming_response` (a context
manager whose body is read only when asked), with the path id by keyword as the official tests pass
it, plus `extra_headers`, `extra_query`, `extra_body` and `timeout`; the request on the wire is checked.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, Telnyx
from telnyx_conferencing._response import APIResponse, AsyncAPIResponse
from tests.contract.cases import Case, operation_cases

CASES = operation_cases()
FORMS = ["plain", "raw", "streaming"]
EXTRA = {
    "extra_headers": {"X-Porting": "yes"},
    "extra_query": {"porting": "1"},
    "extra_body": {"porting_extra": True},
    "timeout": 7.5,
}


def _client_args(case: Case) -> tuple[list[Any], dict[str, Any]]:
    args, kwargs = case.facade_args()
    if case.op.positional and args:
        # The official SDK's tests pass every path id by keyword (`join(id="...", ...)`).
        kwargs[case.op.positional.arg] = args.pop()
    kwargs.update(EXTRA)
    return args, kwargs


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that records whether anyone read it (an in-memory body is read by httpx at once)."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.read = False

    def __iter__(self) -> Any:
        self.read = True
        yield self.content

    async def __aiter__(self) -> Any:
        self.read = True
        yield self.content


def _handler(case: Case, seen: list[httpx.Request], bodies: list[Body]) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if case.reply is None:
            return httpx.Response(204)
        body = Body(json.dumps(case.reply).encode())
        bodies.append(body)
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=body)

    return handle


def _target(client: Any, case: Case, form: str) -> Any:
    resource = client
    for part in case.op.resource.split("."):
        resource = getattr(resource, part)
    if form == "raw":
        resource = resource.with_raw_response
    elif form == "streaming":
        resource = resource.with_streaming_response
    return getattr(resource, case.op.python_method)


def _check_wire(case: Case, request: httpx.Request) -> None:
    op = case.op
    assert request.method == op.http_verb.upper()
    expected_path = op.url_path
    for name, value in case.path_values.items():
        expected_path = expected_path.replace("{" + name + "}", value)
    assert request.url.path == "/v2" + expected_path
    assert request.headers["x-porting"] == "yes"
    assert request.url.params["porting"] == "1"
    assert request.extensions["timeout"]["read"] == 7.5
    if op.http_verb.upper() in ("POST", "PATCH", "PUT"):
        body = json.loads(request.content)
        assert body["porting_extra"] is True
        assert set(case.body or {}) <= set(body)
        if op.has_command_id:
            assert isinstance(body.get("command_id"), str)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_sync_calls_port_unchanged(case: Case, form: str) -> None:
    seen: list[httpx.Request] = []
    bodies: list[Body] = []
    transport = httpx.MockTransport(_handler(case, seen, bodies))
    client = Telnyx(api_key="KEY_porting", http_client=httpx.Client(transport=transport))
    args, kwargs = _client_args(case)
    method = _target(client, case, form)
    if form == "plain":
        result = method(*args, **kwargs)
        if case.op.paginated:
            # meta is a PageMeta when the reply has one, None (as the official SDK's) when it has not
            assert result.data is not None and (result.meta is None) == ("meta" not in (case.reply or {}))
    elif form == "raw":
        response = method(*args, **kwargs)
        assert isinstance(response, APIResponse)
        assert response.status_code in (200, 204) and response.http_request is seen[-1]
        assert response.url == seen[-1].url and ("content-type" in response.headers or case.reply is None)
        assert response.read() == response.http_response.content
        if case.reply is not None:
            assert response.json() == json.loads(response.text())
        response.parse()
    else:
        with method(*args, **kwargs) as response:
            assert isinstance(response, APIResponse)
            assert not any(body.read for body in bodies)  # nothing read until asked
            chunks = b"".join(response.iter_bytes())
            assert chunks == (json.dumps(case.reply).encode() if case.reply is not None else b"")
        assert response.is_closed
    _check_wire(case, seen[-1])


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_async_calls_port_unchanged(case: Case, form: str) -> None:
    seen: list[httpx.Request] = []
    bodies: list[Body] = []
    transport = httpx.MockTransport(_handler(case, seen, bodies))
    client = AsyncTelnyx(api_key="KEY_porting", http_client=httpx.AsyncClient(transport=transport))
    args, kwargs = _client_args(case)
    method = _target(client, case, form)
    if form == "plain":
        result = await method(*args, **kwargs)
        if case.op.paginated:
            assert result.data is not None
    elif form == "raw":
        response = await method(*args, **kwargs)
        assert isinstance(response, AsyncAPIResponse)
        assert response.http_request is seen[-1] and response.url == seen[-1].url
        assert await response.read() == response.http_response.content
        if case.reply is not None:
            assert await response.json() == json.loads(await response.text())
        await response.parse()
    else:
        async with method(*args, **kwargs) as response:
            assert isinstance(response, AsyncAPIResponse)
            assert not any(body.read for body in bodies)
            await response.parse()  # reads the body, which the lines then come from
            lines = [line async for line in response.iter_lines()]
            assert "".join(lines) == (json.dumps(case.reply) if case.reply is not None else "")
        assert response.is_closed
    _check_wire(case, seen[-1])
    await client.close()
