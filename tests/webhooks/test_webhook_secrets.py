"""No error message ever contains the public key, the private key or the signature."""

from __future__ import annotations

import base64

import pytest

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks import WebhookVerificationError
from telnyx_conferencing.webhooks.testing import generate_keypair, sign

from .conftest import NOW, envelope


def _messages(private_key: str, public_key: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    body = envelope()
    good = sign(body, private_key, timestamp=NOW)
    _, other_public = generate_keypair()
    raw_public = base64.b64decode(public_key)
    cases = [
        (body + b" ", good, public_key),  # mismatch
        (body, good, other_public),  # wrong key
        (body, good, public_key[:-4]),  # truncated key
        (body, good, public_key + "AAAA"),  # too long
        (body, good, public_key.replace("A", "!")[:43] + "!"),  # not base64
        (body, good, raw_public),  # raw bytes
        (body, good, private_key + "x"),  # a private key passed by mistake
        (body, {**good, "telnyx-signature-ed25519": good["telnyx-signature-ed25519"][:-8]}, public_key),
        (body, {**good, "telnyx-timestamp": "x" + good["telnyx-timestamp"]}, public_key),
        (body, {"telnyx-timestamp": good["telnyx-timestamp"]}, public_key),
        (b"\xff", sign(b"\xff", private_key, timestamp=NOW), public_key),
    ]
    messages = []
    for case_body, headers, key in cases:
        # once with the timestamp in tolerance (the key, signature and body checks run), once stale
        with pytest.raises(WebhookVerificationError) as info:
            webhooks.Webhooks(key, tolerance=10**10).unwrap(case_body, headers)
        messages.append(str(info.value))
        with pytest.raises(WebhookVerificationError) as info:
            webhooks.verify(case_body, headers, public_key=key, now=NOW + 10_000)
        messages.append(str(info.value))
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", public_key[:-2])
    with pytest.raises(WebhookVerificationError) as info:
        webhooks.verify(body, good, now=NOW)
    messages.append(str(info.value))
    return messages


def test_no_message_contains_a_key_or_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    private_key, public_key = generate_keypair()
    messages = _messages(private_key, public_key, monkeypatch)
    assert len(messages) > 20
    signature = sign(envelope(), private_key, timestamp=NOW)["telnyx-signature-ed25519"]
    secrets = [public_key, private_key, signature, public_key[:16], private_key[:16], signature[:16]]
    for message in messages:
        for secret in secrets:
            assert secret not in message, message
        assert repr(base64.b64decode(public_key)) not in message
