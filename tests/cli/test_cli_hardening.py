"""Hardening (issue 14, items 13-14): hostile values are usage errors (exit 2, one line, never "unexpected")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from .conftest import Cli, error_lines

DEEP = "[" * 60_000 + "]" * 60_000
HOSTILE = {
    "infinite timeout": ["--timeout", "inf", "conferences", "list"],
    "nan timeout": ["--timeout", "nan", "conferences", "list"],
    "100 KB filter": ["conferences", "list", "--filter", json.dumps({"name": "x" * 100_000})],
    "60,000-deep JSON": ["conferences", "list", "--filter", DEEP],
    "40-deep JSON object": ["conferences", "list", "--filter", '{"a":' * 40 + "1" + "}" * 40],
    "5,000-digit JSON integer": ["conferences", "list", "--filter", '{"n": ' + "9" * 5000 + "}"],
    "5,000-digit integer option": ["conferences", "list", "--page-size", "9" * 5000],
    "unclosed IPv6 base URL": ["--base-url", "http://[::1", "conferences", "list"],
    "base URL with spaces": ["--base-url", "not a url", "conferences", "list"],
    "base URL without scheme": ["--base-url", "notaurl", "conferences", "list"],
    "base URL with a bad port": ["--base-url", "http://localhost:99999", "conferences", "list"],
}


@pytest.mark.parametrize("args", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_values_are_usage_errors_on_one_line(run: Cli, args: list[str]) -> None:
    result = run(args)
    lines = error_lines(result)
    assert result.exit_code == 2, result.output[-500:]
    assert len(lines) == 1 and "unexpected" not in lines[0] and "Traceback" not in result.output, lines
    assert len(lines[0]) < 1000
    assert run.requests == []


def test_a_bad_base_url_in_the_environment_is_a_usage_error(run: Cli) -> None:
    result = run(["conferences", "list"], env={"TELNYX_BASE_URL": "notaurl"})
    assert result.exit_code == 2 and "Invalid base URL 'notaurl'" in result.stderr, result.stderr


def test_closed_stdout_does_not_crash(keys_for_closed_stdout: tuple[bytes, dict[str, str], str]) -> None:
    body, headers, public_key = keys_for_closed_stdout
    command = [
        sys.executable,
        "-m",
        "telnyx_conferencing.cli",
        "webhooks",
        "verify",
        "--public-key",
        public_key,
        "--timestamp",
        headers["telnyx-timestamp"],
        "--signature",
        headers["telnyx-signature-ed25519"],
    ]
    done = subprocess.run(
        command,
        input=body,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=30,
        preexec_fn=lambda: os.close(1),  # the child starts with fd 1 closed, as after `>&-`
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr and b"unexpected" not in done.stderr


@pytest.fixture
def keys_for_closed_stdout() -> tuple[bytes, dict[str, str], str]:
    from telnyx_conferencing.webhooks.testing import example_body, generate_keypair, sign

    private_key, public_key = generate_keypair()
    body = example_body("conference.created")
    return body, sign(body, private_key, timestamp=int(time.time())), public_key


def test_enqueue_with_an_empty_queue_name_is_a_usage_error(run: Cli) -> None:
    result = run(["calls", "actions", "enqueue", "v3:leg", "--queue-name", ""])
    assert result.exit_code == 2 and "`queue_name`" in result.stderr and run.requests == []
