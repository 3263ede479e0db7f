"""Every API command, parametrized from the plan: the exact request each one sends, and what it prints.

Each command is called with its positional id and every option (spec example or a value of the
right type); the test then checks the method, path, query pairs and JSON body that reached the
transport, and that stdout holds the response as compact JSON.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
import pytest

from .conftest import Cli

OPERATIONS = 74


def _operations(plan: Any) -> list[Any]:
    return list(plan.operations)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "operation_index" in metafunc.fixturenames:
        metafunc.parametrize("operation_index", range(OPERATIONS))


def _flag(param: Any) -> str:
    return str(param.flag)  # the plan's, as the CLI template prints it


def _example(param: Any) -> Any:
    return param.schema.get("example") if isinstance(param.schema, dict) else None


def cli_value(param: Any, index: int) -> tuple[list[str], Any]:
    """Command-line tokens for `param` and the value the SDK should send for them."""
    example = _example(param)
    flag = _flag(param)
    if param.kind.name == "boolean":
        value = example if isinstance(example, bool) else index % 2 == 0
        return [flag if value else "--no-" + flag[2:]], value
    if param.kind.name == "enum":
        value = param.enum[index % len(param.enum)]
        return [flag, str(value).upper()], value  # case-insensitive on input, canonical on the wire
    if param.kind.name == "integer":
        value = example if isinstance(example, int) and not isinstance(example, bool) else 7 + index
        return [flag, str(value)], value
    if param.kind.name == "number":
        return [flag, "1.5"], 1.5
    if param.kind.name == "array" and not param.kind.comma_list:
        items = example if isinstance(example, list) and example else [{"key": "value"}]
        return [token for item in items for token in (flag, json.dumps(item))], items  # one JSON value per option
    if param.kind.name == "array":
        items = example if isinstance(example, list) and len(example) > 1 else ["item-a", "item-b"]
        items = [str(item) for item in items] + ["item-last"]
        # The first two as a comma list, the rest as repeated options: both forms add up.
        tokens = [flag, ",".join(items[:2])] + [token for item in items[2:] for token in (flag, item)]
        return tokens, items
    if param.kind.name == "object":
        value = {"name": "weekly-sync"} if param.location == "query" else (example or {"key": "value"})
        return [flag, json.dumps(value)], value
    if param.kind.name in ("union", "any"):
        if param.kind.plain_string:  # a word that is not JSON is a string
            return [flag, "infinity"], "infinity"
        value = example if isinstance(example, dict) else {"type": "telnyx"}
        return [flag, json.dumps(value)], value
    value = example if isinstance(example, str) and example else f"{param.name}-{index}"
    return [flag, value], value


def expected_query(param: Any, value: Any) -> list[tuple[str, str]]:
    if param.wire_group:
        return [(f"{param.wire_group}[{param.name}]", str(value))]
    if param.deep_object and isinstance(value, dict):
        return [(f"{param.name}[{key}]", str(item)) for key, item in value.items()]
    if isinstance(value, bool):
        return [(param.name, "true" if value else "false")]
    return [(param.name, str(value))]


def response_body(op: Any) -> Any:
    example = op.response_example
    if op.paginated:
        return example if isinstance(example, dict) else {"data": [], "meta": {"page_number": 1, "total_pages": 1}}
    return example if isinstance(example, dict) else {"data": {}}


def test_the_plan_has_every_command(plan: Any) -> None:
    assert len(plan.operations) == OPERATIONS
    assert {op.resource for op in plan.operations} == {
        "calls",
        "calls.actions",
        "conferences",
        "conferences.actions",
        "queues",
        "queues.calls",
    }


def test_every_command_sends_the_exact_request(plan: Any, run: Cli, operation_index: int) -> None:
    op = _operations(plan)[operation_index]
    args = [*op.resource.split("."), op.cli_name]
    path = op.url_path
    if op.positional:
        positional = f"{op.positional.name}-1:x/y"  # reserved characters must be percent-encoded
        args.append(positional)
        path = path.replace("{" + op.positional.name + "}", quote(positional, safe=""))
    query: list[tuple[str, str]] = []
    body: dict[str, Any] = {}
    for index, param in enumerate(op.params):
        tokens, value = cli_value(param, index)
        args.extend(tokens)
        if param.location == "path":
            path = path.replace("{" + param.name + "}", quote(str(value), safe=""))
        elif param.location == "query":
            query.extend(expected_query(param, value))
        else:
            body[param.name] = value
    run.respond(httpx.Response(200, json=response_body(op)))

    result = run(args)

    assert result.exit_code == 0, result.output
    assert len(run.requests) == 1
    request = run.requests[0]
    assert request.method == op.http_verb.upper()
    assert request.url.raw_path.decode().split("?")[0] == "/v2" + path
    assert sorted(parse_qsl(request.url.query.decode(), keep_blank_values=True)) == sorted(query)
    if op.http_verb in ("get", "delete"):
        assert request.content == b""
    else:
        assert json.loads(request.content) == body
    assert request.headers["authorization"] == "Bearer KEY_secret_123"
    assert result.stderr == ""
    if op.response.cli_print is None:  # a 204: nothing to print
        assert result.stdout == ""
        return
    assert len(result.stdout.splitlines()) == 1  # compact JSON when stdout is not a terminal
    assert isinstance(json.loads(result.stdout), dict)


def test_options_left_out_are_not_sent(plan: Any, run: Cli) -> None:
    op = next(op for op in plan.operations if op.resource == "conferences.actions" and op.python_method == "join")
    run.respond(httpx.Response(200, json=response_body(op)))
    result = run(["conferences", "actions", "join", "conf-1", "--call-control-id", "v3:abc"])
    assert result.exit_code == 0, result.output
    sent = json.loads(run.requests[0].content)
    # Only the required option, plus the command_id the SDK adds so that retries are deduplicated.
    assert set(sent) == ({"call_control_id", "command_id"} if op.has_command_id else {"call_control_id"})
    assert sent["call_control_id"] == "v3:abc"


def test_the_command_tree_follows_the_facade(plan: Any) -> None:
    """Groups nest like ``Operation.resource``; options have the spec's names, types and required flags."""
    import click

    from generator.render import arg_name
    from telnyx_conferencing.cli import cli

    ctx = click.Context(cli)
    for op in plan.operations:
        command: click.Command | None = cli
        for name in [*op.resource.split("."), op.cli_name]:
            assert isinstance(command, click.Group)
            command = command.get_command(ctx, name)
        assert command is not None, op.operation_id
        options = {p.name: p for p in command.params if isinstance(p, click.Option)}
        for param in op.params:
            option = options[arg_name(param)]
            assert _flag(param) in option.opts, (op.operation_id, param.name)
            assert option.required == param.required, (op.operation_id, param.name)
            if param.kind.name == "boolean":
                assert option.secondary_opts == ["--no-" + _flag(param)[2:]] and option.default is None
            elif param.kind.name == "enum":
                assert isinstance(option.type, click.Choice) and tuple(option.type.choices) == tuple(param.enum)
            elif param.kind.name == "integer":
                assert option.type is click.INT
            elif param.kind.name == "array":
                assert option.multiple
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        assert len(arguments) == (1 if op.positional else 0)
        assert ("--all" in {o for p in options.values() for o in p.opts}) == op.paginated


def test_help_comes_from_the_spec(plan: Any, run: Cli) -> None:
    op = next(op for op in plan.operations if op.resource == "conferences.actions" and op.python_method == "join")
    result = run(["conferences", "actions", "join", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert op.summary.rstrip(".") in text
    assert f"POST {op.url_path}" in text
    assert "--call-control-id" in text and "[required]" in text
    first_words = " ".join(next(p for p in op.params if p.name == "call_control_id").description.split()[:4])
    assert first_words in text
