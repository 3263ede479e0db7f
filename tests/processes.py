"""Child processes in tests: signals reset to their defaults, and never waited on without a bound."""

from __future__ import annotations

import signal
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

# Long enough for a cold interpreter on a loaded 2-core machine; short enough that a stuck child
# fails its test instead of hanging the run.
CHILD_TIMEOUT = 30.0
WATCHDOG = 2 * CHILD_TIMEOUT


def _default_signals() -> None:
    # A shell that ignores SIGINT (a background job, some CI runners) passes the ignore on to its
    # children, and Python keeps an inherited SIG_IGN: reset it so Ctrl-C reaches the child.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)


@contextmanager
def spawn(command: Sequence[str], **kwargs: Any) -> Iterator[subprocess.Popen[str]]:
    """`Popen` with default signal handlers and a watchdog.

    A child still running after `WATCHDOG` seconds is killed, which also ends any `readline()` the
    test is blocked in; on exit the child is killed if still running, then reaped.
    """
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_signals,
        **kwargs,
    )
    watchdog = threading.Timer(WATCHDOG, process.kill)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield process
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
        try:
            process.communicate(timeout=CHILD_TIMEOUT)
        except (subprocess.TimeoutExpired, ValueError):  # ValueError: the test already read the pipes
            process.wait(timeout=CHILD_TIMEOUT)


def run(command: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """`subprocess.run` capturing text output, with a timeout unless the caller gives one."""
    kwargs.setdefault("timeout", CHILD_TIMEOUT * 4)
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run(command, **kwargs)
