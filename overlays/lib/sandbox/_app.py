"""The sandbox as an ASGI application (Starlette): routing, auth, validation, faults, dedupe, webhooks.

Every operation of the rendered route table is served under ``/`` and ``/v2``, so both
``base_url="http://127.0.0.1:4010"`` and ``".../v2"`` work. A request goes through: route match
(404/405), bearer auth (401), fault injection before the command, query and body validation against
the spec (422), `command_id` deduplication, the state change, fault injection after it. The
``/sandbox/*`` endpoints (also under ``/v2``; no auth) expose the public key, webhook deliveries, an inbox, stats, queues
and the fault settings.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import threading
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from ._clock import SandboxClock
from ._console import console_routes
from ._errors import RESOURCE_NOT_FOUND, SandboxError
from ._faults import Fault, FaultInjector
from ._requests import Exchange, RequestLog
from ._routes import ROUTES
from ._specs import RouteSpec
from ._state import SandboxState, iso
from ._stats import Stats
from ._validation import parse_query, validate_body, validate_query
from ._webhooks import Deliverer, EventFactory, Inbox, make_keypair

__all__ = ["BASE_PATH", "SandboxApp", "create_app"]

BASE_PATH = "/v2"
DEFAULT_COMMAND_ID_TTL = 60.0
_METHODS = sorted({route.http_verb for route in ROUTES} | {"GET", "POST", "PUT", "PATCH", "DELETE"})


class SandboxApp:
    """An offline stand-in for the Telnyx conferencing API; an ASGI app (call it with scope, receive, send).

    Attributes worth knowing: `public_key` (verify webhooks with it), `state`, `stats`, `faults`,
    `inbox` (deliveries when there is no webhook URL) and `deliverer` (the delivery log).
    """

    def __init__(
        self,
        *,
        seed: int | None = None,
        webhook_url: str | None = None,
        fault_rate: float = 0.0,
        fault_kinds: Mapping[str, float] | None = None,
        fault_after_share: float = 0.5,
        fault_delay: float = 3.0,
        retry_after: float = 0.0,
        streak_limit: int = 3,
        api_key: str | None = None,
        command_id_ttl: float = DEFAULT_COMMAND_ID_TTL,
        webhook_backoff: tuple[float, ...] = (0.1, 0.5, 2.0),
        clock: SandboxClock | None = None,
        speed: float = 1.0,
        ring_secs: float | None = None,
    ) -> None:
        self.private_key, self.public_key = make_keypair(seed)
        self.api_key = api_key
        self.requests = RequestLog(api_key)  # the console's API call log, credentials removed
        self.command_id_ttl = command_id_ttl
        self.inbox = Inbox()
        self.deliverer = Deliverer(
            private_key=self.private_key, inbox=self.inbox, webhook_url=webhook_url, backoff=webhook_backoff
        )
        self.clock = clock if clock is not None else SandboxClock(speed=speed)
        self.state = SandboxState(emit=self._emit, clock=self.clock, seed=seed)
        if ring_secs is not None:  # how long a dialed leg rings before it answers (or fails by its number)
            self.state.ring_secs = ring_secs
        self._events = EventFactory(self.state.new_id, self.clock)
        self.stats = Stats()
        self.faults = FaultInjector(
            rate=fault_rate,
            seed=seed,
            kinds=fault_kinds,
            after_share=fault_after_share,
            delay=fault_delay,
            retry_after=retry_after,
            streak_limit=streak_limit,
        )
        self._commands: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}
        self._commands_lock = threading.Lock()
        self._starlette = Starlette(
            routes=[
                Route("/sandbox/health", self._health, methods=["GET"]),
                Route("/sandbox/public-key", self._public_key, methods=["GET"]),
                Route("/sandbox/events", self._deliveries, methods=["GET"]),
                Route("/sandbox/inbox", self._inbox_list, methods=["GET"]),
                Route("/sandbox/inbox", self._inbox_post, methods=["POST"]),
                Route("/sandbox/stats", self._stats, methods=["GET"]),
                Route("/sandbox/queues", self._queues, methods=["GET"]),
                Route("/sandbox/faults", self._faults_get, methods=["GET"]),
                Route("/sandbox/faults", self._faults_set, methods=["POST"]),
                Route("/sandbox/clock", self._clock_get, methods=["GET"]),
                Route("/sandbox/clock", self._clock_set, methods=["POST"]),
                *console_routes(self),
                Route("/{path:path}", _ApiEndpoint(self), methods=_METHODS),
            ]
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith(BASE_PATH + "/sandbox/"):
            path = path[len(BASE_PATH) :]  # /v2/sandbox/... works too
            scope = {**scope, "path": path, "raw_path": path.encode()}
        if scope["type"] != "http":
            await self._starlette(scope, receive, send)
            return
        request_id = str(uuid.uuid4()).encode()
        scope = {**scope, _REQUEST_ID: request_id.decode()}  # for the request log

        async def send_with_request_id(message: Message) -> None:
            if message["type"] == "http.response.start":  # every response carries one, as on Telnyx
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id)]}
            await send(message)

        await self._starlette(scope, receive, send_with_request_id)

    @property
    def webhook_url(self) -> str | None:
        return self.deliverer.webhook_url

    def close(self) -> None:
        """Stop the timer thread and the webhook thread (after it finishes the delivery in hand)."""
        self.clock.close()
        self.deliverer.close()

    def advance(self, seconds: float) -> None:
        """Move the sandbox clock forward; the timers due by then fire, in order, before this returns."""
        self.clock.advance(seconds)

    def wait_for_deliveries(self, timeout: float = 10.0) -> bool:
        return self.deliverer.wait_idle(timeout)

    def stats_snapshot(self) -> dict[str, Any]:
        return self.stats.snapshot()

    # ---- the pieces the endpoint uses ---------------------------------------------------------------

    def _emit(self, event_type: str, values: dict[str, Any]) -> None:
        self.deliverer.submit(self._events.build(event_type, values))

    def execute(
        self, route: RouteSpec, path: dict[str, str], query: dict[str, Any], body: dict[str, Any], fingerprint: str
    ) -> dict[str, Any] | None:
        """Apply one validated request, or acknowledge a repeated `command_id` without applying it."""
        command_id = body.get("command_id") if route.has_command_id else None
        if not isinstance(command_id, str) or not command_id:
            command_id = None
        with self.state.lock:
            key = None
            if command_id is not None:
                target = next(iter(path.values()), None) or str(body.get("call_control_id") or "")
                key = (target, command_id)
                seen = self._remembered(key)
                if seen is not None:
                    self.stats.deduplicated(route.operation_id, key)
                    return seen
            result = self.state.handle(route, path, query, body)
            if route.mutating:
                description = f"{route.http_verb} {route.url_path} {path} {body}"
                self.stats.applied(route.operation_id, fingerprint, key, description[:300], idempotent=route.idempotent)
            if key is not None and result is not None:
                with self._commands_lock:
                    self._commands[key] = (self.clock(), result)
            return result

    def _remembered(self, key: tuple[str, str]) -> dict[str, Any] | None:
        now = self.clock()  # a repeated command_id is forgotten after command_id_ttl of sandbox time
        with self._commands_lock:
            if len(self._commands) > 10_000:
                for stale in [k for k, (at, _) in self._commands.items() if now - at >= self.command_id_ttl]:
                    del self._commands[stale]
            entry = self._commands.get(key)
            if entry is None or now - entry[0] >= self.command_id_ttl:
                return None
            return entry[1]

    # ---- /sandbox endpoints ---------------------------------------------------------------------

    async def _health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def _public_key(self, request: Request) -> Response:
        return JSONResponse({"public_key": self.public_key})

    async def _deliveries(self, request: Request) -> Response:
        event_type = request.query_params.get("event_type")
        items = [d.to_json() for d in self.deliverer.log() if event_type in (None, d.event.get("event_type"))]
        return JSONResponse({"data": items, "webhook_url": self.webhook_url})

    async def _inbox_list(self, request: Request) -> Response:
        return JSONResponse({"data": [item.to_json() for item in self.inbox.items()]})

    async def _inbox_post(self, request: Request) -> Response:
        self.inbox.add(await request.body(), dict(request.headers))
        return JSONResponse({"received": True})

    async def _stats(self, request: Request) -> Response:
        return JSONResponse(self.stats.snapshot())

    async def _queues(self, request: Request) -> Response:
        with self.state.lock:
            queues = [self.state.queue_json(queue) for queue in self.state.queues.values()]
        return JSONResponse({"data": queues})

    async def _faults_get(self, request: Request) -> Response:
        return JSONResponse(self.faults.settings())

    async def _faults_set(self, request: Request) -> Response:
        try:
            changes = await request.json()
            allowed = {"rate", "seed", "kinds", "after_share", "delay", "retry_after", "streak_limit"}
            if not isinstance(changes, dict) or set(changes) - allowed:
                raise ValueError(f"expected a JSON object with some of {sorted(allowed)}")
            self.faults.configure(**changes)
        except (ValueError, TypeError) as exc:
            return JSONResponse(SandboxError(422, "10015", "Invalid value", str(exc)).body(), status_code=422)
        return JSONResponse(self.faults.settings())

    def clock_json(self) -> dict[str, Any]:
        now = self.clock()
        pending = self.clock.pending()
        return {
            "now": iso(now, micro=True),
            "unix": now,
            "speed": self.clock.speed,
            "pending_timers": len(pending),
            "next_timer_at": iso(pending[0].due, micro=True) if pending else None,
        }

    async def _clock_get(self, request: Request) -> Response:
        return JSONResponse(self.clock_json())

    async def _clock_set(self, request: Request) -> Response:
        """``{"advance_secs": 600}`` fires what falls due before answering; ``{"speed": 60}`` rescales time."""
        try:
            changes = await request.json()
            allowed = {"advance_secs", "speed"}
            if not isinstance(changes, dict) or not changes or set(changes) - allowed:
                raise ValueError(f"expected a JSON object with some of {sorted(allowed)}")
            for name, value in changes.items():
                if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                    raise ValueError(f"{name} must be a finite number")
            if "speed" in changes:
                self.clock.speed = float(changes["speed"])
            if "advance_secs" in changes:
                self.clock.advance(float(changes["advance_secs"]))
        except ValueError as exc:
            return JSONResponse(SandboxError(422, "10015", "Invalid value", str(exc)).body(), status_code=422)
        return JSONResponse(self.clock_json())


class _ApiEndpoint:
    """The catch-all ASGI endpoint serving the operations of the route table."""

    def __init__(self, app: SandboxApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        log = self.app.requests
        exchange = log.begin(
            at=self.app.clock(),
            method=scope["method"],
            path=scope["path"],
            query=scope.get("query_string", b""),
            headers=scope.get("headers", []),
            body=await request.body(),
        )
        exchange.request_id = scope.get(_REQUEST_ID)
        error: BaseException | None = None
        try:
            await self._serve(scope, receive, log.capture(exchange, send), request, exchange)
        except BaseException as exc:  # an in-process fault raises; the log still records it
            error = exc
            raise
        finally:
            log.finish(exchange, error=error)

    async def _serve(self, scope: Scope, receive: Receive, send: Send, request: Request, exchange: Exchange) -> None:
        raw_path = scope.get("raw_path") or scope["path"].encode()
        segments = raw_path.decode("latin-1").strip("/").split("/")
        if segments[:1] == [BASE_PATH.strip("/")]:
            segments = segments[1:]
        matched = _match(scope["method"], segments)
        if isinstance(matched, SandboxError):
            await _error(matched)(scope, receive, send)
            return
        route, path = matched
        exchange.operation_id = route.operation_id
        if not self._authorized(request):
            error = SandboxError(
                401,
                "10009",
                "Authentication failed",
                "The required authentication headers were either invalid or not included in the request.",
            )
            await _error(error)(scope, receive, send)
            return
        raw_body = await request.body()
        fingerprint = hashlib.sha256(
            b"\0".join([scope["method"].encode(), raw_path, scope.get("query_string", b""), raw_body])
        ).hexdigest()
        stats = self.app.stats
        stats.started(route.operation_id)
        try:
            fault = self.app.faults.decide(fingerprint)
            if fault is not None:
                exchange.fault = {"kind": fault.kind, "phase": fault.phase}
            if fault is not None and not fault.after:
                if fault.kind != "delay" or _transport(receive) is None:
                    await self._inject(fault, route, scope, receive, send)  # nothing is applied
                    return
                # Over a socket a stalled request still runs once the stall is over, most likely after the
                # client gave up and retried: the late, second application is what command_id prevents.
                stats.fault(route.operation_id, "delay", "before")
                await asyncio.sleep(self.app.faults.delay)
            try:
                query = validate_query(route, parse_query(scope.get("query_string", b"").decode("latin-1")))
                body = validate_body(route, raw_body)
                result = self.app.execute(route, path, query, body, fingerprint)
                response: Response = Response(status_code=204) if result is None else JSONResponse(result)
            except SandboxError as exc:
                response = _error(exc)
            if fault is not None and fault.after:
                await self._inject(fault, route, scope, receive, send)
                return
            if fault is None:
                stats.responded(route.operation_id, response.status_code, fingerprint)
            await response(scope, receive, send)
        finally:
            stats.finished()

    def _authorized(self, request: Request) -> bool:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        return self.app.api_key is None or token.strip() == self.app.api_key

    async def _inject(self, fault: Fault, route: RouteSpec, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer with the fault instead of the real response."""
        self.app.stats.fault(route.operation_id, fault.kind, fault.phase)
        faults = self.app.faults
        if fault.kind in ("500", "503"):
            title = "Internal server error" if fault.kind == "500" else "Service unavailable"
            error = SandboxError(int(fault.kind), "10001" if fault.kind == "500" else "10503", title, _INJECTED)
            await _error(error)(scope, receive, send)
        elif fault.kind == "429":
            wait = f"{faults.retry_after:g}"
            error = SandboxError(429, "10429", "Too many requests", _INJECTED)
            headers = {
                "Retry-After": wait,
                "x-ratelimit-limit": "100",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": wait,
            }
            await _error(error, headers)(scope, receive, send)
        elif fault.kind == "reset":
            await _drop(receive)
        else:  # delay
            transport = _transport(receive)
            if transport is None:
                import httpx

                raise httpx.ReadTimeout(f"sandbox fault: response delayed past the timeout ({fault.phase} applying)")
            await asyncio.sleep(faults.delay)
            await _error(SandboxError(504, "10504", "Gateway timeout", _INJECTED))(scope, receive, send)


