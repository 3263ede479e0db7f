"""Failures: one ``error:`` line on stderr, no traceback, and the documented exit code (1 API, 2 usage, 3 network)."""

from __future__ import annotations

import re

import httpx
import pytest

from .conftest import API_KEY, Cli, error_lines

USAGE_ERRORS = {
    "bad enum value": [
        "conferences",
        "actions",
        "join",
        "conf-1",
        "--call-control-id",
        "v3:a",
        "--beep-enabled",
        "loud",
    ],
    "missing required option": ["conferences", "actions", "join", "conf-1"],
    "missing argument": ["conferences", "retrieve"],
    "unknown option": ["conferences", "list", "--colour", "blue"],
    "unknown command": ["conferences", "frobnicate"],
    "not an integer": ["conferences", "list", "--page-size", "twenty"],
    "bad JSON": ["conferences", "list", "--filter", "{status: in_progress}"],
    "JSON that is not an object": ["conferences", "list", "--filter", "[1, 2]"],
    "empty id": ["conferences", "retrieve", ""],
}


@pytest.mark.parametrize("args", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors_exit_2_with_one_line_and_send_nothing(run: Cli, args: list[str]) -> None:
    result = run(args)
    assert result.exit_code == 2, result.output
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(("error:", "Error:"))
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert run.requests == []


def test_bad_enum_message_names_the_choices_as_the_spec_spells_them(run: Cli) -> None:
    result = run(["conferences", "retrieve", "c1", "--region", "mars"])
    assert result.exit_code == 2
    assert "'Middle East'" in result.stderr and "'mars'" in result.stderr


def test_enum_values_match_case_insensitively_and_are_sent_canonically(run: Cli) -> None:
    run.default = httpx.Response(200, json={"data": {}})
    run(["conferences", "retrieve", "c1", "--region", "middle EAST"])
    assert run.requests[0].url.params["region"] == "Middle East"


def test_missing_api_key_is_a_usage_error(run: Cli) -> None:
    result = run(["conferences", "retrieve", "c1"], api_key=None)
    assert result.exit_code == 2
    assert error_lines(result) == ["error: No API key: pass --api-key or set the TELNYX_API_KEY environment variable."]
    assert run.requests == []


def test_api_key_option_is_used_and_never_shown_in_help(run: Cli) -> None:
    run.respond(httpx.Response(404, json={"errors": [{"code": "not_found", "title": "Conference not found"}]}))
    run(["--api-key", "KEY_from_option", "conferences", "retrieve", "c1"], api_key=None)
    assert run.requests[0].headers["authorization"] == "Bearer KEY_from_option"
    help_text = run(["--help"], env={"TELNYX_API_KEY": API_KEY}).stdout
    assert "TELNYX_API_KEY" in help_text and API_KEY not in help_text


def test_api_error_exits_1_with_one_line(run: Cli) -> None:
    run.respond(
        httpx.Response(
            404,
            json={"errors": [{"code": "not_found", "title": "Conference not found"}]},
            headers={"x-request-id": "req-42"},
        )
    )
    result = run(["conferences", "retrieve", "missing"])
    assert result.exit_code == 1
    assert error_lines(result) == ["error: 404 not_found: Conference not found (request id req-42)"]
    assert result.stdout == ""


def test_server_errors_are_retried_then_exit_1(run: Cli) -> None:
    run.respond(httpx.Response(503), httpx.Response(503, json={"errors": [{"title": "Try later"}]}))
    result = run(["--max-retries", "1", "conferences", "retrieve", "c1"])
    assert result.exit_code == 1
    assert len(run.requests) == 2  # the SDK's retry loop is the one the CLI uses
    assert error_lines(result) == ["error: 503 Try later"]


def test_connection_error_exits_3(run: Cli) -> None:
    run.respond(httpx.ConnectError("connection refused"))
    result = run(["--max-retries", "0", "conferences", "retrieve", "c1"])
    assert result.exit_code == 3
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("error: ") and "connection refused" in lines[0]
    assert "Traceback" not in result.output


def test_timeout_exits_3(run: Cli) -> None:
    run.respond(httpx.ReadTimeout("too slow"))
    result = run(["--max-retries", "0", "--timeout", "0.5", "conferences", "retrieve", "c1"])
    assert result.exit_code == 3
    assert error_lines(result)[0].startswith("error: Request timed out")


def test_debug_adds_the_traceback_to_an_error(run: Cli) -> None:
    run.respond(httpx.Response(404, json={"errors": [{"code": "not_found", "title": "Conference not found"}]}))
    result = run(["--debug", "conferences", "retrieve", "missing"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1] == "error: 404 not_found: Conference not found"


def test_debug_logs_the_exchange_without_the_key(run: Cli) -> None:
    run.respond(httpx.Response(200, json={"data": {"result": "ok"}}, headers={"x-request-id": "req-7"}))
    result = run(
        ["--debug", "conferences", "actions", "mute", "conf-1", "--call-control-ids", "v3:a"],
        env={"TELNYX_API_KEY": "KEY_secret_123"},
    )
    assert result.exit_code == 0, result.output
    assert "> POST https://api.telnyx.com/v2/conferences/conf-1/actions/mute" in result.stderr
    assert re.search(r'"call_control_ids": ?\["v3:a"\]', result.stderr)  # httpx 0.27 puts a space there
    assert "< 200 OK" in result.stderr and "req-7" in result.stderr
    assert "authorization: bearer <redacted>" in result.stderr.lower()
    assert "KEY_secret_123" not in result.output and "secret_123" not in result.stderr + result.stdout


def test_base_url_and_timeout_options_reach_the_sdk(run: Cli) -> None:
    run.default = httpx.Response(200, json={"data": {}})
    run(["--base-url", "http://localhost:4010/v9/", "--timeout", "2.5", "conferences", "retrieve", "c1"])
    request = run.requests[0]
    assert str(request.url) == "http://localhost:4010/v9/conferences/c1"
    assert request.extensions["timeout"]["read"] == 2.5
