"""Ed25519 verification of Telnyx webhook deliveries: header lookup, timestamp window, signature check.

Telnyx signs the bytes ``f"{telnyx-timestamp}|{raw body}"`` with the account's Ed25519 key and
sends the base64 signature in ``telnyx-signature-ed25519``. PyNaCl is imported on first use, so
importing the SDK stays cheap; `VerifyKey` objects are cached per public key.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._webhook_defaults import DEFAULT_TOLERANCE
from ._errors import (
    InvalidPayloadError,
    InvalidPublicKeyError,
    MalformedSignatureError,
    MalformedTimestampError,
    MissingHeaderError,
    SignatureMismatchError,
    TimestampOutOfToleranceError,
)

if TYPE_CHECKING:
    from nacl.signing import VerifyKey

__all__ = [
    "DEFAULT_TOLERANCE",
    "PUBLIC_KEY_ENV",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "check_tolerance",
    "find_header",
    "verify",
]

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"
PUBLIC_KEY_ENV = "TELNYX_PUBLIC_KEY"

_SIGNATURE_BYTES = 64
_KEY_BYTES = 32
_MAX_TIMESTAMP_DIGITS = 12  # unix seconds until the year 33658
LARGER_TOLERANCE_HINT = "pass a larger tolerance="
"""How the too-old message names the knob; the CLI swaps in its flag."""


def check_tolerance(tolerance: float | None) -> float:
    """The tolerance in seconds (None: the default); a negative, NaN or infinite one would accept any timestamp."""
    if tolerance is None:
        return DEFAULT_TOLERANCE
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise TypeError(f"tolerance must be a number of seconds, got {type(tolerance).__name__}")
    if not (math.isfinite(tolerance) and tolerance >= 0):
        raise ValueError(f"tolerance must be a finite number of seconds >= 0, got {tolerance!r}")
    return tolerance


def verify(
    body: bytes | str,
    headers: Mapping[str, str] | Any,
    *,
    public_key: str | bytes | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Check that a webhook delivery was signed by Telnyx within `tolerance` seconds of `now`.

    `body` must be the raw request body exactly as received (bytes; a str is encoded as UTF-8),
    never JSON re-serialized from a parsed dict. `headers` is any headers object: a dict (any key
    case), ``httpx.Headers``, Starlette/Werkzeug/Django headers, a WSGI environ, or (name, value)
    pairs. `public_key` is the account's base64 Ed25519 public key; by default the
    ``TELNYX_PUBLIC_KEY`` environment variable. Returns None, or raises a `WebhookVerificationError`
    subclass saying what is wrong. `tolerance` (seconds either way; None means the default) must be
    finite and >= 0, else ValueError: a window that cannot be computed never accepts a timestamp.
    """
    tolerance = check_tolerance(tolerance)
    message_body = _body_bytes(body)

    signature_text = find_header(headers, SIGNATURE_HEADER)
    if signature_text is None:
        raise MissingHeaderError(SIGNATURE_HEADER, _unreadable_hint(headers))
    timestamp_text = find_header(headers, TIMESTAMP_HEADER)
    if timestamp_text is None:
        raise MissingHeaderError(TIMESTAMP_HEADER, _unreadable_hint(headers))

    _check_timestamp(timestamp_text, tolerance, time.time() if now is None else now)
    signature = _decode_signature(signature_text)
    key = _verify_key(_decode_public_key(public_key))

    from nacl.exceptions import BadSignatureError

    try:
        key.verify(timestamp_text.encode("ascii") + b"|" + message_body, signature)
    except BadSignatureError:
        raise SignatureMismatchError(
            "Webhook signature does not match. Pass the raw request body exactly as received (not JSON "
            "re-serialized from a parsed dict) and the public key of the Telnyx account that sent the webhook "
            "(Mission Control Portal > Keys & Credentials > Public Key)."
        ) from None


def _body_bytes(body: object) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass")
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)
    raise InvalidPayloadError(
        f"the body must be the raw request body as bytes (or str), exactly as received; got {type(body).__name__}. "
        "Read it before any JSON parsing, e.g. `await request.body()` (Starlette) or `request.get_data()` (Flask)."
    )


def _check_timestamp(text: str, tolerance: float, now: float) -> None:
    if not (text.isascii() and text.isdigit() and len(text) <= _MAX_TIMESTAMP_DIGITS):
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise MalformedTimestampError(
            f"Header {TIMESTAMP_HEADER!r} must be a whole number of unix seconds, got {shown!r}. "
            "Pass the header value unchanged."
        )
    age = int(now) - int(text)
    if age > tolerance:
        raise TimestampOutOfToleranceError(
            f"Webhook timestamp is too old: {age} seconds ago, {age - tolerance} seconds beyond the "
            f"{tolerance}-second tolerance. Reject it (it may be a replay); if deliveries are legitimately "
            f"delayed, check this server's clock or {LARGER_TOLERANCE_HINT}.",
            age=age,
            tolerance=tolerance,
        )
    if age < -tolerance:
        raise TimestampOutOfToleranceError(
            f"Webhook timestamp is in the future: {-age} seconds ahead, {-age - tolerance} seconds beyond the "
            f"{tolerance}-second tolerance. Check this server's clock (NTP).",
            age=age,
            tolerance=tolerance,
        )


