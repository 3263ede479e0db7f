"""Hardening (issue 14, items 6-9): verification never fails open, decodes strictly, and copes with deep bodies."""

from __future__ import annotations

import base64
import json
import math

import pytest

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks import MalformedSignatureError, TimestampOutOfToleranceError, Webhooks

from .conftest import NOW, Signer, event_dict

SIG = "telnyx-signature-ed25519"


@pytest.mark.parametrize("tolerance", [math.nan, math.inf, -math.inf, -1, -0.5])
def test_non_finite_or_negative_tolerance_is_refused(signed: Signer, public_key: str, tolerance: float) -> None:
    body, headers = signed(timestamp=0)  # 1970
    with pytest.raises(ValueError, match="finite number of seconds"):
        webhooks.unwrap(body, headers, public_key=public_key, tolerance=tolerance)
    with pytest.raises(ValueError, match="finite number of seconds"):
        Webhooks(public_key, tolerance=tolerance)
    with pytest.raises(ValueError, match="finite number of seconds"):
        Webhooks(public_key).unwrap(body, headers, tolerance=tolerance)


def test_tolerance_none_means_the_default(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    assert webhooks.unwrap(body, headers, public_key=public_key, tolerance=None).id
    old_body, old_headers = signed(timestamp=NOW)
    with pytest.raises(TimestampOutOfToleranceError, match="300-second tolerance"):
        webhooks.unwrap(old_body, old_headers, public_key=public_key, tolerance=None)


def test_a_tolerance_that_is_not_a_number_is_a_type_error(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    with pytest.raises(TypeError, match="number of seconds"):
        webhooks.verify(body, headers, public_key=public_key, tolerance="300")  # type: ignore[arg-type]


def test_signature_with_altered_unused_trailing_bits_is_malformed(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    signature = headers[SIG]
    assert signature.endswith("==")  # 64 bytes: the last character carries 4 unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(signature[-3])
    twin = signature[:-3] + alphabet[last ^ 1] + "=="  # flips an unused bit: same decoded bytes
    assert base64.b64decode(twin) == base64.b64decode(signature)
    webhooks.verify(body, headers, public_key=public_key)
    with pytest.raises(MalformedSignatureError, match="not valid base64"):
        webhooks.verify(body, {**headers, SIG: twin}, public_key=public_key)


def test_to_dict_of_a_deeply_nested_verified_body_does_not_recurse(signed: Signer, public_key: str) -> None:
    depth = 600  # the 500-deep body, with room; copy.deepcopy needs ~2 frames a level
    deep = '{"next": [' * (depth // 2) + '"bottom"' + "]}" * (depth // 2)
    inner = json.dumps(event_dict(extra="DEEP")).replace('"DEEP"', deep)
    body, headers = signed(f'{{"data": {inner}}}'.encode())
    event = webhooks.unwrap(body, headers, public_key=public_key)
    copied = event.to_dict()
    assert copied == event.raw and copied is not event.raw
    assert copied["payload"]["extra"] is not event.raw["payload"]["extra"]
    assert event.payload.to_dict()["conference_id"] == "conf-1"
