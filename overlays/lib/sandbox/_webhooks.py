"""Webhook events: built from the spec's field lists, signed with Ed25519, delivered in the background.

`EventFactory` turns (event type, known values) into an event with the spec's field names, a fresh
id and `occurred_at`. `Deliverer` signs each delivery as Telnyx does (``telnyx-timestamp`` and
``telnyx-signature-ed25519`` over ``f"{timestamp}|{body}"``) and posts it from one background thread,
in order, retrying a few times; without a webhook URL it drops the signed bytes into the in-memory
`Inbox`. Every delivery is logged for ``GET /sandbox/events``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..webhooks.testing import sign
from ._routes import EVENTS
from ._state import iso

__all__ = ["Deliverer", "Delivery", "EventFactory", "Inbox", "ReceivedDelivery", "make_keypair"]


def make_keypair(seed: int | None = None) -> tuple[str, str]:
    """An Ed25519 key pair as base64 ``(private_key, public_key)``; the same `seed` gives the same pair."""
    from nacl.signing import SigningKey

    if seed is None:
        key = SigningKey.generate()
    else:
        key = SigningKey(hashlib.sha256(f"telnyx-conferencing-sandbox:{seed}".encode()).digest())
    return base64.b64encode(bytes(key)).decode("ascii"), base64.b64encode(bytes(key.verify_key)).decode("ascii")


class EventFactory:
    """Builds inner events (`{"event_type", "id", "occurred_at", "payload", "record_type"}`) from known values."""

    def __init__(self, new_id: Callable[[], str], clock: Callable[[], float]) -> None:
        self._new_id = new_id
        self._clock = clock

    def build(self, event_type: str, values: dict[str, Any]) -> dict[str, Any]:
        occurred_at = iso(self._clock(), micro=True)
        spec = EVENTS.get(event_type)
        if spec is None:  # a type outside the rendered surface (call.initiated): the values are its payload
            given = {name: value for name, value in values.items() if value is not None}
            return {
                "event_type": event_type,
                "id": self._new_id(),
                "occurred_at": occurred_at,
                "payload": {**given, "occurred_at": occurred_at},
                "record_type": "event",
            }
        payload: dict[str, Any] = {}
        for name in spec.payload_fields:
            value = occurred_at if name == "occurred_at" else values.get(name)
            allowed = spec.payload_enums.get(name)
            if value is None or (allowed and value not in allowed):
                continue
            payload[name] = value
        event: dict[str, Any] = {"event_type": event_type, "id": self._new_id(), "record_type": "event"}
        if "occurred_at" in spec.fields:
            event["occurred_at"] = occurred_at
        event["payload"] = payload
        return event


@dataclass
class ReceivedDelivery:
    """One delivery as a webhook receiver got it: the raw body bytes and the headers."""

    body: bytes
    headers: dict[str, str]
    received_at: float = field(default_factory=time.time)

    @property
    def document(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.body)
        return loaded

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.document.get("data") or {}
        return data

    @property
    def event_type(self) -> str:
        return str(self.data.get("event_type"))

    @property
    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = self.data.get("payload") or {}
        return payload

    def unwrap(self, public_key: str) -> Any:
        """Verify the signature and parse the event with the SDK (`telnyx_conferencing.webhooks.unwrap`)."""
        from ..webhooks import unwrap

        return unwrap(self.body, self.headers, public_key=public_key)

    def to_json(self) -> dict[str, Any]:
        return {"headers": self.headers, "body": self.body.decode("utf-8", "replace"), "received_at": self.received_at}


class Inbox:
    """Deliveries received in memory (no webhook URL) or posted to ``POST /sandbox/inbox``."""

    def __init__(self) -> None:
        self._items: list[ReceivedDelivery] = []
        self._changed = threading.Condition()

    def add(self, body: bytes, headers: dict[str, str]) -> None:
        with self._changed:
            self._items.append(ReceivedDelivery(body, dict(headers)))
            self._changed.notify_all()

    def items(self) -> list[ReceivedDelivery]:
        with self._changed:
            return list(self._items)

    def wait_for(self, event_type: str | None = None, count: int = 1, timeout: float = 5.0) -> list[ReceivedDelivery]:
        """Block until `count` deliveries (of `event_type`, if given) arrived; returns them all, or raises TimeoutError."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [d for d in self._items if event_type is None or d.event_type == event_type]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"{len(found)} of {count} {event_type or 'webhook'} deliveries after {timeout} s"
                    )
                self._changed.wait(left)


@dataclass
class Delivery:
    """One event's delivery, as logged for ``GET /sandbox/events``.

    `signature_verified` is the SDK's own check (`unwrap` with the sandbox's public key) of the exact
    bytes and headers of the last attempt; `history` has each attempt's status, error and latency.
    """

    event: dict[str, Any]
    status: str = "pending"  # pending, delivered, failed
    attempts: int = 0
    response_status: int | None = None
    error: str | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    number: int = 0  # position in the log, 1-based: what redeliver takes
    target: str | None = None
    latency_ms: float | None = None
    signature_verified: bool | None = None
    redelivery_of: int | None = None
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.event.get("id"),
            "event_type": self.event.get("event_type"),
            "status": self.status,
            "attempts": self.attempts,
            "response_status": self.response_status,
            "error": self.error,
            "target": self.target,
            "latency_ms": self.latency_ms,
            "signature_verified": self.signature_verified,
            "redelivery_of": self.redelivery_of,
            "history": [dict(attempt) for attempt in self.history],
            "headers": self.headers,
            "body": json.loads(self.body) if self.body else None,
        }


