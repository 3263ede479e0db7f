"""The facades check arguments before any request, and raise one error class for it that is also a ValueError."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import telnyx_conferencing
from telnyx_conferencing import AsyncTelnyx, InvalidArgumentError, Telnyx, TelnyxError, _exceptions


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


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.conferences.retrieve(""),  # empty path id
        lambda c: c.conferences.create(call_control_id="v3:a", name=None),  # a required `name` given as None
        lambda c: c.conferences.actions.record_start("c1", format="ogg"),  # outside the enum
        lambda c: c.calls.actions.enqueue("v3:leg", queue_name=""),  # under minLength
    ],
    ids=["empty-id", "missing-required", "not-in-enum", "too-short"],
)
def test_every_argument_check_raises_an_invalid_argument_error_that_is_a_telnyx_error_and_a_value_error(
    call: Any,
) -> None:
    sent: list[httpx.Request] = []
    client = Telnyx(api_key="KEY_x", http_client=httpx.Client(transport=httpx.MockTransport(sent.append)))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert isinstance(caught.value, TelnyxError) and isinstance(caught.value, ValueError)
    assert sent == []


def test_the_package_exports_exactly_the_public_error_tree_of_exceptions() -> None:
    errors = set(_exceptions.__all__)
    assert errors <= set(telnyx_conferencing.__all__)
    assert set(telnyx_conferencing.__all__) - errors == {
        "AsyncTelnyx",
        "Omit",
        "RequestOptions",
        "Telnyx",
        "__version__",
        "omit",
    }
    defined = {
        name
        for name, value in vars(_exceptions).items()
        if isinstance(value, type) and issubclass(value, TelnyxError) and value.__module__ == _exceptions.__name__
    }
    assert defined <= errors, f"error classes missing from _exceptions.__all__: {sorted(defined - errors)}"
    for name in errors:
        assert getattr(telnyx_conferencing, name) is getattr(_exceptions, name)
