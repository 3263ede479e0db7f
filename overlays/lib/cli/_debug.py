"""``--debug``: every request and response written to stderr, with credentials redacted.

`log_traffic` adds httpx event hooks to the client the SDK sends through, so each attempt (retries
included) shows as ``> METHOD URL``, the request headers and body, then ``< STATUS``, the response
headers and body. Authorization and other credential headers go through the SDK's `redact_headers`,
and every line goes through the SDK's one redaction path (`redact_for`, keyed on the Authorization header
actually sent, so a key with stray whitespace in the environment is still found), in case a server echoes it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click
import httpx

from .._logs import redact_headers
from .._secrets import redact_for

__all__ = ["log_traffic"]

_MAX_BODY = 10_000  # characters of a body shown; the rest is summarized


@contextlib.contextmanager
def log_traffic(client: httpx.Client) -> Iterator[None]:
    """Log `client`'s traffic to stderr inside the block; the client's own hooks are restored afterwards."""

    def emit(prefix: str, text: str, request: httpx.Request) -> None:
        for line in redact_for(text, request).splitlines() or [""]:
            click.echo(f"{prefix} {line}".rstrip(), err=True)

    def on_request(request: httpx.Request) -> None:
        emit(">", f"{request.method} {request.url}", request)
        for name, value in redact_headers(request.headers.multi_items()).items():
            emit(">", f"{name}: {value}", request)
        if request.content:
            emit(">", _body_text(request.content), request)

    def on_response(response: httpx.Response) -> None:
        response.read()
        request = response.request
        emit("<", f"{response.status_code} {response.reason_phrase}", request)
        for name, value in redact_headers(response.headers.multi_items()).items():
            emit("<", f"{name}: {value}", request)
        if response.content:
            emit("<", _body_text(response.content), request)

    saved = client.event_hooks
    client.event_hooks = {
        "request": [*saved.get("request", []), on_request],
        "response": [*saved.get("response", []), on_response],
    }
    try:
        yield
    finally:
        client.event_hooks = saved


def _body_text(content: bytes) -> str:
    text = content.decode("utf-8", errors="replace")
    if len(text) > _MAX_BODY:
        return f"{text[:_MAX_BODY]}... ({len(text) - _MAX_BODY} more characters)"
    return text
