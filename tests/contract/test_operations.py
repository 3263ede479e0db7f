"""Every operation, through every Python interface, against the spec's own examples.

Each call goes through an ``httpx.MockTransport`` that validates the outgoing request against
spec/ (method, path, path and query parameters, deepObject form, Content-Type, bearer header,
JSON body) and answers with the spec's 200 example (an empty 204 where the spec has no 200 body); the parsed
result must round-trip to it.
"""

from __future__ import annotations

import importlib
import json
import typing
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.contract.cases import Case, normalize_datetimes, operation_cases, validator

CASES = operation_cases()
API_KEY = "KEY_contract_test"


class Recorder:
    """A MockTransport handler that validates each request and replies with the case's example."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        problems = validator().request_problems(request)
        if problems:
            return httpx.Response(599, json={"errors": [{"code": "contract", "title": "; ".join(problems)}]})
        if self.case.reply is None:  # DeleteQueue, RemoveQueueCall, UpdateCallInQueue answer 204
            return httpx.Response(204)
        return httpx.Response(200, json=self.case.reply)

    def check(self, *, auto_command_id: bool = False) -> None:
        assert len(self.requests) == 1, f"expected one request, saw {len(self.requests)}"
        request = self.requests[0]
        assert validator().request_problems(request) == []
        sent = json.loads(request.content) if request.content else None
        if self.case.body is not None:
            expected = dict(self.case.body)
            if self.case.op.has_command_id and "command_id" not in expected and sent and "command_id" in sent:
                expected["command_id"] = sent.get("command_id")  # filled by the SDK
            assert sent == expected
            if auto_command_id and self.case.op.has_command_id:
                assert sent and sent.get("command_id"), "the facade must fill command_id"
        for group, value in self.case.query_objects().items():
            if isinstance(value, dict):
                for key, item in value.items():
                    if not isinstance(item, dict):
                        wire = f"{group}[{key}]"
                        assert request.url.params.get(wire) is not None, f"{wire} not sent"
            else:
                assert request.url.params.get(group) == str(value)


def round_trips(result: Any, reply: Any) -> None:
    if reply is None:  # a 204: every interface gives None (the CLI prints nothing)
        assert result is None or (isinstance(result, _Printed) and result.value is None)
        return
    assert normalize_datetimes(result.to_dict()) == normalize_datetimes(reply)


def _lowlevel(case: Case) -> tuple[Any, dict[str, Any]]:
    module = importlib.import_module(f"telnyx_conferencing.lowlevel.{case.op.lowlevel_module}")
    hints = typing.get_type_hints(module.sync_detailed)
    kwargs: dict[str, Any] = {}
    args = [case.path_values[p.name] for p in case.op.all_params if p.location == "path"]
    if case.body is not None:
        body_type = next(a for a in typing.get_args(hints["body"]) or (hints["body"],) if hasattr(a, "from_dict"))
        kwargs["body"] = body_type.from_dict(case.body)
    from openapi_python_client import strings

    for name, value in case.query_objects().items():
        python_name = name if name in hints else f"{name}_"
        if python_name not in hints:  # a flat name such as page[number] becomes pagenumber
            python_name = strings.snake_case(name)
        hint = hints[python_name]
        model = next((a for a in typing.get_args(hint) if hasattr(a, "from_dict")), None)
        kwargs[python_name] = model.from_dict(value) if model is not None and isinstance(value, dict) else value
    return module, {"args": args, "kwargs": kwargs}


def _lowlevel_client(transport: httpx.MockTransport) -> Any:
    from telnyx_conferencing.lowlevel import AuthenticatedClient

    return AuthenticatedClient(base_url="https://api.telnyx.com/v2", token=API_KEY, httpx_args={"transport": transport})


def call_lowlevel_sync(case: Case, transport: httpx.MockTransport) -> Any:
    module, call = _lowlevel(case)
    response = module.sync_detailed(*call["args"], client=_lowlevel_client(transport), **call["kwargs"])
    assert response.status_code == (204 if case.reply is None else 200), response.content
    return response.parsed


async def call_lowlevel_async(case: Case, transport: httpx.MockTransport) -> Any:
    module, call = _lowlevel(case)
    response = await module.asyncio_detailed(*call["args"], client=_lowlevel_client(transport), **call["kwargs"])
    assert response.status_code == (204 if case.reply is None else 200), response.content
    return response.parsed


def _facade_method(client: Any, case: Case) -> Callable[..., Any]:
    target = client
    for part in case.op.resource.split("."):
        target = getattr(target, part)
    return getattr(target, case.op.python_method)  # type: ignore[no-any-return]


def call_facade_sync(case: Case, transport: httpx.MockTransport) -> Any:
    from telnyx_conferencing import Telnyx

    client = Telnyx(api_key=API_KEY, http_client=httpx.Client(transport=transport), max_retries=0)
    args, kwargs = case.facade_args()
    result = _facade_method(client, case)(*args, **kwargs)
    return result.response if case.op.paginated else result


async def call_facade_async(case: Case, transport: httpx.MockTransport) -> Any:
    from telnyx_conferencing import AsyncTelnyx

    client = AsyncTelnyx(api_key=API_KEY, http_client=httpx.AsyncClient(transport=transport), max_retries=0)
    args, kwargs = case.facade_args()
    if case.op.paginated:
        page = await _facade_method(client, case)(*args, **kwargs)
        return page.response
    return await _facade_method(client, case)(*args, **kwargs)


def _cli_flag(param: Any) -> str:
    return str(param.flag)  # the plan's option name, as the CLI template prints it


def cli_args(case: Case) -> list[str]:
    """The command line for a case: resource groups, the method, the positional id, then options."""
    from generator.render import arg_name

    args, kwargs = case.facade_args()
    argv = [*case.op.resource.split("."), case.op.cli_name, *map(str, args)]
    for param in case.op.params:
        value = kwargs.get(arg_name(param))
        if value is None:
            continue
        flag = _cli_flag(param)
        if param.kind.name == "boolean":
            argv.append(flag if value else f"--no-{flag[2:]}")
        elif param.kind.name == "array":
            for item in value:
                argv += [flag, item if isinstance(item, str) else json.dumps(item)]
        elif param.kind.name in ("object", "union", "any") and not isinstance(value, str):
            argv += [flag, json.dumps(value)]
        else:
            argv += [flag, str(value)]
    return argv


def call_cli(case: Case, transport: httpx.MockTransport) -> Any:
    from click.testing import CliRunner

    from telnyx_conferencing.cli import cli

    result = CliRunner().invoke(
        cli, cli_args(case), obj={"http_client": httpx.Client(transport=transport)}, env={"TELNYX_API_KEY": API_KEY}
    )
    assert result.exit_code == 0, (cli_args(case), result.output)
    return _Printed(json.loads(result.stdout) if result.stdout.strip() else None)  # a 204 prints nothing


class _Printed:
    """The CLI's JSON output, compared like a parsed model."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def to_dict(self) -> Any:
        return self.value


INTERFACES = {
    "lowlevel-sync": call_lowlevel_sync,
    "lowlevel-async": call_lowlevel_async,
    "facade-sync": call_facade_sync,
    "facade-async": call_facade_async,
    "cli": call_cli,
}


@pytest.mark.parametrize("interface", list(INTERFACES))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_operation_contract(case: Case, interface: str) -> None:
    recorder = Recorder(case)
    transport = httpx.MockTransport(recorder)
    outcome = INTERFACES[interface](case, transport)
    result = await outcome if hasattr(outcome, "__await__") else outcome
    recorder.check(auto_command_id=interface.startswith("facade"))
    round_trips(result, case.reply)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reply_examples_match_the_response_schema(case: Case) -> None:
    """The example we reply with is itself valid, so a round trip proves something."""
    if case.reply is None:
        return  # a 204 has no body to validate
    assert validator().response_problems(case.op.http_verb, case.op.url_path, 200, case.reply) == []
