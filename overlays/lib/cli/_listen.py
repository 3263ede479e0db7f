"""The local webhook receiver behind ``telnyx-conf webhooks listen``, on the standard library only.

A `ThreadingHTTPServer` verifies each POST with `telnyx_conferencing.webhooks.unwrap`, answers 200
(verified) or 400 (rejected), and prints one flushed line per delivery on stdout. It stops on
Ctrl-C (or SIGTERM), or after ``max_events`` deliveries.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import click

from ._errors import UsageFailure

__all__ = ["serve"]

_MAX_BODY = 1024 * 1024  # Telnyx deliveries are a few kB; anything larger is not one


class _Receiver(ThreadingHTTPServer):
    """The server plus what its handlers share: the key, the tolerance and the delivery count."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], public_key: str, tolerance: int, max_events: int | None) -> None:
        super().__init__(address, _Handler)
        self.public_key = public_key
        self.tolerance = tolerance
        self.max_events = max_events
        self._count = 0
        self._lock = threading.Lock()

    def record_delivery(self, line: str) -> None:
        """Print the delivery's line; once `max_events` have arrived, stop serving."""
        with self._lock:
            if self.max_events is not None and self._count >= self.max_events:
                return  # arrived while shutting down: past --max-events, so not reported
            click.echo(line)
            self._count += 1
            done = self.max_events is not None and self._count >= self.max_events
        if done:
            # shutdown() waits for serve_forever() to return, so it cannot run on a handler thread's own stack.
            threading.Thread(target=self.shutdown, daemon=True).start()


class _Handler(BaseHTTPRequestHandler):
    server: _Receiver
    protocol_version = "HTTP/1.1"
    timeout = 10  # a sender that stalls mid-body must not hold a thread forever

    def do_POST(self) -> None:
        from ..webhooks import WebhookVerificationError, unwrap

        length = self.headers.get("content-length")
        if length is None or not length.isdigit() or int(length) > _MAX_BODY:
            self.close_connection = True  # the unread body would otherwise be taken for the next request
            self._answer(411 if length is None else 413, {"error": "a Content-Length of at most 1 MiB is required"})
            return
        body = self.rfile.read(int(length))
        try:
            event = unwrap(body, self.headers, public_key=self.server.public_key, tolerance=self.server.tolerance)
        except WebhookVerificationError as exc:
            self._reject(body, 400, " ".join(str(exc).split()), verdict="rejected")
            return
        except Exception as exc:  # a bug must not kill the receiver: answer 500 and say so
            self._reject(body, 500, f"{type(exc).__name__}: {exc}", verdict="error")
            return
        self._answer(200, {"status": "verified"})
        self.server.record_delivery(f"{event.event_type} id={event.id} verified")

    def _reject(self, body: bytes, status: int, reason: str, *, verdict: str) -> None:
        event_type, event_id = _unverified_identity(body)
        self._answer(status, {"error": reason})
        self.server.record_delivery(f"{event_type} id={event_id} {verdict}: {reason}")

    def do_GET(self) -> None:
        self._answer(405, {"error": "send webhook deliveries as POST"})

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per delivery is printed by record_delivery; no access log


def _unverified_identity(body: bytes) -> tuple[str, str]:
    """Best-effort event type and id of a rejected body, for the log line only (never trusted)."""
    try:
        document = json.loads(body)
    except ValueError:
        return "-", "-"
    event = document.get("data", document) if isinstance(document, dict) else None
    if not isinstance(event, dict):
        return "-", "-"
    return str(event.get("event_type") or "-"), str(event.get("id") or "-")


def serve(host: str, port: int, *, public_key: str, tolerance: int, max_events: int | None = None) -> None:
    """Run the receiver until Ctrl-C/SIGTERM or `max_events` deliveries; the address goes to stderr first."""
    try:
        receiver = _Receiver((host, port), public_key, tolerance, max_events)
    except OSError as exc:
        # Exit 2, like click.File on a missing file: the user fixes it by changing --port/--host.
        reason = exc.strerror or exc
        raise UsageFailure(
            f"cannot listen on {host}:{port}: {reason} (pick another --port; 0 takes a free one)"
        ) from None
    with receiver as server, _sigterm_as_interrupt():
        bound_host, bound_port = server.server_address[:2]
        try:
            click.echo(f"listening on http://{bound_host!s}:{bound_port}/ (Ctrl-C to stop)", err=True)
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while serving (main thread only), so `kill` also stops cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
