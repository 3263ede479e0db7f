"""verify()/unwrap(): good and bad signatures, timestamps, keys, bodies, and the order of the checks."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys

import pytest

from telnyx_conferencing import webhooks
from telnyx_conferencing._exceptions import TelnyxError
from telnyx_conferencing.webhooks import (
    ConferenceCreatedEvent,
    InvalidPayloadError,
    InvalidPublicKeyError,
    MalformedSignatureError,
    MalformedTimestampError,
    MissingHeaderError,
    SignatureMismatchError,
    TimestampOutOfToleranceError,
    Webhooks,
    WebhookVerificationError,
    _verify,
)
from telnyx_conferencing.webhooks.testing import generate_keypair

from .conftest import NOW, Signer, envelope, event_dict

SIG = "telnyx-signature-ed25519"
TS = "telnyx-timestamp"


def test_good_signature_verifies_and_unwraps(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    assert webhooks.verify(body, headers, public_key=public_key) is None
    event = webhooks.unwrap(body, headers, public_key=public_key)
    assert isinstance(event, ConferenceCreatedEvent)
    assert event.payload.conference_id == "conf-1"


def test_every_error_is_a_telnyx_error() -> None:
    for error in (
        MissingHeaderError,
        MalformedSignatureError,
        InvalidPublicKeyError,
        MalformedTimestampError,
        TimestampOutOfToleranceError,
        SignatureMismatchError,
        InvalidPayloadError,
    ):
        assert issubclass(error, WebhookVerificationError)
        assert issubclass(error, TelnyxError)


def test_tampered_body_is_rejected(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    tampered = body.replace(b"conf-1", b"conf-2")
    with pytest.raises(SignatureMismatchError, match="raw request body exactly as received"):
        webhooks.unwrap(tampered, headers, public_key=public_key)


def test_reserialized_json_body_is_rejected(signed: Signer, public_key: str) -> None:
    body, headers = signed(json.dumps(json.loads(envelope()), indent=2))
    with pytest.raises(SignatureMismatchError):
        webhooks.verify(json.dumps(json.loads(body)), headers, public_key=public_key)


def test_tampered_timestamp_is_rejected(signed: Signer, public_key: str) -> None:
    body, headers = signed(timestamp=NOW)
    headers[TS] = str(NOW + 1)
    with pytest.raises(SignatureMismatchError):
        webhooks.verify(body, headers, public_key=public_key, now=NOW)


def test_wrong_key_is_rejected(signed: Signer) -> None:
    body, headers = signed()
    _, other_public = generate_keypair()
    with pytest.raises(SignatureMismatchError):
        webhooks.unwrap(body, headers, public_key=other_public)


def test_signature_of_another_body_is_rejected(signed: Signer, public_key: str) -> None:
    body, headers = signed(timestamp=NOW)
    _, other_headers = signed(envelope(event_dict(conference_id="other")), timestamp=NOW)
    headers[SIG] = other_headers[SIG]
    with pytest.raises(SignatureMismatchError):
        webhooks.verify(body, headers, public_key=public_key, now=NOW)


@pytest.mark.parametrize("header", [SIG, TS])
def test_missing_header_is_named(signed: Signer, public_key: str, header: str) -> None:
    body, headers = signed()
    del headers[header]
    with pytest.raises(MissingHeaderError, match=header) as info:
        webhooks.unwrap(body, headers, public_key=public_key)
    assert info.value.header == header


def test_no_headers_object(signed: Signer, public_key: str) -> None:
    body, _ = signed()
    with pytest.raises(MissingHeaderError, match="not a headers object"):
        webhooks.verify(body, None, public_key=public_key)
    with pytest.raises(MissingHeaderError):
        webhooks.verify(body, 42, public_key=public_key)


@pytest.mark.parametrize(
    ("age", "words"),
    [(301, "too old: 301 seconds ago, 1 seconds beyond the 300-second tolerance"), (1000, "700 seconds beyond")],
)
def test_stale_timestamp_says_by_how_much(signed: Signer, public_key: str, age: int, words: str) -> None:
    body, headers = signed(timestamp=NOW - age)
    with pytest.raises(TimestampOutOfToleranceError, match=words) as info:
        webhooks.verify(body, headers, public_key=public_key, now=NOW)
    assert info.value.age == age
    assert info.value.tolerance == 300


def test_future_timestamp_says_by_how_much(signed: Signer, public_key: str) -> None:
    body, headers = signed(timestamp=NOW + 400)
    with pytest.raises(
        TimestampOutOfToleranceError, match="in the future: 400 seconds ahead, 100 seconds beyond"
    ) as info:
        webhooks.verify(body, headers, public_key=public_key, now=NOW)
    assert info.value.age == -400


def test_tolerance_edges(signed: Signer, public_key: str) -> None:
    for stamp in (NOW - 300, NOW + 300):
        body, headers = signed(timestamp=stamp)
        webhooks.verify(body, headers, public_key=public_key, now=NOW + 0.9)
    body, headers = signed(timestamp=NOW - 10)
    with pytest.raises(TimestampOutOfToleranceError, match="5-second tolerance"):
        webhooks.verify(body, headers, public_key=public_key, tolerance=5, now=NOW)
    webhooks.verify(body, headers, public_key=public_key, tolerance=10, now=NOW)
    with pytest.raises(ValueError, match="tolerance"):
        webhooks.verify(body, headers, public_key=public_key, tolerance=-1, now=NOW)


def test_unwrap_uses_the_clock(signed: Signer, public_key: str) -> None:
    body, headers = signed(timestamp=NOW)  # long ago
    with pytest.raises(TimestampOutOfToleranceError, match="too old"):
        webhooks.unwrap(body, headers, public_key=public_key)


@pytest.mark.parametrize("value", ["abc", "1.5", "", "-5", "+1700000000", "1_700_000_000", "１７００", "9" * 13])
def test_non_integer_timestamp_is_malformed_not_out_of_tolerance(signed: Signer, public_key: str, value: str) -> None:
    body, headers = signed()
    headers[TS] = value
    with pytest.raises(MalformedTimestampError, match="whole number of unix seconds") as info:
        webhooks.verify(body, headers, public_key=public_key)
    assert not isinstance(info.value, TimestampOutOfToleranceError)


@pytest.mark.parametrize(
    ("signature", "words"),
    [
        ("not base64 at all!", "not valid base64"),
        ("ab=c", "not valid base64"),
        ("é" * 88, "not valid base64"),
        (base64.b64encode(b"x" * 63).decode(), "decodes to 63 bytes; an Ed25519 signature is 64 bytes"),
        (base64.b64encode(b"x" * 65).decode(), "decodes to 65 bytes"),
        ("", "decodes to 0 bytes"),
    ],
)
def test_garbage_signature(signed: Signer, public_key: str, signature: str, words: str) -> None:
    body, headers = signed()
    headers[SIG] = signature
    with pytest.raises(MalformedSignatureError, match=words):
        webhooks.verify(body, headers, public_key=public_key)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("not-base64-key!!", "public_key argument is not valid base64"),
        (base64.b64encode(b"k" * 31).decode(), "decodes to 31 bytes; an Ed25519 public key is 32 bytes"),
        (base64.b64encode(b"k" * 64).decode(), "decodes to 64 bytes"),
        (b"k" * 32, "looks like 32 raw key bytes"),
        (b"\xff\xfe" * 10, "not base64 text"),
        ("   ", "public_key argument is not valid base64|decodes to 0 bytes"),
    ],
)
def test_bad_public_key(signed: Signer, key: str | bytes, words: str) -> None:
    body, headers = signed()
    with pytest.raises(InvalidPublicKeyError, match=words):
        webhooks.verify(body, headers, public_key=key)


def test_public_key_as_bytes_and_with_whitespace(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    webhooks.verify(body, headers, public_key=public_key.encode())
    webhooks.verify(body, headers, public_key=f"  {public_key}\n")


def test_missing_key_says_how_to_provide_it(signed: Signer) -> None:
    body, headers = signed()
    with pytest.raises(InvalidPublicKeyError, match=r"pass public_key=\.\.\. or set the TELNYX_PUBLIC_KEY"):
        webhooks.unwrap(body, headers)


def test_key_from_environment(signed: Signer, public_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = signed()
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", public_key)
    assert isinstance(webhooks.unwrap(body, headers), ConferenceCreatedEvent)
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", "garbage!")
    with pytest.raises(InvalidPublicKeyError, match="The TELNYX_PUBLIC_KEY environment variable is not valid base64"):
        webhooks.unwrap(body, headers)
    _, other_public = generate_keypair()
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", other_public)
    with pytest.raises(SignatureMismatchError):
        webhooks.unwrap(body, headers)
    webhooks.unwrap(body, headers, public_key=public_key)  # the argument wins over the environment


def test_str_and_bytes_bodies(signed: Signer, public_key: str) -> None:
    text = envelope(event_dict(conference_id="Zürich ☎")).decode()
    assert "☎" not in text  # json.dumps escapes by default; sign a body with raw UTF-8 too
    raw_text = text.replace("\\u260e", "☎").replace("\\u00fc", "ü")
    for body_text in (text, raw_text):
        body, headers = signed(body_text)
        assert webhooks.unwrap(body, headers, public_key=public_key).payload.conference_id == "Zürich ☎"
        assert webhooks.unwrap(body_text, headers, public_key=public_key).payload.conference_id == "Zürich ☎"
        webhooks.verify(bytearray(body), headers, public_key=public_key)
        webhooks.verify(memoryview(body), headers, public_key=public_key)


def test_parsed_dict_body_is_rejected_with_advice(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    with pytest.raises(InvalidPayloadError, match="raw request body as bytes"):
        webhooks.unwrap(json.loads(body), headers, public_key=public_key)  # type: ignore[arg-type]


def test_valid_signature_over_invalid_json(signed: Signer, public_key: str) -> None:
    body, headers = signed(b"not json")
    webhooks.verify(body, headers, public_key=public_key)
    with pytest.raises(InvalidPayloadError, match="not JSON"):
        webhooks.unwrap(body, headers, public_key=public_key)


def test_check_order(signed: Signer, public_key: str) -> None:
    body, headers = signed(timestamp=NOW - 1000)
    # every check fails: the first in the documented order is reported
    bad = {SIG: "!!!", TS: headers[TS]}
    with pytest.raises(TimestampOutOfToleranceError):
        webhooks.verify(body, bad, public_key="bad key", now=NOW)
    with pytest.raises(MalformedSignatureError):
        webhooks.verify(body, bad, public_key="bad key", now=NOW - 1000)
    with pytest.raises(InvalidPublicKeyError):
        webhooks.verify(b"other body", headers, public_key="bad key", now=NOW - 1000)
    with pytest.raises(MissingHeaderError):
        webhooks.verify(body, {TS: "abc"}, public_key="bad key")


def test_verify_key_is_cached(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    webhooks.verify(body, headers, public_key=public_key)
    before = _verify._verify_key.cache_info()
    for _ in range(3):
        webhooks.verify(body, headers, public_key=public_key)
    after = _verify._verify_key.cache_info()
    assert after.hits == before.hits + 3
    assert after.misses == before.misses


def test_webhooks_resource(signed: Signer, public_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = signed(timestamp=NOW)
    resource = Webhooks(public_key, tolerance=10**10)
    assert isinstance(resource.unwrap(body, headers), ConferenceCreatedEvent)
    resource.verify(body, headers)
    assert resource.unsafe_unwrap(body).id == resource.unwrap(body, headers).id
    with pytest.raises(TimestampOutOfToleranceError):
        resource.unwrap(body, headers, tolerance=300)
    _, other_public = generate_keypair()
    with pytest.raises(SignatureMismatchError):
        resource.unwrap(body, headers, public_key=other_public)
    assert public_key not in repr(resource)

    env_resource = Webhooks()
    with pytest.raises(InvalidPublicKeyError, match="TELNYX_PUBLIC_KEY"):
        env_resource.verify(body, headers, now=NOW)
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", public_key)
    env_resource.verify(body, headers, now=NOW)


def test_import_is_lazy() -> None:
    code = (
        "import sys, telnyx_conferencing.webhooks as w\n"
        "assert 'nacl' not in sys.modules, 'nacl imported eagerly'\n"
        "assert 'telnyx_conferencing.webhooks.events' not in sys.modules, 'events imported eagerly'\n"
        "assert w.EVENT_TYPES and 'telnyx_conferencing.webhooks.events' in sys.modules\n"
        "assert w.ConferenceCreatedEvent.event_type == 'conference.created'\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_unknown_module_attribute() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        webhooks.no_such_thing  # noqa: B018


@pytest.mark.parametrize(
    "raw_key", [b"\x00" * 32, b"\x01" + b"\x00" * 31, b"\xff" * 32, b"\xec" + b"\xff" * 30 + b"\x7f"]
)
def test_degenerate_keys_are_a_mismatch(signed: Signer, raw_key: bytes) -> None:
    body, headers = signed()
    with pytest.raises(SignatureMismatchError):
        webhooks.verify(body, headers, public_key=base64.b64encode(raw_key))


def test_degenerate_signature_is_a_mismatch(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    headers[SIG] = base64.b64encode(b"\xff" * 64).decode()
    with pytest.raises(SignatureMismatchError):
        webhooks.verify(body, headers, public_key=public_key)
