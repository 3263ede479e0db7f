"""Test helpers for apps that receive Telnyx webhooks: make a key pair and sign bodies as Telnyx does.

Use them in your own unit tests, never in production code::

    from telnyx_conferencing import webhooks
    from telnyx_conferencing.webhooks.testing import example_body, generate_keypair, sign

    private_key, public_key = generate_keypair()
    body = example_body("conference.created")
    headers = sign(body, private_key)
    event = webhooks.unwrap(body, headers, public_key=public_key)
    # or post it to your endpoint: test_client.post("/webhooks/telnyx", content=body, headers=headers)
"""

from __future__ import annotations

import base64
import binascii
import json
import time

from ._verify import SIGNATURE_HEADER, TIMESTAMP_HEADER

__all__ = ["example_body", "generate_keypair", "sign"]


def generate_keypair() -> tuple[str, str]:
    """Return a new Ed25519 key pair as ``(private_key, public_key)``, both base64.

    The private key is the 32-byte seed (what `sign` takes); the public key is the 32-byte
    verify key, in the same form as the one shown in the Telnyx portal (what `unwrap` takes).
    """
    from nacl.signing import SigningKey

    signing_key = SigningKey.generate()
    return (
        base64.b64encode(bytes(signing_key)).decode("ascii"),
        base64.b64encode(bytes(signing_key.verify_key)).decode("ascii"),
    )


def sign(body: bytes | str, private_key: str, timestamp: int | None = None) -> dict[str, str]:
    """Sign `body` as Telnyx does and return the two headers to send with it.

    `timestamp` defaults to now (unix seconds); pass an old one to test the tolerance check.
    A str body is encoded as UTF-8, so send exactly these bytes in your test request.
    """
    from nacl.signing import SigningKey

    try:
        seed = base64.b64decode(private_key, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise ValueError("private_key must be base64 text, as returned by generate_keypair()") from None
    if len(seed) != 32:
        raise ValueError(f"private_key must decode to a 32-byte Ed25519 seed, got {len(seed)} bytes")
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    signature = SigningKey(seed).sign(f"{stamp}|".encode("ascii") + raw).signature
    return {
        SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"),
        TIMESTAMP_HEADER: str(stamp),
    }


def example_body(event_type: str) -> bytes:
    """Return a delivery body for `event_type` built from the spec's example, in the ``data`` envelope.

    Raises KeyError for an event type without an example in the spec.
    """
    from .events import EXAMPLES

    try:
        example = EXAMPLES[event_type]
    except KeyError:
        raise KeyError(f"no spec example for event type {event_type!r}; known: {sorted(EXAMPLES)}") from None
    return json.dumps({"data": json.loads(example), "meta": {"attempt": 1}}, separators=(",", ":")).encode()
