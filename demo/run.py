"""``make demo``: a whole call-center call against the offline sandbox, every webhook verified as it arrives.

Starts two processes, the sandbox (``python -m telnyx_conferencing.sandbox serve``, the same command as
``telnyx-conf sandbox serve``, with its clock frozen) and the webhook receiver (``telnyx-conf webhooks
listen``), then plays the call through the SDK, one function per step:

 1. a caller rings in (injected with a scripted digit) and the app answers;
 2. a spoken menu gathers the digit the caller presses; the app reads it from the verified webhook;
 3. the caller waits in the ``support`` queue;
 4. an agent is dialed and answers; the caller is taken out of the queue;
 5. the agent's leg creates a conference and the caller joins it;
 6. a supervisor is dialed, answers and joins as a whisperer (heard by the agent only);
 7. the conference is recorded (start, stop, ``conference.recording.saved``);
 8. the caller is transferred to a specialist, who answers and is bridged with the caller;
 9. everyone hangs up.

Time moves only when the demo advances the sandbox clock (``POST /sandbox/clock``): rings, the menu's
speech, the digit and the queue wait take no real time. Each step is printed, then the webhooks the
listener verified for it. Every wait is bounded; both processes are stopped on the way out. The exit code
is 0 when every webhook was delivered and verified.
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
from typing import IO, Any

STEP_WAIT = 5.0  # seconds to wait for a step's webhooks to be verified by the listener
START_WAIT = 15.0  # seconds for each process to come up

CALLER, CENTER = "+13125550100", "+13125550199"  # the customer, and the number they call
AGENT, SUPERVISOR, SPECIALIST = "+13125550142", "+13125550143", "+13125550177"
CONNECTION_ID = "demo-call-center"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = START_WAIT) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing is listening on port {port}") from None
            time.sleep(0.05)


def http_json(url: str, body: dict[str, Any] | None = None) -> Any:
    """GET `url` (or POST `body` as JSON) and decode the answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