def _decode_signature(text: str) -> bytes:
    try:
        signature = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        signature = None
    # Canonical base64 only: the decoder ignores the unused trailing bits, so without this check
    # several header values would verify as the same signature.
    if signature is None or base64.b64encode(signature).decode("ascii") != text:
        raise MalformedSignatureError(
            f"Header {SIGNATURE_HEADER!r} is not valid base64. Pass the header value unchanged "
            "(standard base64 with '=' padding)."
        ) from None
    if len(signature) != _SIGNATURE_BYTES:
        raise MalformedSignatureError(
            f"Header {SIGNATURE_HEADER!r} decodes to {len(signature)} bytes; an Ed25519 signature is "
            f"{_SIGNATURE_BYTES} bytes. Pass the header value unchanged."
        )
    return signature


def _decode_public_key(public_key: str | bytes | None) -> bytes:
    """Return the 32 key bytes; raise InvalidPublicKeyError (never quoting the key) otherwise."""
    source = "The public_key argument"
    if public_key is None:
        public_key = os.environ.get(PUBLIC_KEY_ENV, "")
        source = f"The {PUBLIC_KEY_ENV} environment variable"
        if not public_key.strip():
            raise InvalidPublicKeyError(
                f"No webhook public key: pass public_key=... or set the {PUBLIC_KEY_ENV} environment variable "
                "to the base64 public key from Mission Control Portal > Keys & Credentials > Public Key."
            )
    hint = "Copy the base64 public key again from Mission Control Portal > Keys & Credentials > Public Key."
    if isinstance(public_key, (bytes, bytearray)):
        if len(public_key) == _KEY_BYTES:
            raise InvalidPublicKeyError(
                f"{source} looks like 32 raw key bytes; pass it as base64 text instead, e.g. base64.b64encode(key)."
            )
        try:
            public_key = bytes(public_key).decode("ascii")
        except UnicodeDecodeError:
            raise InvalidPublicKeyError(f"{source} is not base64 text. {hint}") from None
    elif not isinstance(public_key, str):
        raise InvalidPublicKeyError(f"{source} must be base64 text (str or bytes), got {type(public_key).__name__}.")
    try:
        raw = base64.b64decode(public_key.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidPublicKeyError(f"{source} is not valid base64. {hint}") from None
    if len(raw) != _KEY_BYTES:
        raise InvalidPublicKeyError(
            f"{source} decodes to {len(raw)} bytes; an Ed25519 public key is {_KEY_BYTES} bytes. {hint}"
        )
    return raw


@functools.lru_cache(maxsize=16)
def _verify_key(raw: bytes) -> VerifyKey:
    from nacl.signing import VerifyKey

    return VerifyKey(raw)


def find_header(headers: Any, name: str) -> str | None:
    """Return header `name` (lower case) from any headers object, matching case-insensitively, or None.

    Tries ``headers.get`` with the lower, Title-Case and WSGI (``HTTP_TELNYX_TIMESTAMP``) spellings,
    then scans ``headers.items()`` or iterates (name, value) pairs. Bytes are decoded as latin-1
    and a list of values yields its first.
    """
    if headers is None:
        return None
    wsgi_name = "HTTP_" + name.upper().replace("-", "_")
    get = getattr(headers, "get", None)
    if callable(get):
        for key in (name, name.title(), name.upper(), wsgi_name):
            try:
                value = get(key)
            except Exception:  # an exotic headers object; fall back to scanning it
                break
            if value is not None:
                return _header_text(value)
    return _scan_headers(headers, (name, wsgi_name.lower()))


def _scan_headers(headers: Any, names: tuple[str, ...]) -> str | None:
    try:
        items = getattr(headers, "items", None)
        entries = items() if callable(items) else iter(headers)
        for entry in entries:
            if isinstance(entry, (str, bytes)):  # iterating a mapping yields its keys
                key, value = entry, headers[entry]
            else:
                key, value = entry
            if isinstance(key, (bytes, bytearray)):
                key = bytes(key).decode("latin-1")
            if isinstance(key, str) and key.lower() in names and value is not None:
                return _header_text(value)
    except Exception:  # not a headers object we can read: the header counts as missing
        return None
    return None


def _header_text(value: object) -> str | None:
    if isinstance(value, (list, tuple)):
        return _header_text(value[0]) if value else None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1").strip()
    return str(value).strip()


def _unreadable_hint(headers: object) -> str | None:
    if headers is None or not (callable(getattr(headers, "get", None)) or hasattr(headers, "__iter__")):
        return f"(Got {type(headers).__name__}, which is not a headers object.)"
    return None
