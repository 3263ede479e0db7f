"""A Flask webhook receiver for the call center: verify each delivery, then dispatch its typed event.

    TELNYX_PUBLIC_KEY=... flask --app examples/webhooks_flask.py run --port 8000
    telnyx-conf sandbox serve --webhook-url http://127.0.0.1:8000/telnyx/webhooks   # prints the public key

Always verify the raw body bytes (`request.get_data()`), never a re-serialized dict. A delivery that
fails verification gets a 400 and changes nothing; a repeated one is ignored by `CallCenterState`.
"""

from __future__ import annotations

import logging

from call_center import CallCenterState
from flask import Flask, request

from telnyx_conferencing import WebhookVerificationError
from telnyx_conferencing.webhooks import ConferenceEndedEvent, UnknownEvent, unwrap

log = logging.getLogger(__name__)


def create_app(state: CallCenterState | None = None, public_key: str | None = None) -> Flask:
    """`public_key` defaults to TELNYX_PUBLIC_KEY; `state` receives every verified event."""
    app = Flask(__name__)
    center = state if state is not None else CallCenterState()

    @app.post("/telnyx/webhooks")
    def telnyx_webhook() -> tuple[dict[str, str], int]:
        try:
            event = unwrap(request.get_data(), request.headers, public_key=public_key)
        except WebhookVerificationError as err:
            return {"error": str(err)}, 400
        match event:
            case UnknownEvent():
                log.warning("event type this SDK does not know yet: %s", event.event_type)
            case ConferenceEndedEvent(payload=payload):
                log.info("conference %s ended (%s)", payload.conference_id, payload.reason)
        center.handle(event)
        return {"received": event.event_type}, 200

    return app


app = create_app()  # for `flask --app examples/webhooks_flask.py run`
