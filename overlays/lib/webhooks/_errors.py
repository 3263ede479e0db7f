"""Why a webhook delivery was rejected: one `WebhookVerificationError` subclass per failure.

WebhookVerificationError                (from telnyx_conferencing._exceptions)
 ├── MissingHeaderError                 a telnyx-* header is absent
 ├── MalformedSignatureError            telnyx-signature-ed25519 is not base64 of 64 bytes
 ├── InvalidPublicKeyError              the public key is absent, not base64, or not 32 bytes
 ├── MalformedTimestampError            telnyx-timestamp is not a whole number of unix seconds
 ├── TimestampOutOfToleranceError       telnyx-timestamp is too old or in the future
 ├── SignatureMismatchError             the signature does not match body, timestamp and key
 └── InvalidPayloadError                the body is not UTF-8 JSON of a webhook event

Messages say what to fix. They never contain the public key, a private key or the signature.
"""

from __future__ import annotations

from .._exceptions import WebhookVerificationError

__all__ = [
    "InvalidPayloadError",
    "InvalidPublicKeyError",
    "MalformedSignatureError",
    "MalformedTimestampError",
    "MissingHeaderError",
    "SignatureMismatchError",
    "TimestampOutOfToleranceError",
    "WebhookVerificationError",
]


class MissingHeaderError(WebhookVerificationError):
    """A header Telnyx sends with every delivery is missing; `header` names it."""

    header: str

    def __init__(self, header: str, detail: str | None = None) -> None:
        self.header = header
        message = (
            f"Missing webhook header {header!r}. Pass the request headers exactly as received "
            "(a dict, httpx.Headers, or your framework's headers object)."
        )
        super().__init__(f"{message} {detail}" if detail else message)


class MalformedSignatureError(WebhookVerificationError):
    """The telnyx-signature-ed25519 header is not base64 of a 64-byte Ed25519 signature."""


class InvalidPublicKeyError(WebhookVerificationError):
    """The public key is missing, not base64, or does not decode to 32 bytes."""


class MalformedTimestampError(WebhookVerificationError):
    """telnyx-timestamp is not a whole number of unix seconds (digits only, at most 12)."""


class TimestampOutOfToleranceError(WebhookVerificationError):
    """telnyx-timestamp lies outside the tolerance window.

    `age` is `now - timestamp` in seconds (negative for a timestamp in the future).
    """

    age: float | None
    tolerance: float

    def __init__(self, message: str, *, age: float | None = None, tolerance: float) -> None:
        super().__init__(message)
        self.age = age
        self.tolerance = tolerance


class SignatureMismatchError(WebhookVerificationError):
    """The signature is well formed but was not made by the key's owner over this body and timestamp."""


class InvalidPayloadError(WebhookVerificationError):
    """The body is not UTF-8, not JSON, or not shaped like a Telnyx webhook event; `reason` says which."""

    reason: str

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"Invalid webhook payload: {reason}")
