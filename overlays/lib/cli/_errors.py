"""How failures reach the user: one `error: ...` line on stderr and a documented exit code.

Exit codes: 0 success; 1 API error (a 4xx/5xx after retries) or a failed webhook verification;
2 usage error (click's convention: unknown option, bad value, missing required option, bad JSON,
missing API key); 3 network error or timeout. A traceback is printed only with ``--debug``.

The SDK's exception classes import httpx, so they are imported here only once an error is being
translated, which keeps ``--help`` fast.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

__all__ = [
    "EXIT_API_ERROR",
    "EXIT_NETWORK_ERROR",
    "EXIT_USAGE_ERROR",
    "CliError",
    "NetworkError",
    "UsageFailure",
    "one_line_errors",
    "sdk_errors",
]

EXIT_API_ERROR = 1
EXIT_USAGE_ERROR = 2
EXIT_NETWORK_ERROR = 3
_MAX_LINE = 600


class CliError(click.ClickException):
    """A failure reported as one ``error: <message>`` line; exit code 1 (API error, failed verification)."""

    exit_code = EXIT_API_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        message = " ".join(self.format_message().split())  # one line, whatever the message held
        if len(message) > _MAX_LINE:  # a huge value quoted back (click does) would bury the reason
            message = f"{message[: _MAX_LINE - 160]} ... {message[-150:]}"
        click.echo(f"error: {message}", file=file, err=file is None)


class NetworkError(CliError):
    """No response came back (connection refused, DNS, timeout); exit code 3."""

    exit_code = EXIT_NETWORK_ERROR


class UsageFailure(CliError):
    """A usage error shown on one line (instead of click's usage block); exit code 2."""

    exit_code = EXIT_USAGE_ERROR


@contextlib.contextmanager
def sdk_errors(debug: bool = False) -> Iterator[None]:
    """Turn SDK exceptions raised inside the block into `CliError`s with the right exit code.

    `APIStatusError` -> 1, `WebhookVerificationError` -> 1, `APIConnectionError`/`APITimeoutError` -> 3,
    `MissingAPIKeyError`, the facades' argument checks (`InvalidArgumentError`) and other `ValueError`s -> 2. With `debug` the original
    traceback is printed first.
    """
    try:
        yield
    except click.ClickException:
        raise
    except Exception as exc:
        error = _translate(exc)
        if error is None:
            raise
        if debug:
            _print_traceback(exc)
        raise error from exc


@contextlib.contextmanager
def one_line_errors(ctx: click.Context | None, debug: bool = False) -> Iterator[None]:
    """Used by the root group around parsing and invoking: usage errors and unexpected failures become one line."""
    try:
        yield
    except NoArgsIsHelpError:
        raise  # a bare group prints its help, as click does
    except CliError:
        raise
    except click.UsageError as exc:
        where = exc.ctx or ctx
        hint = f" (see '{where.command_path} --help')" if where is not None else ""
        raise UsageFailure(exc.format_message() + hint) from exc
    except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
        raise  # click reports these itself
    except Exception as exc:
        if debug:
            _print_traceback(exc)
        rerun = "" if debug else " (rerun with --debug for the traceback)"
        raise CliError(f"unexpected {type(exc).__name__}: {exc}{rerun}") from exc


def _translate(exc: Exception) -> click.ClickException | None:
    from .._exceptions import APIConnectionError, InvalidArgumentError, MissingAPIKeyError, TelnyxError

    if isinstance(exc, MissingAPIKeyError):
        return UsageFailure("No API key: pass --api-key or set the TELNYX_API_KEY environment variable.")
    if isinstance(exc, InvalidArgumentError):  # the facades check ids, enums and required arguments before any I/O
        return UsageFailure(str(exc))
    if isinstance(exc, APIConnectionError):
        return NetworkError(str(exc))
    if isinstance(exc, TelnyxError):  # APIStatusError, WebhookVerificationError and the rest
        return CliError(str(exc))
    if isinstance(exc, ValueError):  # a bad client setting (e.g. a key with spaces) is a usage error too
        return UsageFailure(str(exc))
    return None


def _print_traceback(exc: BaseException) -> None:
    click.echo("".join(traceback.format_exception(exc)).rstrip(), err=True)
