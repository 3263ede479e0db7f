"""The retry loop, sync and async: which failures are retried, how long it waits, and when it gives up."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from telnyx_conferencing._base_client import MAX_RETRY_DELAY, RETRY_BUDGET
from telnyx_conferencing._exceptions import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    RateLimitError,
)


def ok() -> httpx.Response:
    return httpx.Response(200, json={"data": {"id": "c1"}})


MakeHarness = Callable[..., Any]
RespondInTurn = Callable[..., Any]


async def test_retry_after_seconds_is_honoured(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.Response(429, headers={"Retry-After": "1"}), ok())
    h = harness(handler)
    assert await h.request() == {"data": {"id": "c1"}}
    assert h.sleeps == [1.0]
    assert len(seen) == 2


async def test_retry_after_http_date(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    date = email.utils.formatdate(time.time() + 3, usegmt=True)
    handler, _ = respond_in_turn(httpx.Response(503, headers={"Retry-After": date}), ok())
    h = harness(handler)
    await h.request()
    assert 1.0 <= h.sleeps[0] <= 3.0


async def test_retry_after_ms_wins(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    headers = {"retry-after-ms": "250", "Retry-After": "5"}
    handler, _ = respond_in_turn(httpx.Response(429, headers=headers), ok())
    h = harness(handler)
    await h.request()
    assert h.sleeps == [0.25]


async def test_ratelimit_reset_is_honoured_on_429(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    headers = {"x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4"}
    handler, _ = respond_in_turn(httpx.Response(429, headers=headers), ok())
    h = harness(handler)
    await h.request()
    assert h.sleeps == [4.0]


async def test_ratelimit_reset_ignored_when_not_limited(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, _ = respond_in_turn(httpx.Response(503, headers={"x-ratelimit-reset": "40"}), ok())
    h = harness(handler)
    await h.request()
    assert h.sleeps == [0.5]


@pytest.mark.parametrize("value", ["soon", "nan", ""])
async def test_hints_that_are_not_numbers_fall_back_to_backoff(
    harness: MakeHarness, respond_in_turn: RespondInTurn, value: str
) -> None:
    handler, _ = respond_in_turn(httpx.Response(429, headers={"Retry-After": value}), ok())
    h = harness(handler)
    await h.request()
    assert h.sleeps == [0.5]


HINTS = ["-5", "0", "0.2", "1", "29", "30", "31", "59", "60", "61", "3600", "1e9", "inf"]


async def test_a_larger_retry_after_never_makes_the_client_more_aggressive(
    harness: MakeHarness, respond_in_turn: RespondInTurn
) -> None:
    waits: list[float] = []  # the wait before the retry; inf when there is no retry at all
    for hint in HINTS:
        handler, seen = respond_in_turn(httpx.Response(429, headers={"Retry-After": hint}), ok())
        h = harness(handler)
        try:
            await h.request()
        except RateLimitError:
            assert len(seen) == 1
            waits.append(float("inf"))
        else:
            waits.append(h.sleeps[0])
    assert waits == sorted(waits), dict(zip(HINTS, waits, strict=True))
    assert waits[:4] == [0.0, 0.0, 0.2, 1.0] and waits[HINTS.index("30")] == 30.0
    assert all(wait == float("inf") for wait in waits[HINTS.index("31") :])


async def test_503_then_200(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.Response(503), ok())
    h = harness(handler)
    assert await h.request("POST", "/conferences", json={"name": "x"}) == {"data": {"id": "c1"}}
    assert h.sleeps == [0.5]
    assert seen[0].content == seen[1].content and json.loads(seen[0].content) == {"name": "x"}  # httpx 0.27 adds spaces


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 504])
async def test_retryable_statuses(harness: MakeHarness, respond_in_turn: RespondInTurn, status: int) -> None:
    handler, seen = respond_in_turn(httpx.Response(status), ok())
    await harness(handler).request()
    assert len(seen) == 2


async def test_connection_error_then_200(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.ConnectError("refused"), ok())
    h = harness(handler)
    await h.request()
    assert len(seen) == 2
    assert h.sleeps == [0.5]


async def test_timeouts_exhausted_raise_api_timeout_error(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(*[httpx.ReadTimeout("slow") for _ in range(3)])
    h = harness(handler)
    with pytest.raises(APITimeoutError) as caught:
        await h.request()
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.request is seen[-1]
    assert len(seen) == 3
    assert h.sleeps == [0.5, 1.0]


async def test_connection_errors_exhausted(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, _ = respond_in_turn(*[httpx.ReadError("reset") for _ in range(3)])
    with pytest.raises(APIConnectionError) as caught:
        await harness(handler).request()
    assert type(caught.value) is APIConnectionError
    assert "ReadError" in str(caught.value)


async def test_unretryable_transport_error_fails_at_once(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.UnsupportedProtocol("ftp"))
    with pytest.raises(APIConnectionError):
        await harness(handler).request()
    assert len(seen) == 1


async def test_400_is_not_retried(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.Response(400, json={"errors": [{"code": "10015", "title": "Bad"}]}))
    h = harness(handler)
    with pytest.raises(BadRequestError):
        await h.request()
    assert len(seen) == 1 and h.sleeps == []


async def test_exhausted_status_retries_raise_last_error(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.Response(500), httpx.Response(502), httpx.Response(429))
    with pytest.raises(RateLimitError):
        await harness(handler).request()
    assert len(seen) == 3


async def test_backoff_is_capped_and_schedule_stays_in_budget(harness: MakeHarness) -> None:
    seen: list[httpx.Request] = []

    def always_500(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500)

    h = harness(always_500, max_retries=20)
    with pytest.raises(InternalServerError):
        await h.request()
    assert h.sleeps[:5] == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert max(h.sleeps) == MAX_RETRY_DELAY
    assert sum(h.sleeps) <= RETRY_BUDGET < 60
    assert len(seen) == len(h.sleeps) + 1


async def test_jitter_shortens_by_at_most_a_quarter(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, _ = respond_in_turn(httpx.Response(500), httpx.Response(500), ok())
    h = harness(handler)
    h.client._random = lambda: 0.999
    await h.request()
    assert 0.375 <= h.sleeps[0] < 0.5 and 0.75 <= h.sleeps[1] < 1.0


async def test_hint_that_overruns_the_budget_stops_retrying(
    harness: MakeHarness, respond_in_turn: RespondInTurn
) -> None:
    handler, seen = respond_in_turn(httpx.Response(429, headers={"Retry-After": "45"}), ok())
    with pytest.raises(RateLimitError):
        await harness(handler).request()
    assert len(seen) == 1


async def test_per_call_max_retries_zero(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.Response(503), ok())
    h = harness(handler)
    h.client = h.client.with_options(max_retries=0)
    with pytest.raises(InternalServerError):
        await h.request()
    assert len(seen) == 1 and h.sleeps == []


async def test_client_max_retries_zero(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(httpx.ConnectError("refused"), ok())
    with pytest.raises(APIConnectionError):
        await harness(handler, max_retries=0).request()
    assert len(seen) == 1


async def test_per_call_timeout_reaches_httpx(harness: MakeHarness, respond_in_turn: RespondInTurn) -> None:
    handler, seen = respond_in_turn(ok(), ok())
    h = harness(handler, timeout=12.0)
    await h.request()
    await h.request(timeout=3.5)
    assert seen[0].extensions["timeout"]["read"] == 12.0
    assert seen[1].extensions["timeout"]["read"] == 3.5
