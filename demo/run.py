"""``make demo``: a call-center scenario against the offline sandbox, with every webhook verified as it arrives.

Starts two processes, the sandbox (``python -m telnyx_conferencing.sandbox serve``, the same command
as ``telnyx-conf sandbox serve``) and the webhook receiver (``telnyx-conf webhooks listen``), then
drives the scenario through the SDK: an agent's call creates a conference, two callers wait in a
queue and are joined, a supervisor whispers to the agent, callers are muted and held, audio is
played and text spoken, the call is recorded (start, pause, resume, stop), a caller leaves and the
conference ends. Each step is printed, followed by the webhooks the listener verified for it. Both
processes are stopped on the way out; the exit code is 0 when every webhook was delivered and verified.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Any

STEP_WAIT = 3.0  # seconds to wait for a step's webhooks to be verified by the listener


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing is listening on port {port}") from None
            time.sleep(0.05)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


class Demo:
    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[str]] = []
        self.webhook_lines: queue.Queue[str] = queue.Queue()
        self.verified = 0
        self.rejected = 0
        self.printed = 0
        self.base_url = ""

    # ---- processes ------------------------------------------------------------------------------------

    def start(self, command: list[str]) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1, env=os.environ.copy()
        )
        self.processes.append(process)
        return process

    def start_sandbox(self, webhook_url: str) -> str:
        command = [sys.executable, "-m", "telnyx_conferencing.sandbox", "serve", "--port", "0", "--seed", "7"]
        process = self.start([*command, "--webhook-url", webhook_url])
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(2)]
        if not banner[0]:
            raise RuntimeError("the sandbox did not start: " + (process.stderr.read() if process.stderr else ""))
        self.base_url = banner[0].split(" on ")[1].split()[0]
        public_key = banner[1].split("public key: ")[1].strip()
        threading.Thread(target=self._drain, args=(process.stdout, None), daemon=True).start()
        print(f"sandbox  {self.base_url}  (public key {public_key[:12]}...)")
        return public_key

    def start_listener(self, port: int, public_key: str) -> None:
        listen = ["webhooks", "listen", "--port", str(port), "--public-key", public_key]
        try:
            import telnyx_conferencing.cli  # noqa: F401  (the real `telnyx-conf` command)
        except ImportError:
            print("listener telnyx-conf is not built yet: using the demo's own verifying receiver")
            threading.Thread(target=fallback_listener, args=(port, public_key, self.webhook_lines), daemon=True).start()
        else:
            code = "from telnyx_conferencing.cli import main; main()"
            process = self.start([sys.executable, "-c", code, *listen])
            assert process.stdout is not None
            threading.Thread(target=self._drain, args=(process.stdout, self.webhook_lines), daemon=True).start()
        wait_for_port(port)
        print(f"listener http://127.0.0.1:{port}/webhooks  (telnyx-conf {' '.join(listen[:4])} ...)")

    def _drain(self, stream: Any, sink: queue.Queue[str] | None) -> None:
        for line in stream:
            if sink is not None:
                sink.put(line.rstrip("\n"))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    # ---- output ---------------------------------------------------------------------------------------

    def sent(self) -> int:
        """How many webhooks the sandbox has emitted so far (delivered or still on their way)."""
        return len(get_json(self.base_url + "/sandbox/events")["data"])

    def show_webhooks(self, wait: float = STEP_WAIT) -> None:
        """Print listener lines until it has reported every delivery the sandbox has made so far."""
        deadline = time.monotonic() + wait
        while True:
            try:
                line = self.webhook_lines.get(timeout=0.05)
            except queue.Empty:
                if self.printed >= self.sent() or time.monotonic() > deadline:
                    return
                continue
            self.printed += 1
            if line.endswith(" verified"):
                self.verified += 1
                print(f"      webhook  {line}")
            else:
                self.rejected += 1
                print(f"      WEBHOOK  {line}")

    def step(self, text: str, action: Callable[[], Any]) -> Any:
        print(f"step  {text}")
        result = action()
        self.show_webhooks()
        return result


def fallback_listener(port: int, public_key: str, lines: queue.Queue[str]) -> None:
    """Used only while `telnyx-conf webhooks listen` is not available: verify and report one line per POST."""
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from telnyx_conferencing.webhooks import WebhookVerificationError, unwrap

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            try:
                event = unwrap(body, self.headers, public_key=public_key)
                line, status = f"{event.event_type} id={event.id} verified", 200
            except WebhookVerificationError as exc:
                line, status = f"? rejected: {exc}", 400
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()
            lines.put(line)

        def log_message(self, *args: Any) -> None:
            return None

    HTTPServer(("127.0.0.1", port), Handler).serve_forever()


def scenario(demo: Demo) -> None:
    from telnyx_conferencing import Telnyx, UnprocessableEntityError

    client = Telnyx(api_key="KEY_demo", base_url=demo.base_url + "/v2")
    agent, caller_1, caller_2, supervisor = "v3:agent-alice", "v3:caller-bob", "v3:caller-carol", "v3:supervisor-dan"
    actions = client.conferences.actions

    created = demo.step(
        "agent's call creates the conference 'support-line'",
        lambda: client.conferences.create(call_control_id=agent, name="support-line", client_state=b64("agent")),
    )
    conference = created.data.id
    print(f"      -> conference {conference} ({created.data.status})")
    demo.step(
        "caller Bob waits in queue 'support'", lambda: client.calls.actions.enqueue(caller_1, queue_name="support")
    )
    demo.step(
        "caller Carol waits in queue 'support'", lambda: client.calls.actions.enqueue(caller_2, queue_name="support")
    )
    demo.step(
        "Bob is taken from the queue into the conference", lambda: actions.join(conference, call_control_id=caller_1)
    )
    demo.step("Carol joins too", lambda: actions.join(conference, call_control_id=caller_2))
    demo.step(
        "supervisor Dan joins in whisper mode (heard by the agent only)",
        lambda: actions.join(
            conference, call_control_id=supervisor, supervisor_role="whisper", whisper_call_control_ids=[agent]
        ),
    )
    demo.step("Carol is muted", lambda: actions.mute(conference, call_control_ids=[caller_2]))
    demo.step(
        "Bob is put on hold, then taken off",
        lambda: (
            actions.hold(conference, call_control_ids=[caller_1]),
            actions.unhold(conference, call_control_ids=[caller_1]),
        ),
    )
    demo.step(
        "hold music plays to the conference", lambda: actions.play(conference, audio_url="https://example.com/hold.mp3")
    )
    demo.step(
        "a notice is spoken to everyone",
        lambda: actions.speak(conference, payload="This call is recorded.", voice="female"),
    )
    demo.step("recording starts", lambda: actions.record_start(conference, format="mp3"))
    demo.step("recording pauses (card details)", lambda: actions.record_pause(conference))
    try:
        actions.record_pause(conference)
    except UnprocessableEntityError as exc:
        print(f"      -> pausing again is refused: {exc.errors[0].detail}")
    demo.step("recording resumes", lambda: actions.record_resume(conference))
    demo.step("recording stops", lambda: actions.record_stop(conference))
    demo.step("Bob leaves the conference", lambda: actions.leave(conference, call_control_id=caller_1))
    page = client.conferences.list_participants(conference)
    for participant in page.data:
        flags = [name for name, on in (("muted", participant.muted), ("on hold", participant.on_hold)) if on]
        whisper = " whispering" if participant.whisper_call_control_ids else ""
        print(
            f"      participant {participant.call_control_id:<18} {participant.status:<7} {', '.join(flags)}{whisper}"
        )
    demo.step("the agent ends the conference", lambda: actions.end_conference(conference))
    ended = client.conferences.retrieve(conference).data
    print(f"      -> conference {ended.status} ({ended.end_reason})")
    client.close()


def main() -> int:
    started = time.monotonic()
    demo = Demo()
    try:
        listener_port = free_port()
        public_key = demo.start_sandbox(f"http://127.0.0.1:{listener_port}/webhooks")
        demo.start_listener(listener_port, public_key)
        scenario(demo)
        demo.show_webhooks(wait=5.0)
        stats = get_json(demo.base_url + "/sandbox/stats")
        events = get_json(demo.base_url + "/sandbox/events")["data"]
    finally:
        demo.stop()
    failed = [e for e in events if e["status"] != "delivered"]
    print(
        f"done in {time.monotonic() - started:.1f} s: {stats['totals']['applied']} commands applied, "
        f"{stats['duplicates_applied']} applied twice; {len(events)} webhooks sent, "
        f"{demo.verified} verified by the listener, {demo.rejected + len(failed)} failed"
    )
    ok = demo.verified == len(events) and not failed and demo.rejected == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