class Demo:
    """The two processes, the listener's lines, and the printing of each step with its webhooks."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[str]] = []
        self.sandbox_lines: queue.Queue[str] = queue.Queue()
        self.webhook_lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []  # every listener line so far
        self.verified = 0
        self.rejected = 0
        self.base_url = ""

    # ---- processes ------------------------------------------------------------------------------------

    def start(self, command: list[str], sink: queue.Queue[str]) -> None:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1, env=os.environ.copy()
        )
        self.processes.append(process)
        threading.Thread(target=drain, args=(process.stdout, sink), daemon=True).start()

    def start_sandbox(self, webhook_url: str) -> str:
        """The sandbox with a frozen clock (only the demo's advances move it); returns its public key."""
        command = [sys.executable, "-m", "telnyx_conferencing.sandbox", "serve", "--port", "0", "--seed", "7"]
        self.start([*command, "--speed", "0", "--ring-secs", "3", "--webhook-url", webhook_url], self.sandbox_lines)
        try:
            banner = [self.sandbox_lines.get(timeout=START_WAIT) for _ in range(2)]
        except queue.Empty:
            raise RuntimeError("the sandbox did not start") from None
        self.base_url = banner[0].split(" on ")[1].split()[0]
        public_key = banner[1].split("public key: ")[1].strip()
        print(f"sandbox  {self.base_url}  (clock frozen; public key {public_key[:12]}...)")
        return public_key

    def start_listener(self, port: int, public_key: str) -> None:
        listen = ["webhooks", "listen", "--port", str(port), "--public-key", public_key]
        code = "from telnyx_conferencing.cli import main; main()"  # the real `telnyx-conf` command
        self.start([sys.executable, "-c", code, *listen], self.webhook_lines)
        wait_for_port(port)
        print(f"listener http://127.0.0.1:{port}/webhooks  (telnyx-conf {' '.join(listen[:4])} ...)")

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

    # ---- the sandbox's clock and logs -----------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward; rings, speech, digits and waits due by then happen first."""
        http_json(self.base_url + "/sandbox/clock", {"advance_secs": seconds})
        print(f"      (sandbox clock +{seconds:g} s)")

    def sent(self) -> int:
        """How many webhooks the sandbox has emitted so far (delivered or still on their way)."""
        return len(http_json(self.base_url + "/sandbox/events")["data"])

    def verified_event(self, event_type: str) -> dict[str, Any]:
        """The last `event_type` webhook the listener verified, read back from the sandbox's delivery log."""
        ids = [line.split()[1].removeprefix("id=") for line in self.seen if line.startswith(event_type + " ")]
        if not ids:
            raise RuntimeError(f"the listener verified no {event_type}")
        for delivery in http_json(self.base_url + f"/sandbox/events?event_type={event_type}")["data"]:
            if delivery["id"] == ids[-1]:
                event: dict[str, Any] = delivery["body"]["data"]
                return event
        raise RuntimeError(f"{event_type} {ids[-1]} is not in the sandbox's log")

    # ---- output ---------------------------------------------------------------------------------------

    def show_webhooks(self, wait: float = STEP_WAIT) -> None:
        """Print listener lines until it has reported every delivery the sandbox has made so far."""
        deadline = time.monotonic() + wait
        while True:
            try:
                line = self.webhook_lines.get(timeout=0.05)
            except queue.Empty:
                if len(self.seen) >= self.sent() or time.monotonic() > deadline:
                    return
                continue
            self.seen.append(line)
            if line.endswith(" verified"):
                self.verified += 1
                print(f"      webhook  {line}")
            else:
                self.rejected += 1
                print(f"      WEBHOOK  {line}")

    def step(self, text: str, action: Callable[[], Any], *, advance: float = 0.0) -> Any:
        """Print the step, run it, let `advance` seconds of sandbox time pass, print its webhooks."""
        print(f"step  {text}")
        result = action()
        if advance:
            self.advance(advance)
        self.show_webhooks()
        return result


def drain(stream: IO[str], sink: queue.Queue[str]) -> None:
    for line in stream:
        sink.put(line.rstrip("\n"))


class CallCenter:
    """The app: one method per step of the call, each through the SDK (or the sandbox's injection endpoint)."""

    def __init__(self, demo: Demo) -> None:
        from telnyx_conferencing import Telnyx

        self.demo = demo
        self.client = Telnyx(api_key="KEY_demo", base_url=demo.base_url + "/v2")
        self.caller = self.agent = self.supervisor = self.conference = ""

    def dial(self, to: str, who: str) -> str:
        leg = self.client.calls.dial(connection_id=CONNECTION_ID, from_=CENTER, to=to, client_state=b64(who))
        return leg.data.call_control_id or ""

    def caller_rings_in(self) -> None:
        def inject() -> None:
            body = {"from": CALLER, "to": CENTER, "digits": "1"}  # the caller will press 1
            self.caller = http_json(self.demo.base_url + "/sandbox/calls/inbound", body)["data"]["call_control_id"]

        self.demo.step(f"a caller rings in from {CALLER} (they will press 1)", inject)
        self.demo.step("the app answers", lambda: self.client.calls.actions.answer(self.caller))

    def menu(self) -> str:
        prompt = "Thanks for calling. For support press 1, for billing press 2."
        self.demo.step(
            "the menu is spoken and gathers one digit",
            lambda: self.client.calls.actions.gather_using_speak(
                self.caller, payload=prompt, voice="female", language="en-US", maximum_digits=1, valid_digits="12"
            ),
            advance=10,
        )
        gathered = self.demo.verified_event("call.gather.ended")["payload"]
        print(f"      -> the caller pressed {gathered['digits']!r} ({gathered['status']}): support")
        return str(gathered["digits"])

    def queue_caller(self) -> None:
        self.demo.step(
            "the caller waits in queue 'support'",
            lambda: self.client.calls.actions.enqueue(self.caller, queue_name="support", max_wait_time_secs=600),
            advance=20,
        )
        waiting = self.client.queues.retrieve("support").data
        print(f"      -> queue 'support': {waiting.current_size} waiting")

    def agent_answers(self) -> None:
        self.agent = self.demo.step(
            f"agent Alice ({AGENT}) is dialed and answers", lambda: self.dial(AGENT, "agent"), advance=3
        )
        self.demo.step(
            "the caller is taken out of the queue", lambda: self.client.calls.actions.leave_queue(self.caller)
        )

    def conference_with_caller(self) -> None:
        created = self.demo.step(
            "Alice's leg creates the conference 'support-1'",
            lambda: self.client.conferences.create(call_control_id=self.agent, name="support-1"),
        )
        self.conference = created.data.id
        self.demo.step(
            "the caller joins the conference",
            lambda: self.client.conferences.actions.join(self.conference, call_control_id=self.caller),
        )

    def supervisor_whispers(self) -> None:
        self.supervisor = self.demo.step(
            f"supervisor Dan ({SUPERVISOR}) is dialed and answers",
            lambda: self.dial(SUPERVISOR, "supervisor"),
            advance=3,
        )
        self.demo.step(
            "Dan joins in whisper mode (heard by Alice only)",
            lambda: self.client.conferences.actions.join(
                self.conference,
                call_control_id=self.supervisor,
                supervisor_role="whisper",
                whisper_call_control_ids=[self.agent],
            ),
        )
        names = {self.agent: "Alice (agent)", self.caller: "the caller", self.supervisor: "Dan (supervisor)"}
        for participant in self.client.conferences.list_participants(self.conference).data:
            heard_by = ", ".join(names[leg].split()[0] for leg in participant.whisper_call_control_ids or [])
            whisper = f", whispering to {heard_by}" if heard_by else ""
            print(f"      participant {names[participant.call_control_id]:<16} {participant.status}{whisper}")

    def record(self) -> None:
        actions = self.client.conferences.actions
        self.demo.step("recording starts", lambda: actions.record_start(self.conference, format="mp3"), advance=30)
        self.demo.step("recording stops (conference.recording.saved)", lambda: actions.record_stop(self.conference))
        saved = self.demo.verified_event("conference.recording.saved")["payload"]
        print(f"      -> recording {saved['recording_id']} saved: {saved['recording_urls']['mp3']}")

    def transfer(self) -> None:
        self.demo.step(
            f"the caller is transferred to a billing specialist ({SPECIALIST}), who answers",
            lambda: self.client.calls.actions.transfer(self.caller, to=SPECIALIST, from_=CENTER),
            advance=3,
        )

    def everyone_hangs_up(self) -> None:
        hangup = self.client.calls.actions.hangup
        self.demo.step("Dan hangs up", lambda: hangup(self.supervisor))
        self.demo.step("Alice hangs up (the conference ends)", lambda: hangup(self.agent))
        self.demo.step("the caller hangs up (the specialist's leg ends with it)", lambda: hangup(self.caller))
        ended = self.client.conferences.retrieve(self.conference).data
        status = self.client.calls.retrieve_status(self.caller).data
        print(f"      -> conference {ended.status} ({ended.end_reason}); caller alive: {status.is_alive}")

    def run(self) -> None:
        try:
            self.caller_rings_in()
            self.menu()
            self.queue_caller()
            self.agent_answers()
            self.conference_with_caller()
            self.supervisor_whispers()
            self.record()
            self.transfer()
            self.everyone_hangs_up()
        finally:
            self.client.close()


def main() -> int:
    started = time.monotonic()
    demo = Demo()
    try:
        listener_port = free_port()
        public_key = demo.start_sandbox(f"http://127.0.0.1:{listener_port}/webhooks")
        demo.start_listener(listener_port, public_key)
        CallCenter(demo).run()
        demo.show_webhooks()
        stats = http_json(demo.base_url + "/sandbox/stats")
        events = http_json(demo.base_url + "/sandbox/events")["data"]
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
