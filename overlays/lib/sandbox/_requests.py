"""The API call log behind the console: each request and its response (or fault), credentials removed.

The Authorization header is replaced whole (scheme included), so no part of a key is ever kept; the
bearer tokens seen are remembered (a bounded few) so `scrub` can also remove them from any text a
client or a fault echoed, and from the console's state JSON as a last line of defence.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from starlette.types import Message, Send

__all__ = ["REDACTED", "Exchange", "RequestLog"]

REDACTED = "<redacted>"
_KEEP = 200  # exchanges kept for the console (the oldest are dropped)
_BODY_LIMIT = 8192  # characters of a body kept
_MIN_SECRET = 4  # shorter tokens are not scrubbed from text (they would match everywhere)
_SENSITIVE = ("authorization", "key", "token", "secret", "cookie")  # parts of header names, as the SDK's logs


@dataclass
class Exchange:
    """One API call as the console shows it."""

    number: int
    at: float  # sandbox time
    method: str
    path: str
    query: str
    request_headers: dict[str, str]
    request_body: Any
    request_id: str | None = None
    operation_id: str | None = None
    status: int | None = None
    response_body: Any = None
    outcome: str = "pending"  # pending, responded, connection dropped, error
    fault: dict[str, str] | None = None  # {"kind", "phase"}: phase "before" or "after" the command applied
    latency_ms: float | None = None
    _started: float = field(default_factory=time.monotonic, repr=False)
    _chunks: list[bytes] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "at": self.at,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "operation_id": self.operation_id,
            "request_id": self.request_id,
            "request_headers": dict(self.request_headers),
            "request_body": self.request_body,
            "status": self.status,
            "response_body": self.response_body,
            "outcome": self.outcome,
            "fault": dict(self.fault) if self.fault else None,
            "latency_ms": self.latency_ms,
        }


class RequestLog:
    """Thread-safe, bounded log of API exchanges."""

    def __init__(self, api_key: str | None = None) -> None:
        self._lock = threading.Lock()
        self._items: deque[Exchange] = deque(maxlen=_KEEP)
        self._count = 0
        self._secrets: deque[str] = deque(maxlen=16)
        if api_key:
            self._secrets.append(api_key)

    def begin(
        self, *, at: float, method: str, path: str, query: bytes, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> Exchange:
        shown: dict[str, str] = {}
        for raw_name, raw_value in headers:
            name, value = raw_name.decode("latin-1").lower(), raw_value.decode("latin-1")
            if any(part in name for part in _SENSITIVE):
                self._remember(value)
                value = REDACTED
            shown[name] = value
        request_body = self._loads(body.decode("utf-8", "replace"))
        shown_path, shown_query = self.scrub(path), self.scrub(query.decode("latin-1"))
        with self._lock:
            self._count += 1
            exchange = Exchange(self._count, at, method, shown_path, shown_query, shown, request_body)
            self._items.append(exchange)
        return exchange

    def capture(self, exchange: Exchange, send: Send) -> Send:
        """`send` that also keeps the response's status and body for `exchange`."""

        async def capturing(message: Message) -> None:
            if message["type"] == "http.response.start":
                exchange.status = int(message["status"])
            elif message["type"] == "http.response.body" and sum(map(len, exchange._chunks)) < _BODY_LIMIT:
                exchange._chunks.append(bytes(message.get("body", b"")))
            await send(message)

        return capturing

    def finish(self, exchange: Exchange, *, error: BaseException | None = None) -> None:
        body = self._loads(b"".join(exchange._chunks).decode("utf-8", "replace"))
        with self._lock:
            exchange.latency_ms = round((time.monotonic() - exchange._started) * 1000, 1)
            exchange.response_body = body
            if exchange.status is not None:
                exchange.outcome = "responded"
            elif error is not None:
                exchange.outcome = f"error: {type(error).__name__}"
            else:
                exchange.outcome = "connection dropped"
            exchange._chunks = []

    def items(self) -> list[dict[str, Any]]:
        with self._lock:
            return [exchange.to_json() for exchange in self._items]

    def scrub(self, text: str) -> str:
        """`text` with every remembered credential replaced (also in its JSON-escaped spelling)."""
        with self._lock:
            secrets = list(self._secrets)
        for secret in secrets:
            for spelling in {secret, json.dumps(secret)[1:-1]}:
                text = text.replace(spelling, REDACTED)
        return text

    def _remember(self, value: str) -> None:
        scheme, _, token = value.strip().partition(" ")
        secret = token.strip() or scheme  # "Bearer KEY..." keeps KEY...; a bare value is kept whole
        with self._lock:
            if len(secret) >= _MIN_SECRET and secret not in self._secrets:
                self._secrets.append(secret)

    def _loads(self, text: str) -> Any:
        text = self.scrub(text[:_BODY_LIMIT])
        if not text:
            return None
        try:
            return json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested too deep to parse: keep the text
            return text
