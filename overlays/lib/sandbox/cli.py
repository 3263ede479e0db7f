"""``telnyx-conf sandbox``: run the offline Telnyx conferencing sandbox.

    telnyx-conf sandbox serve --port 4010 --webhook-url http://127.0.0.1:8080/hooks --seed 7 --fault-rate 0.3
    telnyx-conf sandbox inbound --from +13125550100 --to +13125550199 --digits 1   # a caller rings in
    telnyx-conf sandbox digits v3:inbound-... 2#                                   # and presses more keys

The root CLI maps the ``sandbox`` command to this module's `sandbox` group; it imports nothing
heavy until ``serve`` runs, and says how to install the extra when it is missing.
"""

from __future__ import annotations

import click

from ._extra import require_extra

__all__ = ["sandbox"]


@click.group(name="sandbox")
def sandbox() -> None:
    """An offline stand-in for the Telnyx conferencing API, with signed webhooks and fault injection."""


@sandbox.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=4010, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option(
    "--webhook-url", default=None, help="Where to POST signed webhooks (kept in GET /sandbox/inbox if omitted)."
)
@click.option("--seed", type=int, default=None, help="Makes ids, faults and the signing key reproducible.")
@click.option(
    "--fault-rate",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Share of API requests to fail.",
)
@click.option(
    "--fault-after-share",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="Share of 500/reset/delay faults that strike after the command was applied.",
)
@click.option(
    "--fault-delay", type=click.FloatRange(0.0), default=3.0, show_default=True, help="Seconds of a delay fault."
)
@click.option(
    "--speed",
    type=click.FloatRange(0.0),
    default=1.0,
    show_default=True,
    help="Sandbox seconds per real second (60: a minute a second; 0: frozen, moved by POST /sandbox/clock).",
)
@click.option("--api-key", default=None, help="Accept only this bearer token (any token when omitted).")
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"], case_sensitive=False),
    default="warning",
    show_default=True,
)
@click.option(
    "--ring-secs", type=click.FloatRange(0.0), default=3.0, show_default=True, help="How long a dialed leg rings."
)
def serve(
    host: str,
    port: int,
    webhook_url: str | None,
    seed: int | None,
    fault_rate: float,
    fault_after_share: float,
    fault_delay: float,
    speed: float,
    api_key: str | None,
    log_level: str,
    ring_secs: float,
) -> None:
    """Serve the sandbox until interrupted; prints its URL and the webhook public key first."""
    try:
        require_extra()
    except ImportError as exc:
        raise click.ClickException(str(exc)) from None
    from ._app import SandboxApp
    from ._server import bind
    from ._server import serve as run

    app = SandboxApp(
        seed=seed,
        webhook_url=webhook_url,
        fault_rate=fault_rate,
        fault_after_share=fault_after_share,
        fault_delay=fault_delay,
        speed=speed,
        api_key=api_key,
        ring_secs=ring_secs,
    )
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_port = sock.getsockname()[1]
    base_url = f"http://{host}:{bound_port}"
    click.echo(f"Telnyx sandbox listening on {base_url} (base_url {base_url} or {base_url}/v2)")
    click.echo(f"public key: {app.public_key}")
    click.echo(f"webhooks: {webhook_url or base_url + '/sandbox/inbox (in memory)'}")
    if speed != 1.0:
        click.echo(f"clock: {speed:g} sandbox seconds per second")
    if fault_rate:
        click.echo(f"faults: {fault_rate:.0%} of requests (seed {seed})")
    click.echo(f"console: {base_url}/sandbox/")
    click.echo(
        "inspect: /sandbox/state /sandbox/events /sandbox/stats /sandbox/queues /sandbox/clock /sandbox/public-key;"
        " Ctrl-C stops"
    )
    try:
        run(app, sock, log_level=log_level.lower())
    finally:
        app.close()
        sock.close()


_SANDBOX_URL = click.option(
    "--sandbox-url",
    default="http://127.0.0.1:4010",
    show_default=True,
    envvar="TELNYX_SANDBOX_URL",
    help="The running sandbox (telnyx-conf sandbox serve).",
)


def _post(sandbox_url: str, path: str, body: dict[str, object]) -> None:
    """POST one console action to a running sandbox and print its JSON answer."""
    import httpx

    try:
        response = httpx.post(sandbox_url.rstrip("/") + path, json=body, timeout=10)
    except httpx.HTTPError as exc:
        raise click.ClickException(f"cannot reach the sandbox at {sandbox_url}: {exc}") from None
    if response.status_code >= 400:
        errors = response.json().get("errors") or [{}]
        raise click.ClickException(f"{response.status_code} {errors[0].get('title')}: {errors[0].get('detail')}")
    click.echo(response.text)


@sandbox.command()
@click.option("--from", "from_", required=True, help="The caller's number.")
@click.option("--to", required=True, help="Your number that it calls.")
@click.option("--digits", default="", help="DTMF the caller will press when your app gathers (e.g. 1#).")
@click.option("--client-state", default=None, help="Base-64 client_state for the leg's webhooks.")
@_SANDBOX_URL
def inbound(from_: str, to: str, digits: str, client_state: str | None, sandbox_url: str) -> None:
    """Ring a running sandbox with an inbound call: your webhook gets call.initiated (direction incoming)."""
    body: dict[str, object] = {"from": from_, "to": to, "digits": digits}
    if client_state:
        body["client_state"] = client_state
    _post(sandbox_url, "/sandbox/calls/inbound", body)


@sandbox.command()
@click.argument("call_control_id")
@click.argument("digits")
@_SANDBOX_URL
def digits(call_control_id: str, digits: str, sandbox_url: str) -> None:
    """Script more DTMF for a leg: its far end presses them at the app's next gather."""
    from urllib.parse import quote

    _post(sandbox_url, f"/sandbox/calls/{quote(call_control_id, safe='')}/digits", {"digits": digits})
