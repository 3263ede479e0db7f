"""The HTTP engine under both clients: configuration, auth, retries with backoff, errors, raw mode, paging.

`BaseClient` holds everything that does no I/O; `SyncAPIClient` and `AsyncAPIClient` differ only in
the methods that send and sleep, like httpx's `Client` and `AsyncClient`.
"""

from __future__ import annotations

import _thread
import os
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import cache
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, NoReturn, Self, TypeVar, cast

from ._bodies import Form, Multipart, body_arguments, is_file
from ._checks import check_base_url, check_timeout
from ._exceptions import (
    API_KEY_ENV,
    APIConnectionError,
    APITimeoutError,
    MissingAPIKeyError,
    make_status_error,
    request_id_of,
)
from ._logs import get_logger, info_enabled, redact_headers, setup_logging
from ._params import to_json
from ._qs import encode_query, extra_query_pairs
from ._response import APIResponse, AsyncAPIResponse, parse_body
from ._secrets import Secret, redact_for
from ._types import Body, Headers, Omit, Query, RequestOptions, Timeout, omit
from ._version import __version__

if TYPE_CHECKING:  # httpx loads with the first HTTP client, not with `import telnyx_conferencing`
    import asyncio

    import httpx

    from ._pagination import AsyncPaginator, SyncPage

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_CONCURRENT_REQUESTS",
    "AsyncAPIClient",
    "BaseClient",
    "SyncAPIClient",
]

_T = TypeVar("_T")
_HttpClientT = TypeVar("_HttpClientT", "httpx.Client", "httpx.AsyncClient")

DEFAULT_BASE_URL = "https://api.telnyx.com/v2"
BASE_URL_ENV = "TELNYX_BASE_URL"
DEFAULT_TIMEOUT = 60.0
"""Seconds per attempt when `timeout=` is not given (as in the official SDK), of which at most
DEFAULT_CONNECT_TIMEOUT to connect."""
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RETRIES = 2
USER_AGENT = f"telnyx-conferencing-python/{__version__}"

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_BUDGET = 30.0
"""Most seconds one call may spend sleeping between attempts: Telnyx forgets a command_id after ~60 s,
so a retried action must land well inside that window to stay deduplicated."""

_RETRY_STATUSES = frozenset({408, 409, 429})

MAX_CONCURRENT_REQUESTS = 32
"""Async requests in flight at once per connection pool; the rest wait their turn in the SDK, untimed.

httpcore rescans every queued request whenever a connection frees up, so a burst of thousands handed to it at
once blocks the event loop for seconds and ends in PoolTimeout/ConnectTimeout. The pool the SDK makes has
exactly this many connections, so an admitted request never waits for one; the timeout then counts from
admission, and a burst of any size completes."""


