"""Every error the SDK raises, in one tree.

TelnyxError
 ├── APIError
 │    ├── APIConnectionError            no response: DNS, refused, reset, ...
 │    │    └── APITimeoutError          connect/read/write/pool timeout
 │    ├── APIResponseValidationError    a 2xx response whose body is not the documented shape
 │    └── APIStatusError                a non-2xx response; `make_status_error` picks the subclass
 │         ├── BadRequestError            400
 │         ├── AuthenticationError        401
 │         ├── PermissionDeniedError      403
 │         ├── NotFoundError              404
 │         ├── ConflictError              409
 │         ├── UnprocessableEntityError   422
 │         ├── RateLimitError             429
 │         └── InternalServerError        >= 500
 ├── InvalidArgumentError               a facade argument failed the spec's checks before any request (also a ValueError)
 ├── WebhookVerificationError           a webhook delivery failed verification (also a ValueError)
 └── MissingAPIKeyError                 no api_key and no TELNYX_API_KEY
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ._secrets import redact_for

if TYPE_CHECKING:  # httpx stays out of `import telnyx_conferencing` (the CLI's --help must be fast)
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidArgumentError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "TelnyxError",
    "UnprocessableEntityError",
    "WebhookVerificationError",
]  # the public error tree: the package re-exports exactly this list

API_KEY_ENV = "TELNYX_API_KEY"
_MAX_PART_LENGTH = 200  # keeps a junk `detail` from turning the message into a page of text


class TelnyxError(Exception):
    """Base class of every error raised by this SDK."""


class APIError(TelnyxError):
    """A request to the Telnyx API failed."""

    message: str
    request: httpx.Request | None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        message = redact_for(message, request)  # a message may quote the URL or a server's echo of the key
        super().__init__(message)
        self.message = message
        self.request = request

    def __reduce__(self) -> tuple[Any, ...]:
        # The request (and the response's request) carry the Authorization header: a pickle gets copies
        # with it redacted, and is rebuilt without calling __init__ (whose arguments differ per subclass).
        state = dict(vars(self))
        for name, value in state.items():
            state[name] = redacted_copy(value)
        return (_rebuild, (type(self), self.args, state))


class APIConnectionError(APIError):
    """The request never got a response (network failure)."""

    request: httpx.Request

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class ErrorDetail(NamedTuple):
    """One entry of the Telnyx `errors` array (immutable, compared by value).

    A NamedTuple rather than a frozen dataclass: `dataclasses` (with `inspect`) would load with every
    `import telnyx_conferencing`, for one class of an error path.
    """

    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source: dict[str, Any] | None = None
    meta: dict[str, Any] | None = None

    @classmethod
    def from_json(cls, raw: object) -> ErrorDetail | None:
        """Build from one decoded entry, or None when it is not an object."""
        if not isinstance(raw, Mapping):
            return None
        return cls(
            code=_optional_str(raw.get("code")),
            title=_optional_str(raw.get("title")),
            detail=_optional_str(raw.get("detail")),
            source=dict(raw["source"]) if isinstance(raw.get("source"), Mapping) else None,
            meta=dict(raw["meta"]) if isinstance(raw.get("meta"), Mapping) else None,
        )


class APIResponseValidationError(APIError):
    """A 2xx response whose body does not match the spec's shape (not JSON, or a required field missing).

    Raised instead of a bare KeyError/ValueError from deep inside a model, with the response attached.
    """

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, problem: Exception) -> None:
        request = _request_of(response)
        where = f" to {request.method} {request.url}" if request is not None else ""
        detail = f"{type(problem).__name__}: {problem}"
        super().__init__(f"Could not parse the {response.status_code} response{where} ({detail})", request=request)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a non-2xx status."""

    response: httpx.Response
    status_code: int
    body: object
    """The decoded JSON body, the text when it is not JSON, or None when empty."""
    errors: list[ErrorDetail]
    request_id: str | None

    def __init__(
        self, message: str, *, response: httpx.Response, body: object = None, errors: list[ErrorDetail] | None = None
    ) -> None:
        request = _request_of(response)
        super().__init__(message, request=request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.errors = errors if errors is not None else []
        request_id = request_id_of(response.headers)
        self.request_id = None if request_id is None else redact_for(request_id, request)


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but its values were rejected."""


class RateLimitError(APIStatusError):
    """429: too many requests; see the `x-ratelimit-*` headers."""


class InternalServerError(APIStatusError):
    """5xx: the API failed."""


class InvalidArgumentError(TelnyxError, ValueError):
    """A facade argument failed a check the spec implies (missing, empty id, not in the enum, too long).

    Raised before any request; also a `ValueError`, which is what code written for the official SDK catches."""


class WebhookVerificationError(TelnyxError, ValueError):
    """A webhook delivery could not be verified (subclasses say why).

    Also a `ValueError`, which is what code written for the official SDK catches around `unwrap`."""


class MissingAPIKeyError(TelnyxError):
    """No API key was passed and the environment variable is unset."""

    def __init__(self) -> None:
        super().__init__(f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable.")


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Turn a non-2xx response (already read) into the matching `APIStatusError` subclass."""
    body = _decode_body(response)
    errors = _parse_errors(body)
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    error = error_class("", response=response, body=body, errors=errors)
    # The parts were redacted with the body, before `_clean` shortens them: a cut key is still a key.
    message = redact_for(_one_line_message(status, response.reason_phrase, errors, error.request_id), error.request)
    error.message = message
    error.args = (message,)
    return error


def _decode_body(response: httpx.Response) -> object:
    """The body as JSON (or text), with the key redacted: a misbehaving server may echo the Authorization header."""
    content = response.content
    if not content:
        return None
    import json  # an error path: not worth its import time in every `import telnyx_conferencing`

    text = redact_for(response.text, _request_of(response))
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def _parse_errors(body: object) -> list[ErrorDetail]:
    if not isinstance(body, Mapping):
        return []
    raw_errors = body.get("errors")
    if not isinstance(raw_errors, list):
        return []
    return [detail for detail in map(ErrorDetail.from_json, raw_errors) if detail is not None]


def _one_line_message(status: int, reason: str, errors: list[ErrorDetail], request_id: str | None) -> str:
    first = errors[0] if errors else None
    text = ""
    if first is not None:
        parts = [part for part in (first.title, first.detail) if part]
        if len(parts) == 2 and parts[0] == parts[1]:
            parts.pop()
        text = " - ".join(_clean(part) for part in parts)
        if first.code:
            text = f"{_clean(first.code)}: {text}" if text else _clean(first.code)
    message = f"{status} {text or reason or 'error'}"
    if request_id:
        message += f" (request id {_clean(request_id)})"
    return message


def _clean(text: str) -> str:
    """Collapse whitespace (so the message stays one line) and bound the length."""
    text = " ".join(text.split())
    return text if len(text) <= _MAX_PART_LENGTH else text[: _MAX_PART_LENGTH - 3] + "..."


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """Telnyx's request id header (`x-request-id`, or `request-id` from some proxies)."""
    return headers.get("x-request-id") or headers.get("request-id")


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _rebuild(cls: type[APIError], args: tuple[Any, ...], state: dict[str, Any]) -> APIError:
    error = cls.__new__(cls)
    error.args = args
    vars(error).update(state)
    return error


def redacted_copy(value: Any) -> Any:
    """A request or response with credential headers redacted (for pickling); other values unchanged."""
    import httpx

    from ._logs import redact_headers

    if isinstance(value, httpx.Request):
        try:
            content = value.content
        except httpx.RequestNotRead:
            content = b""
        return httpx.Request(
            value.method, value.url, headers=redact_headers(value.headers.multi_items()), content=content
        )
    if isinstance(value, httpx.Response):
        request = _request_of(value)
        try:
            body = value.content
        except httpx.ResponseNotRead:
            body = b""
        return httpx.Response(
            value.status_code,
            headers=value.headers.multi_items(),
            content=body,
            request=None if request is None else redacted_copy(request),
        )
    return value


def _request_of(response: httpx.Response) -> httpx.Request | None:
    # httpx raises rather than returning None for a response built without a request (as in tests).
    try:
        return response.request
    except RuntimeError:
        return None
