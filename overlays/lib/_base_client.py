"""The HTTP engine under both clients: configuration, auth, retries with backoff, errors, raw mode, paging.

`BaseClient` holds everything that does no I/O; `SyncAPIClient` and `AsyncAPIClient` differ only in
the methods that send and sleep, like httpx's `Client` and `AsyncClient`.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import cache
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

from ._bodies import Form, Multipart, body_arguments
from ._checks import check_base_url, check_timeout
from ._exceptions import (
    API_KEY_ENV,
    APIConnectionError,
    APITimeoutError,
    MissingAPIKeyError,
    make_status_error,
    request_id_of,
)
from ._logs import logger, redact_headers, setup_logging
from ._pagination import AsyncPaginator, SyncPage, make_page_request
from ._qs import encode_query, extra_query_pairs
from ._response import APIResponse, parse_body
from ._secrets import Secret, redact_for
from ._types import Omit, RequestOptions, Timeout
from ._version import __version__

if TYPE_CHECKING:  # httpx loads with the first HTTP client, not with `import telnyx_conferencing`
    import asyncio

    import httpx

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
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
DEFAULT_TIMEOUT = 30.0
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
def _invalid_url() -> type[Exception]:
    import httpx

    return httpx.InvalidURL


_NO_OPTIONS: RequestOptions = {}
_CLIENT_CREATION = threading.Lock()


def _merge_headers(base: dict[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """Update `base` with `extra`, matching names case-insensitively (HTTP header names are).

    Within `extra` too the last spelling of a name wins, so every header reaches the wire once.
    """
    for name, value in extra.items():
        for existing in [n for n in base if n.lower() == name.lower()]:
            del base[existing]
        base[name] = value
    return base


class _RedactedHeaders(dict[str, str]):
    """The precomputed request headers (they include Authorization), with a repr that hides credentials."""

    def __repr__(self) -> str:
        return repr(redact_headers(self))


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
    _random: Callable[[], float] = staticmethod(random.random)
    """Returns a float in [0, 1) for jitter; tests replace it to make delays exact."""

    def __init__(
        self,
        *,
        api_key: str | Secret | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: _HttpClientT | None = None,
        auto_command_id: bool = True,
    ) -> None:
        """Configure a client; every argument is optional.

        api_key: defaults to $TELNYX_API_KEY; neither given raises MissingAPIKeyError.
        base_url: defaults to $TELNYX_BASE_URL, else https://api.telnyx.com/v2.
        timeout: per attempt; applied to every request, also through an injected http_client.
        max_retries: extra attempts after a retryable failure (0 disables retrying).
        default_headers: sent with every request, over the SDK's own.
        http_client: an httpx client to use (and leave open); by default the SDK creates and closes its own.
        auto_command_id: read by the facades, which then add a `command_id` to call-control actions.
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
        self._base_url = check_base_url(
            os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL if base_url is None else base_url
        )
        self._timeout = timeout
        self._max_retries = max_retries
        self._default_headers = dict(default_headers or {})
        self._auto_command_id = auto_command_id
        self._raw_response = False
        # Built once: every request sends these, so per-call work is a lookup, not a merge.
        self._base_headers = _RedactedHeaders(
            {"Accept": "application/json", "User-Agent": USER_AGENT, "Authorization": f"Bearer {api_key.reveal()}"}
        )
        _merge_headers(self._base_headers, self._default_headers)
        self._owns_client = http_client is None
        # Made on first use: building an httpx client loads the CA bundle, which a client that never
        # sends a request (or only verifies webhooks) should not pay for.
        self._http_client: _HttpClientT | None = http_client
        self._request_timeout: Any = timeout
        self._closed = False
        self._lender: BaseClient[_HttpClientT] | None = None  # the client whose pool a with_options() copy shares
        self._raw_copy: Self | None = None

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
    def timeout(self) -> Timeout:
        return self._timeout

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
            "http_client": self._http_client,
            "auto_command_id": self._auto_command_id,
        }

    def with_options(self, **changes: Any) -> Self:
        """A copy with some constructor arguments changed (`default_headers` are merged over the current ones).

        The copy shares this client's HTTP connection pool unless `http_client=` is given, and never closes it.
        """
        kwargs = self._constructor_kwargs()
        if "default_headers" in changes:
            changes["default_headers"] = {**self._default_headers, **(changes["default_headers"] or {})}
        kwargs.update(changes)
        copy = type(self)(**kwargs)
        if "http_client" not in changes:
            # Share this client's pool, borrowed when first needed, so a copy costs no HTTP setup.
            copy._owns_client = False
            copy._lender = self
        copy._sleep = self._sleep
        copy._random = self._random
        copy._raw_response = self._raw_response
        return copy

    @property
    def with_raw_response(self) -> Self:
        """A copy whose calls return `APIResponse` (status, headers, `parse()`) instead of the parsed model."""
        copy = self._raw_copy
        if copy is None:
            copy = self._raw_copy = self.with_options()
            copy._raw_response = True
        return copy

    def _build_request(
        self, method: str, path: str, params: Sequence[tuple[str, str]] | None, json: Any, options: RequestOptions
    ) -> httpx.Request:
        url = self._base_url + path if path.startswith("/") else f"{self._base_url}/{path}"
        if "extra_query" in options:
            params = [*(params or ()), *extra_query_pairs(options["extra_query"])]
        if params:
            # Encoded here rather than by httpx, which would send `page%5Bnumber%5D` instead of `page[number]`.
            url = f"{url}?{encode_query(params)}"
        extra_body = options.get("extra_body")
        if extra_body:
            if json is None:
                json = dict(extra_body)
            elif isinstance(json, Mapping):
                json = (
                    type(json)({**json, **extra_body})
                    if isinstance(json, (Form, Multipart))
                    else {**json, **extra_body}
                )
            else:
                raise TypeError("extra_body can only be merged into a JSON object or form body")
        client = self._client
        # A client the SDK made already sends the base headers; an injected one gets them per request.
        headers: Mapping[str, str] | None = None if self._owns_client else self._base_headers
        extra_headers = options.get("extra_headers")
        if extra_headers:
            headers = _merge_headers(dict(self._base_headers), extra_headers)
        # httpx adds `Content-Type: application/json` itself whenever json is not None.
        try:
            return client.build_request(
                method,
                url,
                headers=headers,
                timeout=options.get("timeout", self._request_timeout),
                **body_arguments(json),
            )
        except _invalid_url() as exc:  # e.g. a filter so large the URL passes httpx's 65,536-character limit
            raise ValueError(f"Cannot build the request URL ({len(url)} characters): {exc}") from None

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
        import httpx

        elapsed_ms = (time.perf_counter() - started) * 1000
        if isinstance(outcome, httpx.Response):
            result = str(outcome.status_code)
            request_id = request_id_of(outcome.headers)
        else:
            result, request_id = type(outcome).__name__, None
        line = f"{request.method} {request.url} -> {result} (attempt {attempt}, {elapsed_ms:.1f} ms, request id {request_id})"
        if logger.isEnabledFor(logging.DEBUG):
            line += f" headers={redact_headers(request.headers)}"
        logger.info("%s", redact_for(line, request))

    def _finish(self, response: httpx.Response, cast_to: Callable[[Any], _T]) -> _T:
        if self._raw_response:
            # Raw mode is exposed untyped by the facades, so the APIResponse travels under T.
            return cast(_T, APIResponse(response, cast_to))
        return parse_body(response, cast_to)

    def __repr__(self) -> str:
        # getattr: a traceback that captures locals may repr a client whose __init__ raised half-way.
        base_url, max_retries = getattr(self, "_base_url", None), getattr(self, "_max_retries", None)
        return f"<{type(self).__name__} base_url={base_url!r} max_retries={max_retries}>"


