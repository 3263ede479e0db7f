"""Facade behaviour every operation shares: bad input fails before any request, command_id is
filled once per logical call and reused on retries, and both clients stay in step."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generator.render import arg_name
from telnyx_conferencing import AsyncTelnyx, Telnyx
from tests.contract.cases import Case, operation_cases

CASES = operation_cases()


def refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, but {request.method} {request.url} was")


def method_of(client: Any, case: Case) -> Callable[..., Any]:
    target = client
    for part in case.op.resource.split("."):
        target = getattr(target, part)
    return getattr(target, case.op.python_method)  # type: ignore[no-any-return]


def clients() -> tuple[Telnyx, AsyncTelnyx]:
    transport = httpx.MockTransport(refuse)
    return (
        Telnyx(api_key="KEY", http_client=httpx.Client(transport=transport)),
        AsyncTelnyx(api_key="KEY", http_client=httpx.AsyncClient(transport=transport)),
    )


async def invoke(client: Any, case: Case, args: list[Any], kwargs: dict[str, Any]) -> Any:
    result = method_of(client, case)(*args, **kwargs)
    if hasattr(result, "__await__"):
        return await result
    return result


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("case", [c for c in CASES if c.op.positional], ids=lambda c: c.id)
async def test_empty_path_id_fails_before_any_request(case: Case, flavour: str) -> None:
    client = clients()[flavour == "async"]
    _, kwargs = case.facade_args()
    with pytest.raises(ValueError, match=arg_name(case.op.positional)):  # type: ignore[arg-type]
        await invoke(client, case, [""], kwargs)


REQUIRED = [(c, p) for c in CASES for p in c.op.params if p.required and p.location != "path"]


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize(("case", "param"), REQUIRED, ids=[f"{c.id}-{p.name}" for c, p in REQUIRED])
async def test_missing_required_argument_names_it(case: Case, param: Any, flavour: str) -> None:
    client = clients()[flavour == "async"]
    args, kwargs = case.facade_args()
    kwargs.pop(arg_name(param))
    with pytest.raises(TypeError, match=arg_name(param)):
        await invoke(client, case, args, kwargs)
    kwargs[arg_name(param)] = None
    with pytest.raises(ValueError, match=arg_name(param)):
        await invoke(client, case, args, kwargs)


ENUMS = [(c, p) for c in CASES for p in c.op.params if p.kind.enum]


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize(("case", "param"), ENUMS, ids=[f"{c.id}-{p.name}" for c, p in ENUMS])
async def test_value_outside_an_enum_names_the_parameter(case: Case, param: Any, flavour: str) -> None:
    client = clients()[flavour == "async"]
    args, kwargs = case.facade_args()
    kwargs[arg_name(param)] = ["not-in-the-spec"] if param.kind.name == "array" else "not-in-the-spec"
    with pytest.raises(ValueError, match=arg_name(param)):
        await invoke(client, case, args, kwargs)


def test_sync_and_async_resources_have_the_same_methods() -> None:
    sync, async_ = clients()
    for case in CASES:
        assert callable(method_of(sync, case)) and callable(method_of(async_, case))


class FlakyThenOk:
    """503 on the first attempt of each call, then the example reply; records every body."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        if len(self.bodies) % 2 == 1:
            return httpx.Response(503, json={"errors": [{"code": "unavailable", "title": "try again"}]})
        return httpx.Response(200, json={"data": {"result": "ok"}})


def test_auto_command_id_is_reused_on_retry_and_fresh_per_call() -> None:
    handler = FlakyThenOk()
    client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    client._sleep = lambda seconds: None  # type: ignore[attr-defined]
    client.conferences.actions.join("c1", call_control_id="v3:a")
    client.conferences.actions.join("c1", call_control_id="v3:a")
    ids = [body["command_id"] for body in handler.bodies]
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


async def test_auto_command_id_async_and_the_callers_id_wins() -> None:
    handler = FlakyThenOk()
    client = AsyncTelnyx(api_key="KEY", http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)))

    async def no_sleep(seconds: float) -> None:
        return None

    client._sleep = no_sleep  # type: ignore[attr-defined]
    await client.conferences.actions.record_pause("c1")
    await client.conferences.actions.record_pause("c1", recording_id="r1")
    await client.calls.actions.enqueue("v3:a", queue_name="q", command_id="mine")
    ids = [body.get("command_id") for body in handler.bodies]
    assert ids[0] and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert ids[4] == ids[5] == "mine"


def test_auto_command_id_can_be_disabled() -> None:
    handler = FlakyThenOk()
    client = Telnyx(
        api_key="KEY", auto_command_id=False, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    client._sleep = lambda seconds: None  # type: ignore[attr-defined]
    client.conferences.actions.join("c1", call_control_id="v3:a")
    assert all("command_id" not in body for body in handler.bodies)


def test_a_response_enum_value_newer_than_the_spec_is_kept() -> None:
    """Telnyx may add a status before this SDK is regenerated: parsing must not fail on it."""
    example = next(c for c in CASES if c.id == "RetrieveConference").reply
    reply = {"data": {**example["data"], "status": "paused_by_future_feature"}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=reply))
    client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=transport))
    conference = client.conferences.retrieve("c1")
    assert conference.data.status == "paused_by_future_feature"
    assert conference.to_dict()["data"]["status"] == "paused_by_future_feature"


@pytest.mark.parametrize("body", [b"not json", b'{"data": {"name": "missing required fields"}}'])
def test_a_malformed_success_response_is_a_clear_sdk_error(body: bytes) -> None:
    from telnyx_conferencing import APIResponseValidationError

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    client = Telnyx(api_key="KEY_secret_123", http_client=httpx.Client(transport=transport))
    with pytest.raises(APIResponseValidationError) as info:
        client.conferences.retrieve("c1")
    assert "GET https://api.telnyx.com/v2/conferences/c1" in str(info.value)
    assert info.value.status_code == 200 and "KEY_secret_123" not in str(info.value)


def test_the_low_level_client_keeps_the_token_out_of_its_repr() -> None:
    from telnyx_conferencing.lowlevel import AuthenticatedClient

    client = AuthenticatedClient(base_url="https://api.telnyx.com/v2", token="KEY_secret_123")
    client.get_httpx_client()  # puts the Authorization header into the client's headers
    assert "KEY_secret_123" not in repr(client)
