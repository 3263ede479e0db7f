"""The one redaction path: every text the SDK or CLI shows (messages, log lines, debug output) goes through it.

The API key is held in a `Secret` from the first line that touches it, so reprs, tracebacks with
locals, copies and pickles never carry it. Text that may quote the key (a server echoing the
Authorization header into an error body or a request id) is scrubbed by `redact`, which also
catches a key cut short by truncation: any run of 8 or more of the key's leading characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = ["MIN_SHOWN_PREFIX", "REDACTED", "Secret", "redact", "redact_for", "secret_of"]

REDACTED = "<redacted>"
MIN_SHOWN_PREFIX = 8
"""A run of this many leading characters of the key is redacted; shorter runs are too common to mean the key."""


class Secret:
    """Holds the API key: repr, str, copies and pickling never reveal it; `reveal()` does."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    @classmethod
    def of(cls, value: str | Secret | None) -> Secret | None:
        """Wrap a key (stripped: a pasted key often carries a newline); None and "" stay None."""
        if value is None or isinstance(value, Secret):
            return value
        stripped = value.strip()
        return cls(stripped) if stripped else None

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"'{REDACTED}'"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: object) -> Secret:
        return self

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        return (Secret, (REDACTED,))  # a pickle carries the placeholder, never the key


def redact(text: str, secret: str | Secret | None) -> str:
    """`text` with the key, and any run of its first MIN_SHOWN_PREFIX+ characters, replaced by `<redacted>`."""
    key = secret.reveal() if isinstance(secret, Secret) else (secret or "").strip()
    if len(key) < MIN_SHOWN_PREFIX:
        # Too short to scrub prefixes without eating ordinary words; the whole key still goes.
        return text.replace(key, REDACTED) if len(key) >= 4 else text
    head = key[:MIN_SHOWN_PREFIX]
    if head not in text:
        return text
    parts: list[str] = []
    start = 0
    while (found := text.find(head, start)) >= 0:
        end = found + MIN_SHOWN_PREFIX
        while end < len(text) and end - found < len(key) and text[end] == key[end - found]:
            end += 1
        parts += (text[start:found], REDACTED)
        start = end
    parts.append(text[start:])
    return "".join(parts)


def secret_of(request: httpx.Request | None) -> str | None:
    """The bearer token a request carries, if any."""
    if request is None:
        return None
    authorization = request.headers.get("authorization", "")
    return authorization.removeprefix("Bearer ").strip() or None


def redact_for(text: str, request: httpx.Request | None) -> str:
    """`redact` with the key taken from the request's Authorization header."""
    return redact(text, secret_of(request))
