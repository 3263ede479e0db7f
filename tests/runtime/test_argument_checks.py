"""The facades enforce the spec's string lengths before any request (issue 14, item 15)."""

from __future__ import annotations

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx, Telnyx


def test_enqueue_with_an_empty_queue_name_fails_before_any_request() -> None:
    sent: list[httpx.Request] = []
    client = Telnyx(api_key="KEY_x", http_client=httpx.Client(transport=httpx.MockTransport(sent.append)))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Expected a non-empty value for `queue_name` but received ''"):
        client.calls.actions.enqueue("v3:leg", queue_name="")
    with pytest.raises(ValueError, match="at most 40 characters for `custom_file_name`"):
        client.conferences.actions.record_start("c1", format="mp3", custom_file_name="x" * 41)
    assert sent == []


async def test_async_enqueue_with_an_empty_queue_name_fails_before_any_request() -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(sent.append)  # type: ignore[arg-type]
    async with AsyncTelnyx(api_key="KEY_x", http_client=httpx.AsyncClient(transport=transport)) as client:
        with pytest.raises(ValueError, match="`queue_name`"):
            await client.calls.actions.enqueue("v3:leg", queue_name="")
    assert sent == []
