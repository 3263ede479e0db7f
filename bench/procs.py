"""Child processes of the benchmark: the loopback server, workers in either venv, and timed one-shot commands."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAIN_PYTHON = ROOT / ".venv" / "bin" / "python"
PEER_PYTHON = ROOT / "bench" / ".venv-peer" / "bin" / "python"


def pin(pid: int, role: str) -> None:
    """On 2+ cores, keep the server on the last core and clients on the first, so they never share one."""
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cpus) >= 2:
        os.sched_setaffinity(pid, {cpus[-1] if role == "server" else cpus[0]})


def child_env() -> dict[str, str]:
    """The environment for children: no Telnyx settings leaking in from the shell, no stray bytecode writes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Server:
    """`bench.server` in its own process (its own GIL and, on 2 cores, its own core)."""

    def __init__(self, fixtures: Path) -> None:
        self._process = subprocess.Popen(
            [str(MAIN_PYTHON), "-m", "bench.server", str(fixtures)],
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        pin(self._process.pid, "server")
        assert self._process.stdout is not None
        self.base_url = f"http://127.0.0.1:{int(self._process.stdout.readline())}"

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=10)


class Worker:
    """`bench.worker` under a given interpreter; `request()` sends one JSON line and reads the reply."""

    def __init__(self, python: Path) -> None:
        self._process = subprocess.Popen(
            [str(python), "-m", "bench.worker"],
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        pin(self._process.pid, "client")

    def request(self, **message: Any) -> dict[str, Any]:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps(message) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            return {"error": f"worker exited with code {self._process.wait()}"}
        reply: dict[str, Any] = json.loads(line)
        return reply

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=30)


PEAK_REPORT = "\nfor _l in open('/proc/self/status'):\n    _l.startswith('VmHWM:') and print(_l.strip())"
"""Appended to a `python -c` snippet: the child prints its own peak RSS (VmHWM) as it ends.

The rusage that wait4 returns cannot be used here: a child forked from this (large) process starts with the
parent's RSS as its high-water mark, which exec carries over, so `python -c pass` would report the parent's size.
"""


def timed_run(argv: Sequence[str], cwd: Path) -> tuple[float, int | None]:
    """Run a command to completion: (wall seconds, peak RSS in bytes if the child printed a VmHWM line, else None)."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), cwd=cwd, env=child_env(), stdin=subprocess.DEVNULL, stdout=output, stderr=errors
        )
        process.wait()
        elapsed = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(argv)} exited with code {process.returncode}:\n{tail}")
        output.seek(0)
        peaks = [
            line.split()[1] for line in output.read().decode(errors="replace").splitlines() if line.startswith("VmHWM:")
        ]
    return elapsed, int(peaks[-1]) * 1024 if peaks else None


def peer_status() -> tuple[str | None, str | None]:
    """(official SDK version, None) when the peer venv can import `telnyx`, else (None, why not)."""
    if not PEER_PYTHON.exists():
        return None, "no bench/.venv-peer"
    probe = subprocess.run(
        [str(PEER_PYTHON), "-c", "import telnyx; print(telnyx.__version__)"],
        capture_output=True,
        text=True,
        env=child_env(),
    )
    if probe.returncode != 0:
        return None, "telnyx not importable in bench/.venv-peer"
    return probe.stdout.strip(), None


def peer_has_nacl() -> bool:
    probe = subprocess.run([str(PEER_PYTHON), "-c", "import nacl.signing"], capture_output=True, env=child_env())
    return probe.returncode == 0
