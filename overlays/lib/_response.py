"""Responses of `with_raw_response` and `with_streaming_response`, and the parsing every call goes through.

`APIResponse` (sync) and `AsyncAPIResponse` (async) wrap the `httpx.Response` of a successful call:
`.parse()` gives the typed result the call would have returned, `.headers`, `.status_code`, `.url`,
`.http_request` describe the exchange, and `.read()`, `.text()`, `.json()`, `.iter_bytes()`,
`.iter_text()`, `.iter_lines()` read the body. A raw response has its body read already; a streaming
one (the context manager of `with_streaming_response`) reads it only when one of those methods asks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import datetime

    import httpx

from ._exceptions import APIResponseValidationError, redacted_copy, request_id_of

__all__ = [
    "MALFORMED_BODY_ERRORS",
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "ModelCast",
    "ResponseContextManager",
    "decode_json",
    "parse_body",
]

_T = TypeVar("_T")
_UNPARSED: Any = object()


class _BaseAPIResponse(Generic[_T]):
    """What both flavours share: the exchange's metadata and the cached parse."""

    __slots__ = ("_cast", "_parsed", "http_response")

    http_response: httpx.Response

    def __init__(self, http_response: httpx.Response, cast: Callable[[Any], _T]) -> None:
        self.http_response = http_response
        self._cast = cast
        self._parsed: _T = _UNPARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        """The request as it was sent (the last attempt's, after retries)."""
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.request.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def request_id(self) -> str | None:
        return request_id_of(self.http_response.headers)

    @property
    def elapsed(self) -> datetime.timedelta:
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    def _parse_read(self) -> _T:
        if self._parsed is _UNPARSED:
            self._parsed = parse_body(self.http_response, self._cast)
        return self._parsed

    def __reduce__(self) -> tuple[Any, ...]:
        # The request carries the Authorization header: a pickle gets a copy of the exchange with it redacted.
        return (type(self), (redacted_copy(self.http_response), self._cast))

    def __repr__(self) -> str:
        request = self.http_response.request
        return (
            f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] "
            f"{request.method} {request.url}>"
        )


class APIResponse(_BaseAPIResponse[_T]):
    """The HTTP response of a successful sync call; `parse()` builds the model the call would have returned."""

    __slots__ = ()

    def parse(self) -> _T:
        """The typed result (reading the body first if it is still streaming); built on first call, then cached."""
        self.http_response.read()
        return self._parse_read()

    def read(self) -> bytes:
        """The whole body as bytes."""
        return self.http_response.read()

    def text(self) -> str:
        """The whole body, decoded."""
        self.http_response.read()
        return self.http_response.text

    def json(self) -> Any:
        """The decoded JSON body; None for an empty body (such as a 204)."""
        self.http_response.read()
        return decode_json(self.http_response)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        """Release the connection (a streaming response holds it until closed or read to the end)."""
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[_T]):
    """The HTTP response of a successful async call; `await parse()` builds the model."""

    __slots__ = ()

    async def parse(self) -> _T:
        """The typed result (reading the body first if it is still streaming); built on first call, then cached."""
        await self.http_response.aread()
        return self._parse_read()

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.http_response.aread()
        return self.http_response.text

    async def json(self) -> Any:
        await self.http_response.aread()
        return decode_json(self.http_response)

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager(Generic[_T]):
    """What a `with_streaming_response` call returns: sends the request on `__enter__`, closes it on exit."""

    __slots__ = ("_response", "_send")

    def __init__(self, send: Callable[[], APIResponse[_T]]) -> None:
        self._send = send
        self._response: APIResponse[_T] | None = None

    def __enter__(self) -> APIResponse[_T]:
        self._response = self._send()
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_T]):
    """The `async with` twin of `ResponseContextManager`."""

    __slots__ = ("_response", "_send")

    def __init__(self, send: Callable[[], Awaitable[AsyncAPIResponse[_T]]]) -> None:
        self._send = send
        self._response: AsyncAPIResponse[_T] | None = None

    async def __aenter__(self) -> AsyncAPIResponse[_T]:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._response is not None:
            await self._response.close()


def decode_json(response: httpx.Response) -> Any:
    """The decoded JSON body of a read response; None for an empty body (such as a 204)."""
    try:
        return response.json() if response.content else None
    except ValueError as exc:
        raise APIResponseValidationError(response, exc) from exc


def json_body(body: Any) -> Any:
    """The result of an operation whose JSON response has no model: the decoded body as is."""
    return body


def empty_body(body: Any) -> None:
    """The result of an operation that answers without a body (a 204): None."""
    return None


def binary_body(body: bytes) -> bytes:
    """The result of an operation that answers with a non-JSON body (audio, PDF...): its bytes."""
    return body


class ModelCast(Generic[_T]):
    """The `cast` of an operation that answers with a model: the model's `from_dict`, its module imported when the
    first response is parsed.

    A resource module that imported the model of every method up front would load attrs and a tree of model
    classes before the first call, which is most of a cold start (`bench --only coldstart`).
    """

    __slots__ = ("_from_dict", "_module", "_name")

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name
        self._from_dict: Callable[[Any], _T] | None = None

    def __call__(self, body: Any) -> _T:
        from_dict = self._from_dict
        if from_dict is None:
            model = getattr(__import__(self._module, fromlist=[self._name]), self._name)
            from_dict = self._from_dict = model.from_dict
        return from_dict(body)

    def __repr__(self) -> str:
        return f"ModelCast({self._module}.{self._name})"


MALFORMED_BODY_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
"""What a model's `from_dict` raises on JSON of the wrong shape: each becomes `APIResponseValidationError`."""


def parse_body(response: httpx.Response, cast: Callable[[Any], _T]) -> _T:
    """`cast` applied to the decoded body; a body of the wrong shape becomes `APIResponseValidationError`."""
    content = response.content
    if cast is binary_body:
        return cast(content)
    try:
        body = response.json() if content else None  # decode_json, inline: every call comes through here
    except ValueError as exc:
        raise APIResponseValidationError(response, exc) from exc
    try:
        return cast(body)
    except MALFORMED_BODY_ERRORS as exc:
        raise APIResponseValidationError(response, exc) from exc
