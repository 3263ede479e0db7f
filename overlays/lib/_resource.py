"""Base classes of the generated resources and the wrappers behind `with_raw_response` / `with_streaming_response`.

A resource's `with_raw_response` is a mirror of it whose methods are the same methods bound to a copy of
the client in raw mode (each call returns an `APIResponse` with the body read); `with_streaming_response`
binds them to a copy in streaming mode and wraps each in a context manager that sends on enter and closes
on exit. So the wrappers below add no code to a call: they only say, to the type checker, what comes back.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from ._response import APIResponse, AsyncAPIResponse, AsyncResponseContextManager, ResponseContextManager

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncAPIResource",
    "SyncAPIResource",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class SyncAPIResource:
    """A group of operations sharing one client (`client.conferences`, `client.conferences.actions`)."""

    __slots__ = ("__dict__", "_client")  # __dict__: sub-resources and wrappers are cached properties

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """The async twin of `SyncAPIResource`."""

    __slots__ = ("__dict__", "_client")

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def to_raw_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """`func`, a method bound to a resource over a raw-mode client, typed as returning its `APIResponse`."""
    return cast(Callable[_P, APIResponse[_R]], func)


def async_to_raw_response_wrapper(func: Callable[_P, Awaitable[_R]]) -> Callable[_P, Awaitable[AsyncAPIResponse[_R]]]:
    """The async twin of `to_raw_response_wrapper` (list methods too: their paginator awaits to the response)."""
    return cast(Callable[_P, Awaitable[AsyncAPIResponse[_R]]], func)


def to_streamed_response_wrapper(func: Callable[_P, _R]) -> Callable[_P, ResponseContextManager[_R]]:
    """`func`, bound to a resource over a streaming-mode client, made to return a context manager that sends the
    request on `__enter__` (body unread) and closes the response on `__exit__`."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> ResponseContextManager[_R]:
        return ResponseContextManager(cast(Any, functools.partial(func, *args, **kwargs)))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncResponseContextManager[_R]]:
    """The async twin of `to_streamed_response_wrapper`: `async with ... as response`."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncResponseContextManager[_R]:
        return AsyncResponseContextManager(cast(Any, functools.partial(_awaited, func, *args, **kwargs)))

    return wrapped


async def _awaited(func: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
    return await func(*args, **kwargs)
