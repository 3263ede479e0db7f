"""A benchmark worker: one JSON request per stdin line, one JSON reply per stdout line.

Started as `python -m bench.worker` from the repo root, with the main venv (floor and ours) or the peer venv
(the official SDK), so the orchestrator can interleave rounds of variants that live in different venvs:

    {"op": "setup", "case": NAME, "kind": "http", "args": {...}}  -> {"ok": true} | {"error": "..."}
    {"op": "run", "case": NAME, "n": 500}                         -> {"seconds": 0.21} | {"error": "..."}

It exits when stdin closes.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from typing import Any


def _build(kind: str, args: dict[str, Any]) -> Callable[[int], float]:
    if kind == "http":
        from . import http_cases

        return http_cases.build(args["op"], args["mode"], args["variant"], args["config"])
    if kind == "webhook":
        from . import webhook_cases

        return webhook_cases.build(args["variant"], args["config"])
    raise ValueError(f"unknown kind {kind!r}")


def main() -> None:
    runners: dict[str, Callable[[int], float]] = {}
    reply_to = sys.stdout
    sys.stdout = sys.stderr  # anything a library prints must not corrupt the replies
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "setup":
                runners[request["case"]] = _build(request["kind"], request["args"])
                reply: dict[str, Any] = {"ok": True}
            else:
                reply = {"seconds": runners[request["case"]](request["n"])}
        except Exception as exc:
            reply = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
        reply_to.write(json.dumps(reply) + "\n")
        reply_to.flush()


if __name__ == "__main__":
    main()
