"""Fixtures for the webhook tests: a key pair, signed deliveries, and a clean TELNYX_PUBLIC_KEY."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from telnyx_conferencing.webhooks.testing import generate_keypair, sign

EVENT_ID = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"
NOW = 1_700_000_000

Signer = Callable[..., tuple[bytes, dict[str, str]]]


@pytest.fixture(scope="session")
def keypair() -> tuple[str, str]:
    """(private seed base64, public key base64)."""
    return generate_keypair()


@pytest.fixture
def private_key(keypair: tuple[str, str]) -> str:
    return keypair[0]


@pytest.fixture
def public_key(keypair: tuple[str, str]) -> str:
    return keypair[1]


@pytest.fixture(autouse=True)
def no_public_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELNYX_PUBLIC_KEY", raising=False)


def event_dict(event_type: str = "conference.created", **payload: Any) -> dict[str, Any]:
    """An inner event object (the value of `data`)."""
    return {
        "event_type": event_type,
        "id": EVENT_ID,
        "occurred_at": "2024-05-01T12:00:00.123456Z",
        "payload": {"conference_id": "conf-1", "call_control_id": "v3:abc", **payload},
        "record_type": "event",
    }


def envelope(inner: dict[str, Any] | None = None) -> bytes:
    """A delivery body in the `data` envelope, as Telnyx sends it."""
    document = {"data": inner if inner is not None else event_dict(), "meta": {"attempt": 1}}
    return json.dumps(document).encode()


@pytest.fixture
def signed(private_key: str) -> Signer:
    """Sign a body (default: a conference.created delivery) at `timestamp` (default: now)."""

    def make(body: bytes | str | None = None, timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
        raw = envelope() if body is None else body
        headers = sign(raw, private_key, timestamp=int(time.time()) if timestamp is None else timestamp)
        return (raw.encode() if isinstance(raw, str) else raw), headers

    return make
