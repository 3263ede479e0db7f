"""Webhook verify + parse workloads: bare PyNaCl + json.loads (floor), this SDK's unwrap, the official SDK's.

`config` carries a signed delivery: `body` (text), `headers` (as `webhooks.testing.sign` returns them) and
`public_key` (base64). Each builder checks the delivery once, then returns `run(n) -> seconds`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

Runner = Callable[[int], float]
WARMUP = 200


def _floor(config: dict[str, Any]) -> Callable[[], Any]:
    import base64
    import json

    from nacl.signing import VerifyKey

    body = config["body"].encode()
    headers = config["headers"]
    verify_key = VerifyKey(base64.b64decode(config["public_key"]))  # cached, as an app would

    def call() -> Any:
        signature = base64.b64decode(headers["telnyx-signature-ed25519"])
        verify_key.verify(headers["telnyx-timestamp"].encode() + b"|" + body, signature)
        return json.loads(body)

    return call


def _ours(config: dict[str, Any]) -> Callable[[], Any]:
    from telnyx_conferencing.webhooks import unwrap

    body, headers, public_key = config["body"].encode(), config["headers"], config["public_key"]
    return lambda: unwrap(body, headers, public_key=public_key)


def _official(config: dict[str, Any]) -> Callable[[], Any]:
    import telnyx

    client = telnyx.Telnyx(api_key=config["api_key"], base_url=config.get("base_url"))
    # Its unwrap takes the payload as text and formats f"{timestamp}|{payload}" itself.
    body, headers, public_key = config["body"], config["headers"], config["public_key"]
    return lambda: client.webhooks.unwrap(body, headers=headers, key=public_key)


def build(variant: str, config: dict[str, Any]) -> Runner:
    make = {"floor": _floor, "ours": _ours, "official": _official}[variant]
    tampered = make({**config, "body": config["body"].replace("joined", "joinex", 1)})
    try:
        tampered()
    except Exception:
        pass  # rejected, as it must be: the variant really verifies the signature
    else:
        raise RuntimeError(f"{variant} accepted a tampered body: it does not verify the signature")
    call = make(config)
    for _ in range(WARMUP):
        call()

    def run(n: int) -> float:
        started = time.perf_counter()
        for _ in range(n):
            call()
        return time.perf_counter() - started

    return run
