"""``telnyx-conf webhooks``: check a saved webhook delivery (`verify`) or receive live ones on a local port (`listen`).

Both verify the Ed25519 signature with the account's public key (``--public-key`` or the
``TELNYX_PUBLIC_KEY`` environment variable) through the SDK's `telnyx_conferencing.webhooks.unwrap`,
which is imported only when a command runs.
"""

from __future__ import annotations

from typing import IO

import click

from .._webhook_defaults import DEFAULT_TOLERANCE
from ._client import Settings
from ._errors import CliError, sdk_errors
from ._output import print_json

__all__ = ["webhooks"]

_PUBLIC_KEY_HELP = "The account's base64 Ed25519 public key (Mission Control Portal > Keys & Credentials)."


def _public_key(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a key that is not base64 of 32 bytes up front (a usage error), never echoing it."""
    if value is None:
        return None
    from ..webhooks import InvalidPublicKeyError
    from ..webhooks._verify import _decode_public_key  # the SDK's own check, so both say the same

    try:
        _decode_public_key(value.strip())
    except InvalidPublicKeyError as exc:
        raise click.BadParameter(str(exc)) from None
    return value.strip()


_TOLERANCE_HELP = "Seconds the telnyx-timestamp may differ from now; raise it to check an old saved delivery."


# The two commands verify the same way, so they take the key and the tolerance by one definition each.
public_key_option = click.option(
    "--public-key",
    envvar="TELNYX_PUBLIC_KEY",
    show_envvar=True,
    required=True,
    callback=_public_key,
    help=_PUBLIC_KEY_HELP,
)
tolerance_option = click.option(
    "--tolerance", type=click.IntRange(min=0), default=DEFAULT_TOLERANCE, show_default=True, help=_TOLERANCE_HELP
)


@click.group("webhooks", no_args_is_help=True)
def webhooks() -> None:
    """Verify Telnyx webhook deliveries: a saved one (verify) or live ones on a local port (listen)."""


@webhooks.command("verify")
@public_key_option
@click.option("--timestamp", required=True, help="The delivery's telnyx-timestamp header (unix seconds).")
@click.option("--signature", required=True, help="The delivery's telnyx-signature-ed25519 header (base64).")
@tolerance_option
@click.argument("body", type=click.File("rb"), default="-", metavar="[FILE|-]")
@click.pass_context
def verify(
    ctx: click.Context, /, public_key: str, timestamp: str, signature: str, tolerance: int, body: IO[bytes]
) -> None:
    """Verify a saved delivery and print its typed event as JSON.

    FILE holds the raw request body exactly as received (default: stdin). Exits 1 with the reason
    when the signature, timestamp, key or body is not valid.
    """
    raw = body.read()
    with sdk_errors(Settings.of(ctx).debug):
        from ..webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, TimestampOutOfToleranceError, unwrap
        from ..webhooks._verify import LARGER_TOLERANCE_HINT

        headers = {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature}
        try:
            event = unwrap(raw, headers, public_key=public_key, tolerance=tolerance)
        except TimestampOutOfToleranceError as exc:  # the SDK names its argument; here the knob is a flag
            raise CliError(str(exc).replace(LARGER_TOLERANCE_HINT, "pass a larger --tolerance")) from exc
    print_json(event.to_dict())


@webhooks.command("listen")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port (0: any free).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@public_key_option
@tolerance_option
@click.option(
    "--max-events", type=click.IntRange(min=1), help="Exit after this many deliveries (default: run until Ctrl-C)."
)
def listen(port: int, host: str, public_key: str, tolerance: int, max_events: int | None) -> None:
    """Receive deliveries on a local HTTP port and print one line per POST.

    Each line reads ``<event_type> id=<id> verified`` (answered 200) or
    ``<event_type> id=<id> rejected: <reason>`` (answered 400). Point a tunnel (ngrok, cloudflared)
    at the port to receive real deliveries. Ctrl-C stops the server.
    """
    from ._listen import serve

    serve(host, port, public_key=public_key, tolerance=tolerance, max_events=max_events)
