"""`make demo` (demo/run.py) tells the whole call-center story, in order, and every webhook is verified."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import telnyx_conferencing

DEMO = Path(__file__).resolve().parents[2] / "demo" / "run.py"

# What must appear, in this order: a step's text (a line starting "step  ...") or a verified webhook's type.
STORY = [
    ("step", "a caller rings in"),
    ("webhook", "call.initiated"),
    ("step", "the app answers"),
    ("webhook", "call.answered"),
    ("step", "the menu is spoken and gathers one digit"),
    ("webhook", "call.speak.started"),
    ("webhook", "call.speak.ended"),
    ("webhook", "call.gather.ended"),
    ("line", "-> the caller pressed '1' (valid)"),
    ("step", "the caller waits in queue 'support'"),
    ("webhook", "call.enqueued"),
    ("step", "agent Alice"),
    ("webhook", "call.initiated"),
    ("webhook", "call.answered"),
    ("step", "the caller is taken out of the queue"),
    ("webhook", "call.dequeued"),
    ("step", "Alice's leg creates the conference"),
    ("webhook", "conference.created"),
    ("webhook", "conference.participant.joined"),
    ("step", "the caller joins the conference"),
    ("webhook", "conference.participant.joined"),
    ("step", "supervisor Dan"),
    ("webhook", "call.answered"),
    ("step", "Dan joins in whisper mode"),
    ("webhook", "conference.participant.joined"),
    ("line", "participant Dan (supervisor) joined, whispering to Alice"),
    ("step", "recording starts"),
    ("step", "recording stops"),
    ("webhook", "conference.recording.saved"),
    ("step", "the caller is transferred"),
    ("webhook", "call.initiated"),
    ("webhook", "call.answered"),
    ("webhook", "conference.participant.left"),
    ("webhook", "call.bridged"),
    ("webhook", "call.bridged"),
    ("step", "Dan hangs up"),
    ("webhook", "call.hangup"),
    ("step", "Alice hangs up"),
    ("webhook", "conference.ended"),
    ("webhook", "call.hangup"),
    ("step", "the caller hangs up"),
    ("webhook", "call.hangup"),
    ("webhook", "call.hangup"),
    ("line", "-> conference completed (all_left); caller alive: False"),
]


def _matches(line: str, kind: str, text: str) -> bool:
    if kind == "step":
        return line.startswith("step  " + text)
    if kind == "webhook":
        return line.strip().startswith(f"webhook  {text} id=") and line.endswith(" verified")
    return text in line


def test_demo_tells_the_call_center_story_and_every_webhook_is_verified() -> None:
    package_root = os.path.dirname(os.path.dirname(telnyx_conferencing.__file__))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=90)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = result.stdout.splitlines()
    position = 0
    for kind, text in STORY:
        found = next((i for i in range(position, len(lines)) if _matches(lines[i], kind, text)), None)
        assert found is not None, f"{kind} {text!r} missing after line {position}:\n{result.stdout}"
        position = found + 1
    webhooks = [line for line in lines if line.lstrip().startswith(("webhook ", "WEBHOOK "))]
    assert webhooks and all(line.endswith(" verified") for line in webhooks), result.stdout
    assert "0 applied twice" in lines[-1] and "0 failed" in lines[-1]
    assert f"{len(webhooks)} webhooks sent, {len(webhooks)} verified by the listener" in lines[-1]
