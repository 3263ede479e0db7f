"""The SDK's logger, its `TELNYX_LOG` switch, and header redaction for anything logged."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping

__all__ = ["LOG_ENV", "logger", "redact_headers", "setup_logging"]

LOG_ENV = "TELNYX_LOG"
logger = logging.getLogger("telnyx_conferencing")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_SENSITIVE_PARTS = ("key", "token", "secret", "cookie")
_handler_installed = False


def setup_logging() -> None:
    """Attach one stderr handler when `TELNYX_LOG` is `debug` or `info`; later calls are no-ops.

    Called at client construction, so it must stay cheap: one env lookup once installed.
    """
    global _handler_installed
    if _handler_installed:
        return
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler_installed = True


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """Copy headers with credentials replaced: Authorization and anything named like a key, token or secret."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    redacted: dict[str, str] = {}
    for name, value in items:
        lowered = name.lower()
        if lowered in ("authorization", "proxy-authorization"):
            redacted[name] = "Bearer <redacted>"
        elif any(part in lowered for part in _SENSITIVE_PARTS):
            redacted[name] = "<redacted>"
        else:
            redacted[name] = value
    return redacted
