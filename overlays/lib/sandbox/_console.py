"""The sandbox console: a page at ``/sandbox/`` showing the sandbox's state live, and its actions.

The page (``console/``: HTML, JS and CSS shipped in the package; no CDN, no build step) polls
``GET /sandbox/state``. Polling rather than server-sent events: a short request every half second
costs nothing on loopback, survives a sandbox restart without reconnect logic, and leaves no
long-lived response open to hold up uvicorn's shutdown (tests stop the server many times a run).

Actions (JSON only, so a cross-site form cannot trigger them without a CORS preflight, which the
sandbox never grants): ``POST /sandbox/calls/inbound`` (from, to, client_state, and the ``digits`` the
caller will press), ``POST /sandbox/calls/{id}/digits``, ``POST /sandbox/calls/{id}/hangup``,
``POST /sandbox/conferences/{id}/end``, ``POST /sandbox/events/{number}/redeliver``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ._errors import SandboxError, invalid_value
from ._routes import ROUTES
from ._snapshot import state_json

if TYPE_CHECKING:
    from ._app import SandboxApp

__all__ = ["console_routes"]

_FILES = Path(__file__).with_name("console")
_ASSETS = {"console.js": "text/javascript", "console.css": "text/css", "icon.svg": "image/svg+xml"}
# The page runs only its own script, talks only to this origin and cannot be framed.
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_END_CONFERENCE = next(route for route in ROUTES if route.operation_id == "EndConference")

Endpoint = Callable[[Request], Awaitable[Response]]


def console_routes(app: SandboxApp) -> list[Route]:
    """The console's routes, mounted by `SandboxApp` ahead of the API catch-all."""

    async def page(request: Request) -> Response:
        return _file("index.html", "text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            return JSONResponse(SandboxError(404, "10007", "Resource not found", name).body(), status_code=404)
        return _file(name, f"{_ASSETS[name]}; charset=utf-8")

    async def state(request: Request) -> Response:
        return Response(state_json(app), media_type="application/json", headers={"Cache-Control": "no-store"})

    async def inbound(request: Request, body: dict[str, Any]) -> Response:
        unknown = sorted(set(body) - {"from", "to", "client_state", "digits"})
        if unknown:
            raise invalid_value(f"Unknown field {unknown[0]!r}; send from, to, client_state and digits.", pointer="")
        numbers = {name: body.get(name) for name in ("from", "to")}
        for name, value in numbers.items():
            if not isinstance(value, str) or not value.strip() or len(value) > 128:
                raise invalid_value(f"{name} must be a phone number or SIP URI.", pointer=f"/{name}")
        client_state = body.get("client_state") or None
        if client_state is not None and not isinstance(client_state, str):
            raise invalid_value("client_state must be Base-64 text.", pointer="/client_state")
        call = app.state.inbound_call(
            from_number=str(numbers["from"]).strip(),
            to_number=str(numbers["to"]).strip(),
            client_state=client_state,
            digits=_digits(body),
        )
        leg = {"call_control_id": call.call_control_id, "direction": call.direction, "state": "parked"}
        return JSONResponse({"data": leg}, status_code=201)

    async def digits(request: Request, body: dict[str, Any]) -> Response:
        call = app.state.script_digits(request.path_params["call_control_id"], _digits(body))
        return JSONResponse({"data": {"call_control_id": call.call_control_id, "digits": call.digits}})

    async def hangup(request: Request, body: dict[str, Any]) -> Response:
        app.state.hang_up(request.path_params["call_control_id"])
        return JSONResponse({"data": {"result": "ok"}})

    async def end(request: Request, body: dict[str, Any]) -> Response:
        app.state.handle(_END_CONFERENCE, {"id": request.path_params["id"]}, {}, {})
        return JSONResponse({"data": {"result": "ok"}})

    async def redeliver(request: Request, body: dict[str, Any]) -> Response:
        number = request.path_params["number"]
        delivery = app.deliverer.redeliver(number)
        if delivery is None:
            raise SandboxError(404, "10007", "Delivery not found", f"No webhook delivery number {number}.")
        return JSONResponse({"data": {"number": delivery.number, "redelivery_of": number}}, status_code=202)

    return [
        Route("/sandbox", lambda request: RedirectResponse("/sandbox/"), methods=["GET"]),
        Route("/sandbox/", page, methods=["GET"]),
        Route("/sandbox/console/{name}", asset, methods=["GET"]),
        Route("/sandbox/state", state, methods=["GET"]),
        Route("/sandbox/calls/inbound", _action(inbound), methods=["POST"]),
        Route("/sandbox/calls/{call_control_id:path}/hangup", _action(hangup), methods=["POST"]),
        Route("/sandbox/calls/{call_control_id:path}/digits", _action(digits), methods=["POST"]),
        Route("/sandbox/conferences/{id}/end", _action(end), methods=["POST"]),
        Route("/sandbox/events/{number:int}/redeliver", _action(redeliver), methods=["POST"]),
    ]


def _action(handler: Callable[[Request, dict[str, Any]], Awaitable[Response]]) -> Endpoint:
    """A console action: a JSON object body (may be empty), errors as Telnyx-shaped JSON."""

    async def endpoint(request: Request) -> Response:
        try:
            if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
                raise SandboxError(415, "10015", "Unsupported media type", "Send a JSON body (application/json).")
            raw = await request.body()
            body = await request.json() if raw.strip() else {}
            if not isinstance(body, dict):
                raise invalid_value("The body must be a JSON object.", pointer="")
            return await handler(request, body)
        except SandboxError as exc:
            return JSONResponse(exc.body(), status_code=exc.status)
        except ValueError:
            return JSONResponse(invalid_value("The body is not valid JSON.", pointer="").body(), status_code=422)

    return endpoint


def _digits(body: dict[str, Any]) -> str:
    """The DTMF a leg's far end will press when the app gathers (0-9, A-D, * and #)."""
    value = body.get("digits") or ""
    if not isinstance(value, str) or len(value) > 128 or any(ch not in "0123456789ABCDabcd*#" for ch in value):
        raise invalid_value("digits may hold only 0-9, A-D, * and #.", pointer="/digits")
    return value


def _file(name: str, media_type: str) -> Response:
    return Response((_FILES / name).read_bytes(), media_type=media_type, headers=_HEADERS)
