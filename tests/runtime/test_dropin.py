"""The client, page and webhook surface of the official SDK: copy(), is_closed(), default_query, an awaitable
close(), public_key, the 60 s / 5 s default timeout, get_next_page() / next_page_info(), a typed page meta,
and webhooks spelled `unwrap(body, headers=..., key=...)` raising ValueErrors and giving `event.data`."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import httpx
import nacl.signing
import pytest

from telnyx_conferencing import AsyncTelnyx, Telnyx, WebhookVerificationError
from telnyx_conferencing._pagination import PageInfo, PageMeta
from telnyx_conferencing.webhooks import SignatureMismatchError, unwrap

CONFERENCE = {
    "id": "c1",
    "name": "n",
    "record_type": "conference",
    "created_at": "2024-01-01T00:00:00Z",
    "expires_at": "2024-01-01T04:00:00Z",
}


def _client(handler: Any, **kwargs: Any) -> Telnyx:
    return Telnyx(api_key="KEY_dropin", http_client=httpx.Client(transport=httpx.MockTransport(handler)), **kwargs)


def test_copy_is_with_options_and_merges_or_sets_defaults() -> None:
    seen: list[httpx.Request] = []
    client = _client(
        lambda r: seen.append(r) or httpx.Response(200, json={"data": CONFERENCE}), default_query={"a": "1"}
    )
    copy = client.copy(max_retries=0, default_headers={"X-A": "1"}, default_query={"b": "2"})
    assert copy.max_retries == 0 and client.max_retries == 2 and copy.default_query == {"a": "1", "b": "2"}
    assert client.copy(set_default_query={"c": "3"}).default_query == {"c": "3"}
    assert type(client).with_options is type(client).copy
    with pytest.raises(ValueError):
        client.copy(default_headers={}, set_default_headers={})
    copy.conferences.retrieve("c1")
    assert seen[-1].url.params["a"] == "1" and seen[-1].url.params["b"] == "2" and seen[-1].headers["x-a"] == "1"


def test_default_timeout_is_the_official_one_and_none_disables_it() -> None:
    seen: list[httpx.Request] = []
    client = _client(lambda r: seen.append(r) or httpx.Response(200, json={"data": CONFERENCE}))
    assert client.timeout == httpx.Timeout(60.0, connect=5.0)
    client.conferences.retrieve("c1")
    client.conferences.retrieve("c1", timeout=None)
    assert seen[0].extensions["timeout"] == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert seen[1].extensions["timeout"]["read"] is None
    own = Telnyx(api_key="KEY_dropin")
    assert own._client.timeout == httpx.Timeout(60.0, connect=5.0)
    own.close()


def test_is_closed_and_async_close_is_awaitable() -> None:
    client = Telnyx(api_key="KEY_dropin")
    assert not client.is_closed()
    client.close()
    assert client.is_closed()

    async def run() -> bool:
        async_client = AsyncTelnyx(api_key="KEY_dropin")
        await async_client.close()
        return async_client.is_closed()

    import asyncio

    assert asyncio.run(run())


def test_pages_have_get_next_page_next_page_info_and_a_typed_meta() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page[number]", "1"))
        meta = {"page_number": number, "page_size": 1, "total_pages": 2, "total_results": 2}
        return httpx.Response(200, json={"data": [dict(CONFERENCE, id=f"c{number}")], "meta": meta})

    page = _client(handler).conferences.list(page_size=1)
    assert isinstance(page.meta, PageMeta) and page.meta.total_pages == 2 and page.meta.total_results == 2
    assert page.next_page_info() == PageInfo(params={"page[number]": 2})
    last = page.get_next_page()
    assert [c.id for c in last.data] == ["c2"] and last.next_page_info() is None and not last.has_next_page()


def _signed(body: bytes) -> tuple[dict[str, str], str]:
    key = nacl.signing.SigningKey.generate()
    timestamp = str(int(time.time()))
    signature = key.sign(f"{timestamp}|".encode() + body).signature
    headers = {"telnyx-timestamp": timestamp, "telnyx-signature-ed25519": base64.b64encode(signature).decode()}
    return headers, base64.b64encode(bytes(key.verify_key)).decode()


BODY = json.dumps(
    {
        "data": {
            "event_type": "conference.recording.saved",
            "id": "e1",
            "occurred_at": "2024-01-01T00:00:00Z",
            "record_type": "event",
            "payload": {"conference_id": "c1", "format": "mp3"},
        },
        "meta": {"attempt": 1},
    }
).encode()


def test_webhooks_unwrap_as_the_official_sdk_spells_it() -> None:
    headers, public_key = _signed(BODY)
    event: Any = Telnyx(api_key="KEY_dropin").webhooks.unwrap(BODY, headers=headers, key=public_key)
    assert event.data.event_type == "conference.recording.saved" and event.data.id == "e1"
    assert event.data.payload.conference_id == "c1" and event.payload is event.data.payload
    assert event.payload.format == "mp3"
    assert unwrap(BODY, headers, public_key=public_key).id == "e1"
    client = Telnyx(api_key="KEY_dropin", public_key=public_key)
    assert client.public_key == public_key and client.webhooks.unwrap(BODY, headers=headers).id == "e1"
    with pytest.raises(TypeError):
        unwrap(BODY, headers, public_key=public_key, key=public_key)


def test_every_webhook_verification_error_is_a_value_error() -> None:
    headers, public_key = _signed(BODY)
    assert issubclass(WebhookVerificationError, ValueError)
    with pytest.raises(ValueError) as caught:
        Telnyx(api_key="KEY_dropin").webhooks.unwrap(BODY + b" ", headers=headers, key=public_key)
    assert isinstance(caught.value, SignatureMismatchError)
