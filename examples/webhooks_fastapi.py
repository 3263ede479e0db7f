"""A FastAPI webhook receiver for the call center: verify each delivery, then dispatch its typed event.

    TELNYX_PUBLIC_KEY=... uvicorn --app-dir examples webhooks_fastapi:app --port 8000
    telnyx-conf sandbox serve --webhook-url http://127.0.0.1:8000/telnyx/webhooks   # prints the public key

The handler reads the raw body (`await request.body()`): a pydantic model of the body would
re-serialize it and break the signature. Verification needs no I/O, so the handler stays async.
"""

from __future__ import annotations

import logging

from call_center import CallCenterState
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from telnyx_conferencing import WebhookVerificationError
from telnyx_conferencing.webhooks import CallEnqueuedEvent, UnknownEvent, unwrap

log = logging.getLogger(__name__)


def create_app(state: CallCenterState | None = None, public_key: str | None = None) -> FastAPI:
    """`public_key` defaults to TELNYX_PUBLIC_KEY; `state` receives every verified event."""
    app = FastAPI(title="call center webhooks")
    center = state if state is not None else CallCenterState()

    @app.post("/telnyx/webhooks")
    async def telnyx_webhook(request: Request) -> JSONResponse:
        try:
            event = unwrap(await request.body(), request.headers, public_key=public_key)
        except WebhookVerificationError as err:
            return JSONResponse({"error": str(err)}, status_code=400)
        match event:
            case UnknownEvent():
                log.warning("event type this SDK does not know yet: %s", event.event_type)
            case CallEnqueuedEvent(payload=payload):
                log.info("%s waits at position %s", payload.call_control_id, payload.current_position)
        center.handle(event)
        return JSONResponse({"received": event.event_type})

    return app


app = create_app()  # for `uvicorn --app-dir examples webhooks_fastapi:app`