_REQUEST_ID = "telnyx_sandbox.request_id"
_INJECTED = "Injected by the Telnyx sandbox (fault injection); retry the request."


def _match(method: str, segments: list[str]) -> tuple[RouteSpec, dict[str, str]] | SandboxError:
    allowed = []
    for route in ROUTES:
        template = route.segments
        if len(template) != len(segments):
            continue
        path: dict[str, str] = {}
        for expected, actual in zip(template, segments, strict=True):
            if expected.startswith("{") and expected.endswith("}"):
                if not actual:
                    break
                path[expected[1:-1]] = unquote(actual)
            elif expected != actual:
                break
        else:
            if route.http_verb == method:
                return route, path
            allowed.append(route.http_verb)
    if allowed:
        return SandboxError(405, "10405", "Method not allowed", f"Use {' or '.join(sorted(allowed))} on this path.")
    return SandboxError(404, RESOURCE_NOT_FOUND, "Resource not found", "Resource not found")


def _error(error: SandboxError, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(error.body(), status_code=error.status, headers=dict(headers or {}))


def _transport(receive: Receive) -> Any:
    """The asyncio transport under uvicorn (its request cycle holds it), or None in process."""
    return getattr(getattr(receive, "__self__", None), "transport", None)


async def _drop(receive: Receive) -> None:
    """Close the connection without a response: under uvicorn abort the socket; in process raise httpx.ReadError."""
    transport = _transport(receive)
    if transport is None:
        import httpx

        raise httpx.ReadError("sandbox fault: connection reset by peer")
    transport.abort()
    for _ in range(3):  # let uvicorn see the disconnect, so it does not answer 500 for us
        await asyncio.sleep(0)


def create_app(**options: Any) -> SandboxApp:
    """Build a sandbox; `options` are `SandboxApp`'s keyword arguments (seed, webhook_url, fault_rate, ...)."""
    return SandboxApp(**options)