class SyncAPIClient(BaseClient["httpx.Client"]):
    """The blocking client; its `http_client=` is an `httpx.Client`."""

    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def _make_http_client(self) -> httpx.Client:
        import httpx

        return httpx.Client(timeout=self._timeout, headers=self._base_headers)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        cast: Callable[[Any], _T],
        options: RequestOptions | None = None,
        replay_safe: bool = True,
    ) -> _T:
        """Send one API call (retrying as configured) and return `cast(decoded JSON)`, or an APIResponse in raw mode.

        `path` is appended to the base URL; `params` are already wire pairs (see `_qs.build_query`).
        Raises an `APIStatusError` subclass for a non-2xx status and `APIConnectionError` when no response came.
        `replay_safe=False` (an action that is neither idempotent nor deduplicated by a `command_id`) retries
        only failures where the request surely never reached Telnyx: no connection, or a 429.
        """
        sent = self._send(method, path, params=params, json=json, options=options, replay_safe=replay_safe)
        return self._finish(sent, cast)

    def get_page(
        self,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        page_number: int | Omit | None = None,
        page_size: int | Omit | None = None,
        cast: Callable[[Any], Any],
        options: RequestOptions | None = None,
    ) -> SyncPage[Any]:
        """GET one page of a list endpoint: `params` are the call's query pairs without the paging ones,
        `page_number`/`page_size` become `page[number]`/`page[size]` (left out when None or omit), and `cast` builds
        the response model (with `.data` and `.meta`) from the JSON. Signature:
        `get_page(path, *, params=(), page_number: int | Omit | None = None, page_size: int | Omit | None = None,
        cast, options=None) -> SyncPage[Any]`.
        In raw mode the result is an APIResponse whose `parse()` returns the page.
        """
        request = make_page_request(path, params, page_number, page_size, cast, options)
        if self._raw_response:
            response = self._send("GET", path, params=request.query(), json=None, options=options)
            raw: Any = APIResponse(response, lambda body: SyncPage(self, request, request.cast(body)))
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
    ) -> httpx.Response:
        """The retry loop: returns a read 2xx response or raises."""
        import httpx

        options = options or _NO_OPTIONS
        request = self._build_request(method, path, params, json, options)
        max_retries = options.get("max_retries", self._max_retries)
        retries_done, slept = 0, 0.0
        while True:
            logged = logger.isEnabledFor(logging.INFO)
            started = time.perf_counter() if logged else 0.0
            outcome: httpx.Response | httpx.TransportError
            try:
                outcome = self._client.send(request)
            except httpx.TransportError as exc:
                outcome = exc
            if logged:
                self._log_attempt(request, outcome, retries_done + 1, started)
            if isinstance(outcome, httpx.Response):
                if outcome.is_success:
                    return outcome
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
                outcome.close()
            else:
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
            self._sleep(delay)
            slept += delay
            retries_done += 1

    def close(self) -> None:
        """Close the HTTP client if this SDK created it; an injected one is left to its owner."""
        if self._owns_client:
            self._closed = True
            if self._http_client is not None:
                self._http_client.close()

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
        return httpx.AsyncClient(timeout=self._timeout, headers=self._base_headers, limits=limits)

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

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None = None,
        json: Any = None,
        cast: Callable[[Any], _T],
        options: RequestOptions | None = None,
        replay_safe: bool = True,
    ) -> _T:
        """Send one API call (retrying as configured) and return `cast(decoded JSON)`, or an APIResponse in raw mode.

        `path` is appended to the base URL; `params` are already wire pairs (see `_qs.build_query`).
        Raises an `APIStatusError` subclass for a non-2xx status and `APIConnectionError` when no response came.
        `replay_safe=False` retries only failures where the request surely never reached Telnyx (see the sync twin).
        """
        sent = await self._send(method, path, params=params, json=json, options=options, replay_safe=replay_safe)
        return self._finish(sent, cast)

    def get_page(
        self,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        page_number: int | Omit | None = None,
        page_size: int | Omit | None = None,
        cast: Callable[[Any], Any],
        options: RequestOptions | None = None,
    ) -> AsyncPaginator[Any]:
        """Like `SyncAPIClient.get_page`, but not a coroutine: returns an `AsyncPaginator` to `await` (first
        `AsyncPage`) or `async for` (every item). Signature:
        `get_page(path, *, params=(), page_number: int | Omit | None = None, page_size: int | Omit | None = None,
        cast, options=None) -> AsyncPaginator[Any]`.
        Nothing is sent until it is awaited or iterated.
        """
        return AsyncPaginator(self, make_page_request(path, params, page_number, page_size, cast, options))

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] | None,
        json: Any,
        options: RequestOptions | None,
        replay_safe: bool = True,
    ) -> httpx.Response:
        """The retry loop: returns a read 2xx response or raises."""
        admission = self._admission()
        if self._http_client is None:
            async with admission:  # a cold burst must not queue a thread per request
                if self._http_client is None:
                    # importing httpx and loading certificates would block the loop
                    await _in_thread(lambda: self._client)
        import httpx

        options = options or _NO_OPTIONS
        request = self._build_request(method, path, params, json, options)
        max_retries = options.get("max_retries", self._max_retries)
        retries_done, slept = 0, 0.0
        while True:
            logged = logger.isEnabledFor(logging.INFO)
            started = time.perf_counter() if logged else 0.0
            outcome: httpx.Response | httpx.TransportError
            try:
                async with admission:
                    outcome = await self._client.send(request)
            except httpx.TransportError as exc:
                outcome = exc
            if logged:
                self._log_attempt(request, outcome, retries_done + 1, started)
            if isinstance(outcome, httpx.Response):
                if outcome.is_success:
                    return outcome
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
                await outcome.aclose()
            else:
                delay = self._failure_delay(request, outcome, retries_done, max_retries, slept, replay_safe)
            await self._sleep(delay)
            slept += delay
            retries_done += 1

    async def aclose(self) -> None:
        """Close the HTTP client if this SDK created it; an injected one is left to its owner."""
        if self._owns_client:
            self._closed = True
            if self._http_client is not None:
                await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()


def _as_page(raw: Any) -> SyncPage[Any]:
    """`typing.cast` to a page, for `get_page`, whose `cast` parameter shadows it."""
    return cast(SyncPage[Any], raw)


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
    if logger.isEnabledFor(logging.INFO):
        logger.info("retrying in %.2f s", delay)


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
