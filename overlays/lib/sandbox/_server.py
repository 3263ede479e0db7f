"""Serving the sandbox with uvicorn: in the foreground (the CLI) or on a background thread (tests, scripts)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import uvicorn

__all__ = ["bind", "run_in_thread", "serve", "serving"]


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening socket; port 0 picks a free one (read it back with `getsockname()`)."""
    # proto=IPPROTO_TCP matters: asyncio turns on TCP_NODELAY only for sockets that say they are TCP,
    # and without it every response waits ~40 ms for a delayed ACK (headers and body go out separately).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _config(app: Any, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        app, log_level=log_level, lifespan="off", access_log=False, timeout_graceful_shutdown=2, timeout_keep_alive=5
    )


def serve(app: Any, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve `app` on `sock` until interrupted (Ctrl-C)."""
    uvicorn.Server(_config(app, log_level)).run(sockets=[sock])


def run_in_thread(
    app: Any, *, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning", startup_timeout: float = 10.0
) -> tuple[str, Callable[[], None]]:
    """Start uvicorn on a background thread; returns ``(base_url, stop)``. `stop()` is idempotent."""
    sock = bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    server = uvicorn.Server(_config(app, log_level))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="telnyx-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError(f"the sandbox did not start on {bound_host}:{bound_port}")
        time.sleep(0.005)
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if stopped:
            return
        stopped = True
        server.should_exit = True
        thread.join(timeout=10.0)
        sock.close()

    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    return f"http://{shown_host}:{bound_port}", stop


@contextlib.contextmanager
def serving(app: Any, **options: Any) -> Iterator[str]:
    """`run_in_thread` as a context manager: ``with serving(app) as base_url: ...``."""
    base_url, stop = run_in_thread(app, **options)
    try:
        yield base_url
    finally:
        stop()
