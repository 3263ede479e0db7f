"""Verify and parse Telnyx webhook deliveries: `unwrap()` checks the Ed25519 signature, then returns a typed event.

    from telnyx_conferencing import webhooks
    from telnyx_conferencing.webhooks import ConferenceCreatedEvent, WebhookVerificationError

    try:
        event = webhooks.unwrap(raw_body, request.headers)  # public key from TELNYX_PUBLIC_KEY
    except WebhookVerificationError:
        return 400
    match event:
        case ConferenceCreatedEvent(payload=payload):
            ...

Pass the raw body bytes exactly as received. The typed event classes live in the generated
`events` module, imported on first use so that importing this package stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._base import UnknownEvent, WebhookEvent, WebhookPayload
from ._errors import (
    InvalidPayloadError,
    InvalidPublicKeyError,
    MalformedSignatureError,
    MalformedTimestampError,
    MissingHeaderError,
    SignatureMismatchError,
    TimestampOutOfToleranceError,
    WebhookVerificationError,
)
from ._parse import parse_event
from ._verify import DEFAULT_TOLERANCE, PUBLIC_KEY_ENV, SIGNATURE_HEADER, TIMESTAMP_HEADER, check_tolerance, verify

if TYPE_CHECKING:
    from . import events
    from .events import *  # noqa: F403  (the typed event classes, re-exported lazily by __getattr__)
    from .events import EVENT_TYPES, Event

__all__ = [
    "DEFAULT_TOLERANCE",
    "EVENT_TYPES",
    "PUBLIC_KEY_ENV",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Event",
    "InvalidPayloadError",
    "InvalidPublicKeyError",
    "MalformedSignatureError",
    "MalformedTimestampError",
    "MissingHeaderError",
    "SignatureMismatchError",
    "TimestampOutOfToleranceError",
    "UnknownEvent",
    "WebhookEvent",
    "WebhookPayload",
    "WebhookVerificationError",
    "Webhooks",
    "events",
    "parse_event",
    "unsafe_unwrap",
    "unwrap",
    "verify",
]


def unwrap(
    body: bytes | str,
    headers: Mapping[str, str] | Any,
    *,
    public_key: str | bytes | None = None,
    key: str | bytes | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
) -> Event:
    """Verify a delivery (see `verify`), then parse it into its typed event class.

    `key=` is the official SDK's spelling of `public_key=`. Raises a `WebhookVerificationError`
    subclass (also a `ValueError`) if the signature, timestamp, key or body is bad; an
    `event_type` this SDK does not know yet gives an `UnknownEvent`.
    """
    verify(body, headers, public_key=_one_key(public_key, key), tolerance=tolerance)
    return parse_event(body)


def _one_key(public_key: str | bytes | None, key: str | bytes | None) -> str | bytes | None:
    if public_key is not None and key is not None:
        raise TypeError("Pass the webhook public key as `public_key=` or as `key=`, not both")
    return key if public_key is None else public_key


def unsafe_unwrap(body: bytes | str | Mapping[str, Any]) -> Event:
    """Parse a webhook body WITHOUT checking its signature: for tests and replaying stored events only.

    Anyone can post to your webhook URL; in a request handler use `unwrap`.
    """
    return parse_event(body)


class Webhooks:
    """Webhook helpers with a default public key; the client exposes one as ``client.webhooks``.

    Verification is pure computation, so the same object serves sync and async code. The key
    used is, in order: the `public_key` argument of a call, the one given here, the
    ``TELNYX_PUBLIC_KEY`` environment variable (read at call time).
    """

    def __init__(self, public_key: str | bytes | None = None, *, tolerance: float = DEFAULT_TOLERANCE) -> None:
        self._public_key = public_key
        self._tolerance = check_tolerance(tolerance)  # refused here too, not at the first delivery

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_key={'<set>' if self._public_key else None}, tolerance={self._tolerance})"

    def verify(
        self,
        body: bytes | str,
        headers: Mapping[str, str] | Any,
        *,
        public_key: str | bytes | None = None,
        tolerance: float | None = None,
        now: float | None = None,
    ) -> None:
        """Check a delivery's signature and timestamp; see `telnyx_conferencing.webhooks.verify`."""
        verify(
            body,
            headers,
            public_key=self._public_key if public_key is None else public_key,
            tolerance=self._tolerance if tolerance is None else tolerance,
            now=now,
        )

    def unwrap(
        self,
        body: bytes | str,
        headers: Mapping[str, str] | Any,
        *,
        public_key: str | bytes | None = None,
        key: str | bytes | None = None,
        tolerance: float | None = None,
    ) -> Event:
        """Verify a delivery, then parse it into its typed event class (`key=` is `public_key=` as the
        official SDK spells it; `headers` may be passed by keyword, as it does)."""
        self.verify(body, headers, public_key=_one_key(public_key, key), tolerance=tolerance)
        return parse_event(body)

    def unsafe_unwrap(self, body: bytes | str | Mapping[str, Any]) -> Event:
        """Parse a webhook body WITHOUT checking its signature: for tests and replays only."""
        return parse_event(body)


def __getattr__(name: str) -> Any:
    """Import the generated `events` module on first use of it or of a name defined there."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.events")
    if name == "events":
        return module
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
