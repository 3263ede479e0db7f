"""webhooks.testing: keys and signatures agree with PyNaCl used directly, in both directions."""

from __future__ import annotations

import base64
import json
import time

import pytest
from nacl.signing import SigningKey, VerifyKey

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks.testing import example_body, generate_keypair, sign

from .conftest import NOW, envelope


def test_generate_keypair_is_a_matching_ed25519_pair() -> None:
    private_key, public_key = generate_keypair()
    seed, verify = base64.b64decode(private_key), base64.b64decode(public_key)
    assert len(seed) == len(verify) == 32
    assert bytes(SigningKey(seed).verify_key) == verify
    assert generate_keypair() != (private_key, public_key)


def test_sign_verified_by_nacl_directly() -> None:
    private_key, public_key = generate_keypair()
    body = envelope()
    headers = sign(body, private_key, timestamp=NOW)
    assert set(headers) == {"telnyx-signature-ed25519", "telnyx-timestamp"}
    assert headers["telnyx-timestamp"] == str(NOW)
    signature = base64.b64decode(headers["telnyx-signature-ed25519"])
    VerifyKey(base64.b64decode(public_key)).verify(f"{NOW}|".encode() + body, signature)


def test_sign_defaults_to_now_and_encodes_str_as_utf8() -> None:
    private_key, public_key = generate_keypair()
    before = int(time.time())
    headers = sign("ü", private_key)
    assert before <= int(headers["telnyx-timestamp"]) <= int(time.time())
    signature = base64.b64decode(headers["telnyx-signature-ed25519"])
    VerifyKey(base64.b64decode(public_key)).verify(f"{headers['telnyx-timestamp']}|ü".encode(), signature)


def test_nacl_signature_verified_by_us() -> None:
    signing_key = SigningKey.generate()
    public_key = base64.b64encode(bytes(signing_key.verify_key)).decode()
    body = envelope()
    stamp = str(int(time.time()))
    signature = signing_key.sign(stamp.encode() + b"|" + body).signature
    headers = {"telnyx-signature-ed25519": base64.b64encode(signature).decode(), "telnyx-timestamp": stamp}
    event = webhooks.unwrap(body, headers, public_key=public_key)
    assert event.to_dict() == json.loads(body)["data"]


@pytest.mark.parametrize("bad", ["!!!", base64.b64encode(b"short").decode()])
def test_sign_rejects_a_bad_private_key_without_quoting_it(bad: str) -> None:
    with pytest.raises(ValueError) as info:
        sign(b"{}", bad)
    assert bad not in str(info.value)


def test_example_bodies_are_in_the_envelope_and_parse() -> None:
    from telnyx_conferencing.webhooks.events import EVENT_TYPES, EXAMPLES

    assert EXAMPLES, "the spec has examples"
    private_key, public_key = generate_keypair()
    for event_type in EXAMPLES:
        body = example_body(event_type)
        event = webhooks.unwrap(body, sign(body, private_key), public_key=public_key)
        assert type(event) is EVENT_TYPES[event_type]
        assert event.meta == {"attempt": 1}
    with pytest.raises(KeyError, match="no spec example"):
        example_body("no.such.event")
