"""``telnyx-conf`` as a real process: fast ``--help`` (lazy loading), a network failure's exit code, completion."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("httpx", "nacl", "attrs", "telnyx_conferencing.lowlevel", "telnyx_conferencing._base_client")

# Runs `telnyx-conf ARGS` in a fresh interpreter (or, with no ARGS, only imports the package), then
# prints the heavy modules that got imported, as "HEAVY=a,b" on stderr.
_PROBE = """
import sys
heavy_prefixes = tuple(sys.argv[1].split(","))
if sys.argv[2:]:
    from telnyx_conferencing.cli import main
    sys.argv = ["telnyx-conf", *sys.argv[2:]]
    try:
        main()
    except SystemExit:
        pass
else:
    import telnyx_conferencing
loaded = {m if m.startswith("telnyx") else m.split(".")[0] for m in sys.modules if m.startswith(heavy_prefixes)}
print("HEAVY=" + ",".join(sorted(loaded)), file=sys.stderr)
"""


def _probe(*args: str) -> tuple[set[str], str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(HEAVY), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("HEAVY="))
    return {name for name in line.removeprefix("HEAVY=").split(",") if name}, result.stdout


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    return env


def _heavy_modules_after(*args: str) -> set[str]:
    loaded, stdout = _probe(*args)
    assert "Usage: telnyx-conf" in stdout
    return loaded


def _imported_by_the_package_itself() -> set[str]:
    return _probe()[0]


@pytest.mark.parametrize("args", [["--help"], ["conferences", "--help"], ["conferences", "actions", "join", "--help"]])
def test_help_adds_no_heavy_imports(args: list[str]) -> None:
    """The CLI itself imports neither httpx, nacl nor the low-level client to show help."""
    added = _heavy_modules_after(*args) - _imported_by_the_package_itself()
    assert added == set()


def test_help_imports_no_heavy_module_at_all() -> None:
    """The brief: ``telnyx-conf --help`` must not import httpx, nacl or telnyx_conferencing.lowlevel."""
    assert _imported_by_the_package_itself() & {"httpx", "nacl", "telnyx_conferencing.lowlevel"} == set()
    assert _heavy_modules_after("--help") & {"httpx", "nacl", "telnyx_conferencing.lowlevel"} == set()


def test_connection_refused_exits_3_in_a_real_process() -> None:
    env = {**_env(), "TELNYX_API_KEY": "KEY_secret_123"}
    command = [sys.executable, "-m", "telnyx_conferencing.cli", "--base-url", "http://127.0.0.1:9/v2"]
    command += ["--max-retries", "0", "conferences", "retrieve", "conf-1"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Connection error"), result.stderr
    assert "127.0.0.1:9" in lines[0] and "KEY_secret_123" not in result.stderr
    assert result.stdout == ""


def test_version_and_exit_codes_in_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "telnyx_conferencing.cli", "--help"],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
        timeout=120,
    )
    assert "Exit codes:" in result.stdout
    for code in ("0  success", "1  API error", "2  usage error", "3  network error"):
        assert code in result.stdout
    version = subprocess.run(
        [sys.executable, "-m", "telnyx_conferencing.cli", "--version"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert version.returncode == 0 and version.stdout.startswith("telnyx-conf ")


def test_bash_completion_works() -> None:
    env = {**_env(), "_TELNYX_CONF_COMPLETE": "bash_source"}
    script = subprocess.run(
        [sys.executable, "-m", "telnyx_conferencing.cli"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    assert "_telnyx_conf_completion" in script.stdout
    env.update(_TELNYX_CONF_COMPLETE="bash_complete", COMP_WORDS="telnyx-conf conferences actions j", COMP_CWORD="3")
    completion = subprocess.run(
        [sys.executable, "-m", "telnyx_conferencing.cli"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    assert "plain,join" in completion.stdout.splitlines()
