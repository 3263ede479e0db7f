"""Checks of client settings made when a client is built, so a bad value fails there with a clear message
instead of as a network error (or an OverflowError) on the first request. The CLI uses the same checks."""

from __future__ import annotations

import math

__all__ = ["check_base_url", "check_timeout"]

_HOST = r"[\w.\-~%:]+"  # names (IDN letters included), IPv4, and IPv6 once its brackets are gone
_EXAMPLE = "an absolute http(s) URL such as https://api.telnyx.com/v2"


def check_base_url(value: object) -> str:
    """The base URL without its trailing slash; raises ValueError when it is not an absolute http(s) URL."""
    import re
    import urllib.parse  # once per client, and only for a URL of the caller's: not in the cold start

    text = str(value).strip()
    shown = text if len(text) <= 100 else text[:100] + "..."
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number in range)
        host = parts.hostname
    except ValueError as exc:
        raise ValueError(f"Invalid base URL {shown!r} ({exc}): expected {_EXAMPLE}") from None
    if parts.scheme not in ("http", "https"):
        problem = "no http:// or https:// scheme"
    elif not host or not re.fullmatch(_HOST, host):
        problem = "no valid host"
    elif not text.isprintable() or any(char.isspace() for char in text):
        problem = "spaces or control characters"
    else:
        return text.rstrip("/")
    raise ValueError(f"Invalid base URL {shown!r} ({problem}): expected {_EXAMPLE}")


def check_timeout(timeout: object) -> None:
    """A number of seconds must be finite and positive (an httpx.Timeout object is passed through)."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        return
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a finite number of seconds greater than 0, got {timeout!r}")
