"""The sandbox is an optional extra: not imported with the SDK, a hint when missing, a CLI that serves it."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request

import click
import pytest

import telnyx_conferencing
from telnyx_conferencing.sandbox import require_extra
from telnyx_conferencing.sandbox.cli import sandbox
from tests.processes import spawn


def _env() -> dict[str, str]:
    package_root = os.path.dirname(os.path.dirname(telnyx_conferencing.__file__))
    return {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")])}


def test_importing_the_sdk_imports_no_server_packages() -> None:
    code = (
        "import sys, telnyx_conferencing, telnyx_conferencing.sandbox, telnyx_conferencing.sandbox.cli;"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jsonschema') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_a_missing_extra_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    with pytest.raises(ImportError, match=r"pip install 'telnyx-conferencing\[sandbox\]'"):
        require_extra()
    from click.testing import CliRunner

    result = CliRunner().invoke(sandbox, ["serve", "--port", "0"])
    assert result.exit_code == 1 and "telnyx-conferencing[sandbox]" in result.output


def test_cli_group_and_help() -> None:
    assert isinstance(sandbox, click.Group) and "serve" in sandbox.commands
    from click.testing import CliRunner

    result = CliRunner().invoke(sandbox, ["serve", "--help"])
    assert result.exit_code == 0
    for flag in ("--port", "--webhook-url", "--seed", "--fault-rate"):
        assert flag in result.output
    assert CliRunner().invoke(sandbox, ["serve", "--fault-rate", "2"]).exit_code == 2


def test_serve_prints_url_and_public_key_and_answers() -> None:
    command = [sys.executable, "-m", "telnyx_conferencing.sandbox", "serve", "--port", "0", "--seed", "3"]
    with spawn(command, env=_env()) as process:
        assert process.stdout is not None
        first, second = process.stdout.readline(), process.stdout.readline()
        base_url = first.split(" on ")[1].split()[0]
        public_key = second.split("public key: ")[1].strip()
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(base_url + "/sandbox/public-key", timeout=1) as response:
                    assert json.load(response) == {"public_key": public_key}
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        from telnyx_conferencing.sandbox import SandboxApp

        assert public_key == SandboxApp(seed=3).public_key
