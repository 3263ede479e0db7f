"""``telnyx-conf``: the command line for the Telnyx conferencing API, built on the SDK's sync client.

Usage: ``telnyx-conf [GLOBAL OPTIONS] <resource> [<sub-resource>] <command> [ARGS]``, for example
``telnyx-conf conferences actions join CONFERENCE_ID --call-control-id v3:...``. Results are JSON on
stdout; errors are one ``error: ...`` line on stderr.

Subcommands load lazily: the root group maps names to ``"module:attribute"`` (the API groups come from
the generated `_registry`, ``webhooks`` from `.webhooks`) and imports a module only when its command is
looked up, and commands import the SDK only when they run, so ``telnyx-conf --help`` stays fast.

Shell completion uses click's built-in support; for bash, add to ``~/.bashrc``::

    eval "$(_TELNYX_CONF_COMPLETE=bash_source telnyx-conf)"

(``zsh_source`` and ``fish_source`` work the same way.)

Testing hook: pass ``obj={"http_client": httpx.Client(transport=httpx.MockTransport(handler))}`` to
``click.testing.CliRunner().invoke(cli, args, obj=...)`` and every request goes through that client.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from .._checks import check_base_url
from .._secrets import Secret
from .._version import __version__
from ._client import Settings
from ._registry import API_GROUP_HELP, API_GROUPS
from ._root import RootGroup

__all__ = ["EXIT_CODES", "cli", "main"]

PROG_NAME = "telnyx-conf"

EXIT_CODES = """\b
Exit codes:
  0  success
  1  API error (a 4xx/5xx response after retries) or webhook verification failure
  2  usage error (unknown option, bad value, missing required option, bad JSON, no API key,
     a port `webhooks listen` cannot bind)
  3  network error or timeout (no response from the API)"""


_MAX_TIMEOUT = 86_400.0  # a day: larger (or inf, nan) values overflow the event loop's timers


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The SDK's own check (it runs again when the client is built), reported as a usage error."""
    if not value:
        return None
    try:
        return check_base_url(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(
    PROG_NAME,
    cls=RootGroup,
    lazy_subcommands={
        **API_GROUPS,
        "webhooks": f"{__name__}.webhooks:webhooks",
        "sandbox": "telnyx_conferencing.sandbox.cli:sandbox",
    },
    lazy_help=API_GROUP_HELP,
    epilog=EXIT_CODES,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--api-key",
    envvar="TELNYX_API_KEY",
    show_envvar=True,
    show_default=False,
    metavar="KEY",
    callback=lambda ctx, param, value: Secret.of(value),  # wrapped before any frame of ours holds it
    help="Telnyx API key (V2). Prefer the environment variable: options show up in shell history.",
)
@click.option(
    "--base-url",
    envvar="TELNYX_BASE_URL",
    show_envvar=True,
    metavar="URL",
    callback=_base_url,
    help="API base URL.  [default: https://api.telnyx.com/v2]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, max=_MAX_TIMEOUT, min_open=True),
    help="Seconds per attempt.  [default: 30]",
)
@click.option(
    "--max-retries",
    type=click.IntRange(min=0),
    help="Retries of a failed request (connection errors, 408/409/429/5xx).  [default: 2]",
)
@click.option("--debug", is_flag=True, help="Log each request and response on stderr (credentials redacted).")
@click.version_option(__version__, "--version", prog_name=PROG_NAME, message="%(prog)s %(version)s")
@click.pass_context
def cli(
    ctx: click.Context,
    api_key: Secret | None,
    base_url: str | None,
    timeout: float | None,
    max_retries: int | None,
    debug: bool,
) -> None:
    """Call the Telnyx conferencing API from the shell: conferences, participants, call queues, webhooks."""
    obj = ctx.ensure_object(dict)
    obj["settings"] = Settings(
        api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=max_retries, debug=debug
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``telnyx-conf`` console script (and ``python -m telnyx_conferencing.cli``)."""
    cli.main(args=argv, prog_name=PROG_NAME)
