"""The SDK's logger, its `TELNYX_LOG` switch, and header redaction for anything logged.

`logging` is imported only when something logs or `TELNYX_LOG` asks for it: it costs a noticeable part of
a cold start, and until some code imports it nobody can have configured the SDK's logger.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

__all__ = ["LOGGER_NAME", "LOG_ENV", "get_logger", "info_enabled", "redact_headers", "setup_logging"]

LOG_ENV = "TELNYX_LOG"
LOGGER_NAME = "telnyx_conferencing"
_INFO = 20  # logging.INFO, without importing logging

_LEVELS = {"debug": 10, "info": _INFO}
_SENSITIVE_PARTS = ("key", "token", "secret", "cookie")
_handler_installed = False
_logger: logging.Logger | None = None


def get_logger() -> logging.Logger:
    """The `telnyx_conferencing` logger (importing `logging` on first use)."""
    global _logger
    if _logger is None:
        import logging

        _logger = logging.getLogger(LOGGER_NAME)
    return _logger


def info_enabled() -> bool:
    """Whether an INFO line would be emitted; False, without importing it, while nothing has imported `logging`."""
    logger = _logger
    if logger is None:
        if "logging" not in sys.modules:
            return False
        logger = get_logger()
    return logger.isEnabledFor(_INFO)


def setup_logging() -> None:
    """Attach one stderr handler when `TELNYX_LOG` is `debug` or `info`; later calls are no-ops.

    Called at client construction, so it must stay cheap: one env lookup, and no import unless asked to log.
    """
    global _handler_installed
    if _handler_installed:
        return
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
    logger = get_logger()
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