_STOP = object()


def _public_key_of(private_key: str) -> str:
    from nacl.signing import SigningKey

    return base64.b64encode(bytes(SigningKey(base64.b64decode(private_key)).verify_key)).decode("ascii")


def _verifies(body: bytes, headers: dict[str, str], public_key: str) -> bool:
    """Whether a receiver holding the published key accepts these bytes: checked with the SDK's `unwrap`."""
    from ..webhooks import WebhookVerificationError, unwrap

    try:
        unwrap(body, headers, public_key=public_key)
    except WebhookVerificationError:
        return False
    return True


class Deliverer:
    """Signs and delivers events in order from one daemon thread, started on first use."""

    def __init__(
        self,
        *,
        private_key: str,
        inbox: Inbox,
        webhook_url: str | None = None,
        backoff: Sequence[float] = (0.1, 0.5, 2.0),
        timeout: float = 5.0,
    ) -> None:
        self._private_key = private_key
        self._public_key = _public_key_of(private_key)
        self._inbox = inbox
        self.webhook_url = webhook_url
        self._backoff = tuple(backoff)
        self._timeout = timeout
        self._queue: queue.Queue[Any] = queue.Queue()
        self._log: list[Delivery] = []
        self._lock = threading.Lock()
        self._settled = threading.Condition(self._lock)  # notified whenever a delivery finishes
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, event: dict[str, Any], *, redelivery_of: int | None = None) -> Delivery | None:
        with self._lock:
            if self._closed:
                return None
            delivery = Delivery(event, number=len(self._log) + 1, redelivery_of=redelivery_of)
            self._log.append(delivery)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="telnyx-sandbox-webhooks", daemon=True)
                self._thread.start()
        self._queue.put(delivery)
        return delivery

    def redeliver(self, number: int) -> Delivery | None:
        """Send delivery `number`'s event again, same event id (as Telnyx's resend does); None if unknown."""
        with self._lock:
            original = self._log[number - 1] if 0 < number <= len(self._log) else None
        if original is None:
            return None
        return self.submit(original.event, redelivery_of=number)

    def log(self) -> list[Delivery]:
        """Snapshots of every delivery (copies: the delivery thread keeps updating the originals)."""
        with self._lock:
            return [replace(d, headers=dict(d.headers), history=list(d.history)) for d in self._log]

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted event was delivered or gave up; False on timeout."""
        with self._settled:
            return self._settled.wait_for(
                lambda: all(d.status != "pending" for d in self._log), timeout=max(0.0, timeout)
            )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout=5.0)

    def _run(self) -> None:
        import httpx

        with httpx.Client(timeout=self._timeout) as client:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                if self._closed:
                    self._finish(item, "failed", "the sandbox was closed before delivery")
                    continue
                try:
                    self._deliver(client, item)
                except Exception as exc:  # one bad delivery must not stop the thread (and hang wait_idle)
                    self._finish(item, "failed", f"{type(exc).__name__}: {exc}")

    def _finish(self, delivery: Delivery, status: str, error: str | None = None) -> None:
        with self._settled:
            delivery.status = status
            if error is not None:
                delivery.error = error
            self._settled.notify_all()

    def _attempted(self, delivery: Delivery, attempt: int, status: int | None, error: str | None, secs: float) -> None:
        latency_ms = round(secs * 1000, 1)
        with self._lock:
            delivery.response_status, delivery.error, delivery.latency_ms = status, error, latency_ms
            delivery.history.append({"attempt": attempt, "status": status, "error": error, "latency_ms": latency_ms})

    def _deliver(self, client: Any, delivery: Delivery) -> None:
        import httpx

        attempts = len(self._backoff) + 1
        for attempt in range(1, attempts + 1):
            meta: dict[str, Any] = {"attempt": attempt, "delivered_to": self.webhook_url or "sandbox inbox"}
            body = json.dumps({"data": delivery.event, "meta": meta}, separators=(",", ":")).encode("utf-8")
            headers = sign(body, self._private_key)
            verified = _verifies(body, headers, self._public_key)
            with self._lock:  # readers must never see one attempt's body with another's signature
                delivery.attempts, delivery.body, delivery.headers = attempt, body, headers
                delivery.target, delivery.signature_verified = meta["delivered_to"], verified
            if self.webhook_url is None:
                self._inbox.add(body, headers)
                self._attempted(delivery, attempt, None, None, 0.0)
                self._finish(delivery, "delivered")
                return
            started = time.monotonic()
            try:
                response = client.post(
                    self.webhook_url, content=body, headers={**headers, "content-type": "application/json"}
                )
            except httpx.HTTPError as exc:
                failure = f"{type(exc).__name__}: {exc}"
                self._attempted(delivery, attempt, None, failure, time.monotonic() - started)
            else:
                ok = response.is_success
                error = None if ok else f"HTTP {response.status_code}"
                self._attempted(delivery, attempt, response.status_code, error, time.monotonic() - started)
                if ok:
                    self._finish(delivery, "delivered")
                    return
            if attempt < attempts and not self._closed:
                time.sleep(self._backoff[attempt - 1])
            elif self._closed:
                break
        self._finish(delivery, "failed")
