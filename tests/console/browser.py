"""The OS's Chromium under Playwright (never a downloaded browser), and a webhook receiver that verifies.

Shared by the console tests and `screenshot.py`. Every wait is bounded: Playwright's default timeout
is set on each page, and the receiver's server thread is joined with a timeout.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from telnyx_conferencing import WebhookVerificationError
from telnyx_conferencing.webhooks import unwrap

# Flags that work as root on a machine with no network and no display (see the machine notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 5_000  # every Playwright wait and expectation
LAUNCH_MS = 30_000  # a cold Chromium start on a loaded 2-core machine


def chromium_executable() -> str | None:
    """The installed Chromium (`CHROMIUM` overrides), or None when the OS has none."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@contextmanager
def chromium(executable: str) -> Iterator[Any]:
    """A headless Chromium browser; Playwright gives each launch a fresh profile directory."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS, timeout=LAUNCH_MS
        )
        try:
            yield browser
        finally:
            browser.close()


class Receiver:
    """A local webhook endpoint verifying each delivery with the SDK: 200 when it verifies, 400 when not."""

    def __init__(self) -> None:
        self.public_key = ""  # set once the sandbox (and so its key) exists
        self.verified: list[dict[str, Any]] = []  # the events that verified, in arrival order
        self.rejected = 0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                try:
                    event = unwrap(body, dict(self.headers.items()), public_key=receiver.public_key)
                except WebhookVerificationError:
                    with receiver._lock:
                        receiver.rejected += 1
                    self.send_response(400)
                else:
                    with receiver._lock:
                        receiver.verified.append(
                            {"id": event.id, "event_type": event.event_type, "body": json.loads(body)}
                        )
                    self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/telnyx/webhooks"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def events(self, event_type: str) -> list[dict[str, Any]]:
        with self._lock:
            return [event for event in self.verified if event["event_type"] == event_type]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5.0)