@cache
def _unsent_errors() -> tuple[type[Exception], ...]:
    """Failures before the request could reach the server: safe to retry for any request."""
    import httpx

    return (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@cache
def _retryable_errors() -> tuple[type[Exception], ...]:
    """Failures where the request may be sent again; others (bad URL scheme, proxy misconfiguration) are final."""
    import httpx

    return (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@cache
def _transport_error() -> type[httpx.TransportError]:
    """httpx's base of the failures with no response; looked up only when a send raises (an `except` clause's
    expression is evaluated then), so the success path does not import httpx again on every call."""
    import httpx

    return httpx.TransportError


@cache
def _invalid_url() -> type[Exception]:
    import httpx

    return httpx.InvalidURL


@cache
def _request_type() -> type[httpx.Request]:
    import httpx

    return httpx.Request


@cache
def _httpx_build_request() -> Callable[..., httpx.Request]:
    """httpx's own `build_request` (the same function on Client and AsyncClient), to tell a subclass that
    replaces it."""
    import httpx

    return httpx.Client.build_request


@cache
def _timeout_type() -> type[httpx.Timeout]:
    import httpx

    return httpx.Timeout


def _timeout_extension(client: httpx.Client | httpx.AsyncClient, timeout: Any) -> dict[str, float | None]:
    """The request's `timeout` extension, as build_request makes it: the client's own, or `timeout`."""
    chosen = client.timeout if timeout is _use_client_default() else _timeout_type()(timeout)
    return chosen.as_dict()


def _under_client_params(
    client_pairs: Sequence[tuple[str, str]], pairs: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The client's query pairs, but those a call's pair names again, then the call's (httpx's merge order)."""
    names = {name for name, _ in pairs}
    return [*(pair for pair in client_pairs if pair[0] not in names), *pairs]


def _set_headers(target: httpx.Headers, headers: Mapping[str, str]) -> None:
    for name, value in headers.items():
        target[name] = value  # case-insensitive: replaces any spelling of the name, once


_NO_OPTIONS: RequestOptions = {}
_CLIENT_CREATION = _thread.allocate_lock()  # `threading` itself is not needed for one lock

ResponseMode = Literal["parse", "raw", "stream"]
"""What a call returns: the parsed model, an `APIResponse` with the body read, or one whose body is unread."""


def request_options(
    extra_headers: Headers | None, extra_query: Query | None, extra_body: Body | None, timeout: Timeout | None | Omit
) -> RequestOptions:
    """The per-call overrides of a facade call, bundled for the request path (shared and empty when none given)."""
    if extra_headers is None and extra_query is None and extra_body is None and timeout is omit:
        return _NO_OPTIONS
    options: RequestOptions = {}
    if extra_headers is not None:
        options["extra_headers"] = extra_headers
    if extra_query is not None:
        options["extra_query"] = extra_query
    if extra_body is not None:
        options["extra_body"] = extra_body
    if not isinstance(timeout, Omit):
        check_timeout(timeout)
        options["timeout"] = timeout
    return options


def _default_timeout() -> httpx.Timeout:
    import httpx

    return httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)


def _httpx_timeout(timeout: Timeout | None | Omit) -> httpx.Timeout | float | None:
    return _default_timeout() if isinstance(timeout, Omit) else timeout


def _merge_headers(base: dict[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """Update `base` with `extra`, matching names case-insensitively (HTTP header names are).

    Within `extra` too the last spelling of a name wins, so every header reaches the wire once.
    """
    for name, value in extra.items():
        for existing in [n for n in base if n.lower() == name.lower()]:
            del base[existing]
        base[name] = value
    return base


class _RawHeaders(list[tuple[bytes, bytes]]):
    """A copy of an httpx client's raw headers (Authorization among them, on a client the SDK made), compared
    with the client's current ones; its repr shows none of them."""

    def __repr__(self) -> str:
        return f"<{len(self)} raw headers>"


class _RedactedHeaders(dict[str, str]):
    """The precomputed request headers (they include Authorization), with a repr that hides credentials."""

    def __repr__(self) -> str:
        return repr(redact_headers(self))


def _jitter() -> float:
    """A float in [0, 1): `random` is imported by the first retry, not by `import telnyx_conferencing`."""
    import random

    return random.random()


def new_command_id() -> str:
    """A random (version 4) UUID for a call-control action; `uuid` is imported by the first action, not by
    `import telnyx_conferencing` (it loads `platform`)."""
    import uuid

    return str(uuid.uuid4())


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # imported when the async client first waits, not by `import telnyx_conferencing`

    await asyncio.sleep(seconds)


async def _in_thread(work: Callable[[], object]) -> None:
    import asyncio

    await asyncio.to_thread(work)


class BaseClient(Generic[_HttpClientT]):
    """Configuration and the I/O-free steps of a call: building the request, deciding on retries, logging."""

    _sleep: Callable[[float], Any]
    """Waits between attempts; tests replace it with a recorder."""
    _random: Callable[[], float] = staticmethod(_jitter)
    """Returns a float in [0, 1) for jitter; tests replace it to make delays exact."""

    def __init__(
        self,
        *,
        api_key: str | Secret | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | None | Omit = omit,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: _HttpClientT | None = None,
        public_key: str | None = None,
        auto_command_id: bool = True,
    ) -> None:
        """Configure a client; every argument is optional.

        api_key: defaults to $TELNYX_API_KEY; neither given raises MissingAPIKeyError.
        base_url: defaults to $TELNYX_BASE_URL, else https://api.telnyx.com/v2.
        timeout: per attempt (default 60 s, 5 s of it to connect; None for none); applied to every request,
            also through an injected http_client.
        max_retries: extra attempts after a retryable failure (0 disables retrying).
        default_headers: sent with every request, over the SDK's own.
        default_query: query parameters added to every request (mapping values in deepObject form).
        http_client: an httpx client to use (and leave open); by default the SDK creates and closes its own.
        public_key: the key `client.webhooks` verifies deliveries with (default: $TELNYX_PUBLIC_KEY at call time).
        auto_command_id: a `command_id` is added to every call-control action that takes one and was given none.
        """
        # Wrapped on the first line, so a traceback's locals (Sentry, --showlocals) never hold the plain key.
        api_key = Secret.of(os.environ.get(API_KEY_ENV) if api_key is None else api_key)
        setup_logging()
        if not api_key:
            raise MissingAPIKeyError()
        key = api_key.reveal()
        if not key.isprintable() or not key.isascii() or " " in key:
            raise ValueError("The API key contains spaces or control characters; check how it was copied.")
        del key
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        check_timeout(timeout)
        self._api_key = api_key
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        # The default is known good: parsing it would import urllib.parse into every cold start.
        self._base_url = DEFAULT_BASE_URL if base_url == DEFAULT_BASE_URL else check_base_url(base_url)
        self._timeout = timeout
        self._max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._default_query = dict(default_query or {})
        self._default_query_pairs = tuple(extra_query_pairs(self._default_query))
        self._public_key = public_key
        self._auto_command_id = auto_command_id
        self._response_mode: ResponseMode = "parse"
        # Built once: every request sends these, so per-call work is a lookup, not a merge.
        self._base_headers = _RedactedHeaders(
            {"Accept": "application/json", "User-Agent": USER_AGENT, "Authorization": f"Bearer {api_key.reveal()}"}
        )
        _merge_headers(self._base_headers, self._default_headers)
        self._owns_client = http_client is None
        # Made on first use: building an httpx client loads the CA bundle, which a client that never
        # sends a request (or only verifies webhooks) should not pay for.
        self._http_client: _HttpClientT | None = http_client
        self._request_timeout: Any = timeout  # `omit` (the default) is resolved when httpx is loaded
        self._closed = False
        self._lender: BaseClient[_HttpClientT] | None = None  # the client whose pool a copy() shares
        self._mode_copies: dict[ResponseMode, Self] = {}
        self._headers_cache: tuple[_RawHeaders, httpx.Headers] | None = None

    @property
    def _client(self) -> _HttpClientT:
        client = self._http_client
        if client is None:
            if self._lender is not None:
                client = self._http_client = self._lender._client
                return client
            with _CLIENT_CREATION:  # threads making their first request together must share one client
                if self._http_client is None:
                    if self._closed:
                        raise RuntimeError("Cannot send a request, as the client has been closed.")
                    self._http_client = self._make_http_client()
                    # Our own client carries the timeout and the base headers: requests need not repeat them.
                    self._request_timeout = _use_client_default()
                client = self._http_client
        return client

    def _make_http_client(self) -> _HttpClientT:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> Timeout | None:
        """Per attempt; `httpx.Timeout(60.0, connect=5.0)` when not given."""
        return _default_timeout() if isinstance(self._timeout, Omit) else self._timeout

    @property
    def default_headers(self) -> dict[str, str]:
        """The headers added to every request (the SDK's own, then `default_headers`), Authorization redacted."""
        return redact_headers(self._base_headers)

    @property
    def default_query(self) -> dict[str, object]:
        return dict(self._default_query)

    @property
    def public_key(self) -> str | None:
        """The webhook public key given to the client; `client.webhooks` falls back to $TELNYX_PUBLIC_KEY."""
        return self._public_key

    @property
    def max_retries(self) -> int:
        return self._max_retries

    @property
    def auto_command_id(self) -> bool:
        """Whether the facades fill in a `command_id` for call-control actions that take one."""
        return self._auto_command_id

    def _constructor_kwargs(self) -> dict[str, Any]:
        """The arguments that rebuild this client; subclasses with more settings extend it."""
        return {
            "api_key": self._api_key,
            "base_url": self._base_url,
            "timeout": self._timeout,
            "max_retries": self._max_retries,
            "default_headers": self._default_headers,
            "default_query": self._default_query,
            "http_client": self._http_client,
            "public_key": self._public_key,
            "auto_command_id": self._auto_command_id,
        }

    def copy(
        self,
        *,
        api_key: str | Secret | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | None | Omit = omit,
        http_client: _HttpClientT | None = None,
        max_retries: int | Omit = omit,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        public_key: str | None = None,
        auto_command_id: bool | Omit = omit,
    ) -> Self:
        """A copy with some settings changed, as in the official SDK: `default_headers` / `default_query` are
        merged over the current ones, `set_default_headers` / `set_default_query` replace them.

        The copy shares this client's HTTP connection pool unless `http_client=` is given, and never closes it.
        Per-call `max_retries` is `client.with_options(max_retries=0).conferences.retrieve(...)`.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        if default_query is not None and set_default_query is not None:
            raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")
        kwargs = self._constructor_kwargs()
        changes: dict[str, Any] = {
            "api_key": api_key,
            "base_url": base_url,
            "http_client": http_client,
            "public_key": public_key,
        }
        kwargs.update({name: value for name, value in changes.items() if value is not None})
        if not isinstance(timeout, Omit):
            kwargs["timeout"] = timeout
        if not isinstance(max_retries, Omit):
            kwargs["max_retries"] = max_retries
        if not isinstance(auto_command_id, Omit):
            kwargs["auto_command_id"] = auto_command_id
        if set_default_headers is not None:
            kwargs["default_headers"] = set_default_headers
        elif default_headers is not None:
            kwargs["default_headers"] = {**self._default_headers, **default_headers}
        if set_default_query is not None:
            kwargs["default_query"] = set_default_query
        elif default_query is not None:
            kwargs["default_query"] = {**self._default_query, **default_query}
        copy = type(self)(**kwargs)
        if http_client is None:
            # Share this client's pool, borrowed when first needed, so a copy costs no HTTP setup.
            copy._owns_client = False
            copy._lender = self
        copy._sleep = self._sleep
        copy._random = self._random
        copy._response_mode = self._response_mode
        return copy

    with_options = copy

    def _in_mode(self, mode: ResponseMode) -> Self:
        """This client in another response mode (made once, then cached): what the resources' `with_raw_response`
        and `with_streaming_response` bind their methods to."""
        if mode == self._response_mode:
            return self
        copy = self._mode_copies.get(mode)
        if copy is None:
            copy = self._mode_copies[mode] = self.copy()
            copy._response_mode = mode
        return copy

    def is_closed(self) -> bool:
        """Whether `close()` was called (or the injected http_client was closed)."""
        if self._closed:
            return True
        client = self._http_client
        return client is not None and client.is_closed

    def _build_request(
        self, method: str, path: str, params: Sequence[tuple[str, str]] | None, json: Any, options: RequestOptions
    ) -> httpx.Request:
        url = self._base_url + path if path.startswith("/") else f"{self._base_url}/{path}"
        if self._default_query_pairs:
            params = [*self._default_query_pairs, *(params or ())]
        if options and "extra_query" in options:  # `options` is empty for most calls: no lookups then
            params = [*(params or ()), *extra_query_pairs(options["extra_query"])]
        client = self._client
        client_params = client.params
        if client_params:
            # An injected client's own query params, under the call's: httpx would instead replace the URL's
            # whole query with them.
            params = _under_client_params(client_params.multi_items(), params or ())
        # Encoded here rather than by httpx, which would send `page%5Bnumber%5D` instead of `page[number]`.
        full_url = f"{url}?{encode_query(params)}" if params else url
        if options and "timeout" in options:
            timeout = options["timeout"]
        else:
            timeout = self._request_timeout
            if timeout is omit:  # an injected client: the SDK's default timeout, made once httpx is loaded
                timeout = self._request_timeout = _default_timeout()
        body = {"json": json} if json is None or type(json) is dict else body_arguments(json)
        try:
            if type(client).build_request is _httpx_build_request():
                # What httpx's build_request makes, without merging the client's headers into the SDK's again on
                # every call: the merged set is remade only when the client's headers change.
                request = _request_type()(
                    method,
                    full_url,
                    headers=self._merged_headers(client),
                    cookies=client.cookies,
                    extensions={"timeout": _timeout_extension(client, timeout)},
                    **body,
                )
            else:  # a build_request of its own; with client params, it too would replace a query in the URL
                target, query = (url, tuple(params or ())) if client_params else (full_url, None)
                request = client.build_request(method, target, params=query, timeout=timeout, **body)
                if not self._owns_client:
                    _set_headers(request.headers, self._base_headers)
        except _invalid_url() as exc:  # e.g. a filter so large the URL passes httpx's 65,536-character limit
            raise ValueError(f"Cannot build the request URL ({len(full_url)} characters): {exc}") from None
        extra_headers = options.get("extra_headers") if options else None
        if extra_headers:
            _set_headers(request.headers, _merge_headers({}, extra_headers))
        return request

    def _merged_headers(self, client: _HttpClientT) -> httpx.Headers:
        """The client's headers with the SDK's over them (a client the SDK made has them already), remade only
        when the client's headers change: an injected client's owner may change them at any time."""
        current = client.headers.raw
        cached = self._headers_cache
        if cached is not None and cached[0] == current:
            return cached[1]
        merged = type(client.headers)(client.headers)
        if not self._owns_client:
            _set_headers(merged, self._base_headers)
        self._headers_cache = (_RawHeaders(current), merged)
        return merged

    def _retry_delay(
        self, retries_done: int, max_retries: int, slept: float, response: httpx.Response | None
    ) -> float | None:
        """Seconds to wait before the next attempt, or None when this call is out of retries or of time.

        Monotonic in the server's hint: a hint is waited for exactly (a negative one as 0), and one that would
        overrun the retry budget ends the retries, so a larger hint never makes the client retry sooner.
        """
        if retries_done >= max_retries:
            return None
        delay = _server_delay(response) if response is not None else None
        if delay is None:
            backoff = min(INITIAL_RETRY_DELAY * 2**retries_done, MAX_RETRY_DELAY)
            delay = backoff * (1.0 - 0.25 * self._random())  # jitter in [0.75, 1.0] x, so clients spread out
        if slept + delay > RETRY_BUDGET:
            return None
        return delay

    def _failure_delay(
        self,
        request: httpx.Request,
        outcome: httpx.Response | httpx.TransportError,
        retries_done: int,
        max_retries: int,
        slept: float,
        replay_safe: bool,
    ) -> float:
        """Seconds to wait before retrying a failed attempt; raises the call's error when it should stop."""
        if isinstance(outcome, Exception):
            retryable = isinstance(outcome, _retryable_errors() if replay_safe else _unsent_errors())
            delay = self._retry_delay(retries_done, max_retries, slept, None) if retryable else None
            if delay is None:
                raise _connection_error(outcome, request) from outcome
        else:
            retryable = _retryable(outcome) if replay_safe else outcome.status_code == 429
            delay = self._retry_delay(retries_done, max_retries, slept, outcome) if retryable else None
            if delay is None:
                raise make_status_error(outcome)
        _log_retry(delay)
        return delay

    def _log_attempt(
        self, request: httpx.Request, outcome: httpx.Response | Exception, attempt: int, started: float
    ) -> None:
        """One line per attempt at INFO (`TELNYX_LOG=info`), plus the request headers at DEBUG.

        The whole line goes through the same redaction as error messages: a server may echo the key
        into a header such as x-request-id.
        """
        import logging

        import httpx

        elapsed_ms = (time.perf_counter() - started) * 1000
        if isinstance(outcome, httpx.Response):
            result = str(outcome.status_code)
            request_id = request_id_of(outcome.headers)
        else:
            result, request_id = type(outcome).__name__, None
        line = f"{request.method} {request.url} -> {result} (attempt {attempt}, {elapsed_ms:.1f} ms, request id {request_id})"
        logger = get_logger()
        if logger.isEnabledFor(logging.DEBUG):
            line += f" headers={redact_headers(request.headers)}"
        logger.info("%s", redact_for(line, request))

    _response_class: type[APIResponse[Any]] | type[AsyncAPIResponse[Any]]

    def _finish(self, response: httpx.Response, cast_to: Callable[[Any], _T]) -> _T:
        if self._response_mode != "parse":
            # The resources' wrappers type this as the response; here it travels under T.
            return cast(_T, self._response_class(response, cast_to))
        return parse_body(response, cast_to)

    def _body(self, json: Any, options: RequestOptions, command_id: bool) -> Any:
        """The JSON body to send: arguments left as `omit` dropped, models and dates made JSON, `extra_body` merged,
        and, for an action that takes one, a `command_id` made once per call (every retry resends it, so
        Telnyx applies the action once) unless the caller gave one or `auto_command_id=False`."""
        if json is None and not options:  # a GET, or an action without a body
            return None
        if isinstance(json, (Form, Multipart)):  # a form keeps its type, and its files stay bytes
            fields = {**json, **(options.get("extra_body") or {})}
            return type(json)({k: v if is_file(v) else to_json(v) for k, v in fields.items() if v is not omit})
        if isinstance(json, (dict, list)):  # a whole-body argument may be a list of models
            json = to_json(json)
        extra_body = options.get("extra_body")
        if extra_body:
            if json is None:
                json = to_json(extra_body)
            elif isinstance(json, Mapping):
                json = {**json, **to_json(extra_body)}
            else:
                raise TypeError("extra_body can only be merged into a JSON object or form body")
        if command_id and self._auto_command_id and isinstance(json, dict) and json.get("command_id") is None:
            json["command_id"] = new_command_id()
        return json

    def __reduce__(self) -> NoReturn:
        # A client made but not used yet would otherwise pickle, Authorization header and all (httpx's own
        # client refuses once it exists); copy.copy goes through here too, and client.copy() is the copy.
        raise TypeError(
            f"cannot pickle {type(self).__name__!r} object: it holds the API key; make a client where it is "
            "needed, or use client.copy() for a copy"
        )

    def __repr__(self) -> str:
        # getattr: a traceback that captures locals may repr a client whose __init__ raised half-way.
        base_url, max_retries = getattr(self, "_base_url", None), getattr(self, "_max_retries", None)
        return f"<{type(self).__name__} base_url={base_url!r} max_retries={max_retries}>"


class SyncAPIClient(BaseClient["httpx.Client"]):
    """The blocking client; its `http_client=` is an `httpx.Client`."""

    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def _make_http_client(self) -> httpx.Client:
        import httpx

        return httpx.Client(timeout=_httpx_timeout(self._timeout), headers=self._base_headers)

    _response_class = APIResponse

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        cast: Callable[[Any], _T],
        command_id: bool = False,
        replay_safe: bool = True,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | None | Omit = omit,
    ) -> _T:
        """Send one API call (retrying as configured) and return `cast(decoded JSON)` (an `APIResponse` in raw or
        streaming mode).

        `path` is appended to the base URL; `params` are already wire pairs (see `_qs.build_query`); in a `json`
        dict, values left as `omit` are dropped. Raises an `APIStatusError` subclass for a non-2xx status and
        `APIConnectionError` when no response came. The operation's behaviours are arguments: `command_id=True`
        (the body takes a `command_id`: one is made per call and reused by every retry), and `replay_safe=False`
        (an action that is neither idempotent nor deduplicated by a `command_id`: retried only where the
        request surely never reached Telnyx, no connection or a 429).
        """
        options = request_options(extra_headers, extra_query, extra_body, timeout)
        json = self._body(json, options, command_id)
        stream = self._response_mode == "stream"
        sent = self._send(
            method, path, params=params, json=json, options=options, replay_safe=replay_safe, stream=stream
        )
        return self._finish(sent, cast)

    def get_page(
        self,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        page_number: int | Omit | None = None,
        page_size: int | Omit | None = None,
        cast: Callable[[Any], Any],
        item_cast: Callable[[Any], Any] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | None | Omit = omit,
    ) -> SyncPage[Any]:
        """GET one page of a list endpoint: `params` are the call's query pairs without the paging ones,
        `page_number`/`page_size` become `page[number]`/`page[size]` (left out when None or omit), and `cast` builds
        the response model (with `.data` and `.meta`) from the JSON; `item_cast`, one item of `data` (iterating
        then builds the items of the pages it fetches one at a time). The per-call overrides apply to every page.
        In raw or streaming mode the result is an APIResponse whose `parse()` returns the page.
        """
        from ._pagination import SyncPage, make_page_request  # list calls only: not in every cold start

        options = request_options(extra_headers, extra_query, extra_body, timeout)
        request = make_page_request(path, params, page_number, page_size, cast, options, item_cast)
        if self._response_mode != "parse":
            stream = self._response_mode == "stream"
            response = self._send("GET", path, params=request.query(), json=None, options=options, stream=stream)
            client = cast_client(self._lender or self)  # later pages come through the parse-mode client
            raw: Any = APIResponse(response, lambda body: SyncPage(client, request, request.cast(body)))
            return _as_page(raw)
        return SyncPage.fetch(self, request)

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None,
        json: Any,
        options: RequestOptions | None,
        replay_safe: bool = True,
        stream: bool = False,
    ) -> httpx.Response:
        """The retry loop: returns a 2xx response (read, unless `stream`) or raises."""
        options = options or _NO_OPTIONS
        request = self._build_request(method, path, params, json, options)
        client = self._client
        max_retries = self._max_retries
        retries_done, slept = 0, 0.0
        while True:
            logged = info_enabled()
            started = time.perf_counter() if logged else 0.0
            outcome: httpx.Response | httpx.TransportError
            try:
                outcome = client.send(request, stream=stream)
                if stream and not outcome.is_success:
                    outcome.read()  # an error's body is always read: the APIStatusError carries it
            except _transport_error() as exc:
                outcome = exc
            if logged:
                self._log_attempt(request, outcome, retries_done + 1, started)
            if isinstance(outcome, Exception):
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
            elif 200 <= outcome.status_code < 300:  # `is_success`, without its property and classmethod calls
                return outcome
            else:
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
                outcome.close()
            self._sleep(delay)
            slept += delay
            retries_done += 1

    def close(self) -> None:
        """Close the HTTP client if this SDK created it; an injected one is left to its owner."""
        if self._owns_client:
            self._closed = True
            if self._http_client is not None:
                self._http_client.close()

    def get_api_list(self, *args: Any, **kwargs: Any) -> SyncPage[Any]:
        """The official SDK's name for `get_page`."""
        return self.get_page(*args, **kwargs)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient["httpx.AsyncClient"]):
    """The asyncio client; its `http_client=` is an `httpx.AsyncClient` (give it at least
    MAX_CONCURRENT_REQUESTS connections, as the SDK's own has)."""

    _sleep: Callable[[float], Awaitable[None]] = staticmethod(_asyncio_sleep)
    _gate: tuple[object, asyncio.Semaphore] | None = None

    def _make_http_client(self) -> httpx.AsyncClient:
        import httpx

        limits = httpx.Limits(
            max_connections=MAX_CONCURRENT_REQUESTS, max_keepalive_connections=MAX_CONCURRENT_REQUESTS
        )
        return httpx.AsyncClient(timeout=_httpx_timeout(self._timeout), headers=self._base_headers, limits=limits)

    def _admission(self) -> asyncio.Semaphore:
        """The semaphore that admits requests to the pool: one per pool (copies share the lender's) and event loop."""
        lender = self._lender
        if isinstance(lender, AsyncAPIClient):
            return lender._admission()
        import asyncio

        loop = asyncio.get_running_loop()
        gate = self._gate
        if gate is None or gate[0] is not loop:
            gate = self._gate = (loop, asyncio.Semaphore(MAX_CONCURRENT_REQUESTS))
        return gate[1]

    _response_class = AsyncAPIResponse

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        cast: Callable[[Any], _T],
        command_id: bool = False,
        replay_safe: bool = True,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | None | Omit = omit,
    ) -> _T:
        """Send one API call (retrying as configured); see the sync twin, `SyncAPIClient.request`."""
        options = request_options(extra_headers, extra_query, extra_body, timeout)
        json = self._body(json, options, command_id)
        stream = self._response_mode == "stream"
        sent = await self._send(
            method, path, params=params, json=json, options=options, replay_safe=replay_safe, stream=stream
        )
        return self._finish(sent, cast)

    def get_page(
        self,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        page_number: int | Omit | None = None,
        page_size: int | Omit | None = None,
        cast: Callable[[Any], Any],
        item_cast: Callable[[Any], Any] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | None | Omit = omit,
    ) -> AsyncPaginator[Any]:
        """Like `SyncAPIClient.get_page`, but not a coroutine: returns an `AsyncPaginator` to `await` (first
        `AsyncPage`) or `async for` (every item). Nothing is sent until it is awaited or iterated.
        """
        from ._pagination import AsyncPaginator, make_page_request

        options = request_options(extra_headers, extra_query, extra_body, timeout)
        return AsyncPaginator(self, make_page_request(path, params, page_number, page_size, cast, options, item_cast))

    def get_api_list(self, *args: Any, **kwargs: Any) -> AsyncPaginator[Any]:
        """The official SDK's name for `get_page`."""
        return self.get_page(*args, **kwargs)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None,
        json: Any,
        options: RequestOptions | None,
        replay_safe: bool = True,
        stream: bool = False,
    ) -> httpx.Response:
        """The retry loop: returns a 2xx response (read, unless `stream`) or raises."""
        admission = self._admission()
        if self._http_client is None:
            async with admission:  # a cold burst must not queue a thread per request
                if self._http_client is None:
                    # importing httpx and loading certificates would block the loop
                    await _in_thread(lambda: self._client)
        options = options or _NO_OPTIONS
        request = self._build_request(method, path, params, json, options)
        client = self._client
        max_retries = self._max_retries
        retries_done, slept = 0, 0.0
        while True:
            logged = info_enabled()
            started = time.perf_counter() if logged else 0.0
            outcome: httpx.Response | httpx.TransportError
            try:
                await admission.acquire()  # what `async with admission` does, without its two extra coroutines
                try:
                    outcome = await client.send(request, stream=stream)
                finally:
                    admission.release()
                if stream and not outcome.is_success:
                    await outcome.aread()  # an error's body is always read: the APIStatusError carries it
            except _transport_error() as exc:
                outcome = exc
            if logged:
                self._log_attempt(request, outcome, retries_done + 1, started)
            if isinstance(outcome, Exception):
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
            elif 200 <= outcome.status_code < 300:  # `is_success`, without its property and classmethod calls
                return outcome
            else:
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
                await outcome.aclose()
            await self._sleep(delay)
            slept += delay
            retries_done += 1

    async def close(self) -> None:
        """Close the HTTP client if this SDK created it; an injected one is left to its owner."""
        if self._owns_client:
            self._closed = True
            if self._http_client is not None:
                await self._http_client.aclose()

    aclose = close
    """httpx's name for `close()`."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close()


def cast_client(client: BaseClient[Any]) -> SyncAPIClient:
    """`typing.cast` for `get_page`, whose `cast` parameter shadows it."""
    return cast(SyncAPIClient, client)


def _as_page(raw: Any) -> SyncPage[Any]:
    """`typing.cast` to a page, for `get_page`, whose `cast` parameter shadows it."""
    return cast("SyncPage[Any]", raw)


def _retryable(response: httpx.Response) -> bool:
    return response.status_code in _RETRY_STATUSES or response.status_code >= 500


def _server_delay(response: httpx.Response) -> float | None:
    """The wait the server asked for, if any: retry-after-ms, Retry-After, or (on 429) x-ratelimit-reset.

    The first header that holds a number (or an HTTP date) wins; a past date or negative number means 0.
    Large values are returned as they are, for `_retry_delay` to stop on rather than to replace.
    """
    headers = response.headers
    candidates: list[float | None] = [_seconds(headers.get("retry-after-ms"), scale=0.001)]
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        candidates.append(_seconds(retry_after) if _is_number(retry_after) else _seconds_until_date(retry_after))
    if response.status_code == 429:
        # Telnyx sends the rate-limit headers on every response; the reset only matters once limited.
        candidates.append(_seconds(headers.get("x-ratelimit-reset")))
    for delay in candidates:
        if delay is not None:
            return max(delay, 0.0)
    return None


def _is_number(text: str) -> bool:
    return _seconds(text) is not None


def _seconds(text: str | None, scale: float = 1.0) -> float | None:
    if text is None:
        return None
    try:
        value = float(text) * scale
    except ValueError:
        return None
    return value if value == value else None  # NaN is no delay


def _seconds_until_date(text: str) -> float | None:
    try:
        import email.utils  # rare (an HTTP-date Retry-After): not worth its import time up front

        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return moment.timestamp() - time.time()


def _log_retry(delay: float) -> None:
    if info_enabled():
        get_logger().info("retrying in %.2f s", delay)


def _connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    import httpx

    where = f"{request.method} {request.url}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__}): {where}", request=request)
    # Redacted by APIError: transport errors may quote the header they choked on.
    return APIConnectionError(f"Connection error ({type(exc).__name__}: {exc}): {where}", request=request)


@cache
def _use_client_default() -> Any:
    import httpx

    return httpx.USE_CLIENT_DEFAULT
