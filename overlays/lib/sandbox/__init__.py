"""An offline sandbox of the Telnyx conferencing API, for developing and testing apps without a network.

    from telnyx_conferencing.sandbox import SandboxApp, run_in_thread

    app = SandboxApp(seed=7, fault_rate=0.3)           # an ASGI app (Starlette)
    base_url, stop = run_in_thread(app)                # uvicorn on a free loopback port
    client = telnyx_conferencing.Telnyx(api_key="any", base_url=base_url)

Or in process, async: ``httpx.AsyncClient(transport=httpx.ASGITransport(app=app))``. From the
shell: ``telnyx-conf sandbox serve --port 4010``. For pytest, see `pytest_plugin`.

Routes and request validation come from spec/ (the rendered `_routes` table); behaviour, state,
webhooks and faults are hand-written here. Needs the ``sandbox`` extra (starlette, uvicorn,
jsonschema); importing `telnyx_conferencing` never imports them, and this package imports them
only when one of the names below is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._extra import INSTALL_HINT, require_extra

if TYPE_CHECKING:
    from ._app import SandboxApp, create_app
    from ._clock import SandboxClock
    from ._harness import SandboxHarness
    from ._server import run_in_thread, serving
    from ._webhooks import ReceivedDelivery

__all__ = [
    "INSTALL_HINT",
    "ReceivedDelivery",
    "SandboxApp",
    "SandboxClock",
    "SandboxHarness",
    "create_app",
    "require_extra",
    "run_in_thread",
    "serving",
]

_LAZY = {
    "SandboxApp": "._app",
    "create_app": "._app",
    "SandboxClock": "._clock",
    "SandboxHarness": "._harness",
    "run_in_thread": "._server",
    "serving": "._server",
    "ReceivedDelivery": "._webhooks",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    require_extra()
    return getattr(importlib.import_module(module_name, __name__), name)
