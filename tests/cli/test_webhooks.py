"""``telnyx-conf webhooks verify`` (saved deliveries) and ``webhooks listen`` (a local receiver, run as a real process)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.processes import CHILD_TIMEOUT, spawn

from .conftest import Cli, error_lines

pytest.importorskip("nacl")


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    from telnyx_conferencing.webhooks.testing import generate_keypair

    return generate_keypair()


def _delivery(plan: Any) -> bytes:
    webhook = next(w for w in plan.webhooks if w.event_type == "conference.created")
    event = dict(webhook.example) or {"event_type": "conference.created", "id": "evt-1", "payload": {}}
    event["id"] = "evt-123"
    return json.dumps({"data": event, "meta": {"attempt": 1}}, separators=(",", ":")).encode()


def _verify_args(headers: dict[str, str], public_key: str, *extra: str) -> list[str]:
    return [
        "webhooks",
        "verify",
        "--public-key",
        public_key,
        "--timestamp",
        headers["telnyx-timestamp"],
        "--signature",
        headers["telnyx-signature-ed25519"],
        *extra,
    ]


def test_verify_accepts_a_signed_delivery_from_stdin(plan: Any, run: Cli, keys: tuple[str, str]) -> None:
    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    result = run(_verify_args(sign(body, private_key), public_key), input=body)
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout)
    assert event["event_type"] == "conference.created" and event["id"] == "evt-123"
    assert run.requests == []


def test_verify_reads_a_file_and_the_key_from_the_environment(
    plan: Any, run: Cli, keys: tuple[str, str], tmp_path: Path
) -> None:
    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    saved = tmp_path / "delivery.json"
    saved.write_bytes(body)
    headers = sign(body, private_key)
    args = [a for a in _verify_args(headers, public_key, str(saved)) if a not in ("--public-key", public_key)]
    result = run(args, env={"TELNYX_PUBLIC_KEY": public_key})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "evt-123"


def test_verify_rejects_a_tampered_delivery_with_exit_1(plan: Any, run: Cli, keys: tuple[str, str]) -> None:
    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    headers = sign(body, private_key)
    tampered = body.replace(b"evt-123", b"evt-999")
    result = run(_verify_args(headers, public_key), input=tampered)
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("error: ") and "signature does not match" in lines[0]
    assert result.stdout == ""


def test_verify_rejects_a_stale_delivery_unless_the_tolerance_allows_it(
    plan: Any, run: Cli, keys: tuple[str, str]
) -> None:
    import time

    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    headers = sign(body, private_key, timestamp=int(time.time()) - 3600)
    stale = run(_verify_args(headers, public_key), input=body)
    assert stale.exit_code == 1 and "too old" in stale.stderr
    assert "pass a larger --tolerance" in stale.stderr and "tolerance=" not in stale.stderr  # the CLI's own flag
    allowed = run(_verify_args(headers, public_key, "--tolerance", "7200"), input=body)
    assert allowed.exit_code == 0, allowed.output


def test_verify_without_a_public_key_is_a_usage_error(run: Cli) -> None:
    result = run(["webhooks", "verify", "--timestamp", "1", "--signature", "x"], input=b"{}")
    assert result.exit_code == 2
    assert "--public-key" in error_lines(result)[0]


@pytest.mark.parametrize("command", [["verify", "--timestamp", "1", "--signature", "x"], ["listen", "--port", "0"]])
def test_a_malformed_public_key_is_a_usage_error_that_does_not_echo_it(run: Cli, command: list[str]) -> None:
    result = run(["webhooks", *command, "--public-key", "not-a-key!"], input=b"{}")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1 and "--public-key" in lines[0] and "base64" in lines[0]
    assert "not-a-key!" not in result.output


def test_listen_verifies_each_post_and_stops_after_max_events(plan: Any, keys: tuple[str, str]) -> None:
    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    command = [
        sys.executable,
        "-m",
        "telnyx_conferencing.cli",
        "webhooks",
        "listen",
        "--port",
        "0",
        "--max-events",
        "2",
    ]
    env = {**os.environ, "TELNYX_PUBLIC_KEY": public_key, "PYTHONPATH": os.pathsep.join(sys.path)}
    with spawn(command, env=env) as process:
        assert process.stderr is not None and process.stdout is not None
        banner = process.stderr.readline()
        assert banner.startswith("listening on http://127.0.0.1:"), banner
        url = banner.split()[2]
        good = httpx.post(url, content=body, headers=sign(body, private_key), timeout=10)
        assert good.status_code == 200
        assert process.stdout.readline().strip() == "conference.created id=evt-123 verified"
        bad = httpx.post(url, content=body + b" ", headers=sign(body, private_key), timeout=10)
        assert bad.status_code == 400
        line = process.stdout.readline().strip()
        assert line.startswith("conference.created id=evt-123 rejected: ") and "signature" in line
        assert process.wait(timeout=CHILD_TIMEOUT) == 0


@pytest.fixture(params=["parent-default", "parent-ignores-sigint"])
def parent_sigint(request: pytest.FixtureRequest) -> Iterator[None]:
    """Run the test as from a normal shell and as from one that ignores SIGINT (a background job)."""
    previous = signal.getsignal(signal.SIGINT)
    if request.param == "parent-ignores-sigint":
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_listen_stops_cleanly_on_ctrl_c(signal_name: str, keys: tuple[str, str], parent_sigint: None) -> None:
    command = [sys.executable, "-m", "telnyx_conferencing.cli", "webhooks", "listen", "--port", "0"]
    env = {**os.environ, "TELNYX_PUBLIC_KEY": keys[1], "PYTHONPATH": os.pathsep.join(sys.path)}
    with spawn(command, env=env) as process:
        assert process.stderr is not None
        assert process.stderr.readline().startswith("listening on ")
        process.send_signal(getattr(signal, signal_name))
        _, err = process.communicate(timeout=CHILD_TIMEOUT)
    assert process.returncode == 0
    assert err.strip() == "stopped" and "Traceback" not in err


def test_listen_on_a_port_in_use_is_a_usage_error_on_one_line(keys: tuple[str, str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "telnyx_conferencing.cli",
                "webhooks",
                "listen",
                "--port",
                str(port),
                "--public-key",
                keys[1],
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use (pick another --port; 0 takes a free one)"
    ]


@pytest.mark.parametrize("command", ["verify", "listen"])
def test_the_default_tolerance_is_the_sdks(command: str) -> None:
    from telnyx_conferencing.cli.webhooks import webhooks
    from telnyx_conferencing.webhooks import DEFAULT_TOLERANCE

    group_command = webhooks.commands[command]
    (option,) = [p for p in group_command.params if p.name == "tolerance"]
    assert option.default == DEFAULT_TOLERANCE == 300


def test_verify_accepts_a_delivery_a_few_minutes_old_by_default(plan: Any, run: Cli, keys: tuple[str, str]) -> None:
    """Within the SDK's 300 s window: a CLI default of its own (say 30 s) would refuse it."""
    import time

    from telnyx_conferencing.webhooks.testing import sign

    private_key, public_key = keys
    body = _delivery(plan)
    headers = sign(body, private_key, timestamp=int(time.time()) - 200)
    result = run(_verify_args(headers, public_key), input=body)
    assert result.exit_code == 0, result.output
