"""Hardening (issue 14, item 10): a cold AsyncTelnyx completes a burst far larger than its connection pool.

The 1,000-call figure is a `make bench` row (`bench/burst.py`); these pin the mechanism at a smaller size.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from telnyx_conferencing import AsyncTelnyx
from telnyx_conferencing._base_client import MAX_CONCURRENT_REQUESTS

BURST = 300
BODY = json.dumps({"data": {"id": "c1"}}).encode()


class CountingTransport(httpx.AsyncBaseTransport):
    """Answers after a short pause and records the most requests it ever held at once."""

    def __init__(self) -> None:
        self.in_flight = self.most = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(0.001)
            return httpx.Response(200, content=BODY)
        finally:
            self.in_flight -= 1


async def test_a_burst_never_hands_the_pool_more_requests_than_it_has_connections() -> None:
    transport = CountingTransport()
    async with AsyncTelnyx(api_key="KEY_x", http_client=httpx.AsyncClient(transport=transport)) as client:
        raw = client.with_raw_response  # a copy: it must share the parent's admission, not add its own
        calls = [client.conferences.retrieve("c1") for _ in range(BURST // 2)]
        calls += [raw.conferences.retrieve("c1") for _ in range(BURST // 2)]
        results = await asyncio.gather(*calls, return_exceptions=True)
    assert not [r for r in results if isinstance(r, BaseException) and not _is_shape_error(r)]
    assert transport.most == MAX_CONCURRENT_REQUESTS


def _is_shape_error(error: BaseException) -> bool:
    from telnyx_conferencing import APIResponseValidationError

    return isinstance(error, APIResponseValidationError)  # the canned body is not a whole conference


@pytest.fixture
async def loopback() -> AsyncIterator[str]:
    """A minimal keep-alive HTTP/1.1 server on a free loopback port, in this event loop."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n")
                writer.write(b"content-length: %d\r\n\r\n%s" % (len(BODY), BODY))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=1024)
    async with server:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


async def test_a_cold_async_client_completes_a_burst_larger_than_its_pool_over_real_sockets(loopback: str) -> None:
    async with AsyncTelnyx(api_key="KEY_x", base_url=loopback, max_retries=0, timeout=20.0) as client:
        raw = client.with_raw_response
        results = await asyncio.wait_for(
            asyncio.gather(*(raw.conferences.retrieve("c1") for _ in range(BURST)), return_exceptions=True), 60
        )
    failures = [type(r).__name__ for r in results if isinstance(r, BaseException)]
    assert failures == [] and all(r.status_code == 200 for r in results)
