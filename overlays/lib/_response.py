"""`APIResponse`, what raw mode (`client.with_raw_response`) returns instead of the parsed model."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import httpx

from ._exceptions import APIResponseValidationError, request_id_of

__all__ = ["APIResponse", "decode_json", "parse_body"]

_T = TypeVar("_T")
_UNPARSED: Any = object()


class APIResponse(Generic[_T]):
    """The HTTP response of a successful call, with `parse()` for the model the call would have returned."""

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
    def request_id(self) -> str | None:
        return request_id_of(self.http_response.headers)

    @property
    def elapsed(self) -> datetime.timedelta:
        return self.http_response.elapsed

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        """The decoded body; None for an empty body (such as a 204)."""
        return decode_json(self.http_response)

    def parse(self) -> _T:
        """The typed result; decoded and built on first call, then cached."""
        if self._parsed is _UNPARSED:
            self._parsed = parse_body(self.http_response, self._cast)
        return self._parsed

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code} {self.http_response.reason_phrase}] {request.method} {request.url}>"


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


def parse_body(response: httpx.Response, cast: Callable[[Any], _T]) -> _T:
    """`cast` applied to the decoded body; a body of the wrong shape becomes `APIResponseValidationError`."""
    if cast is binary_body:
        return cast(response.content)
    body = decode_json(response)
    try:
        return cast(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise APIResponseValidationError(response, exc) from exc
