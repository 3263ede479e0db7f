"""The SDK client a command talks through, built from the root group's global options.

`Settings` is what ``telnyx-conf [--api-key ...] [--base-url ...] [--timeout ...] [--max-retries ...]
[--debug]`` parsed; the root group stores it in ``ctx.obj["settings"]``. Test hook: an ``httpx.Client``
in ``ctx.obj["http_client"]`` (``CliRunner().invoke(cli, args, obj={"http_client": client})``) is
handed to the SDK as ``http_client=``; in production ``obj`` starts empty and the SDK builds its own.
The SDK itself is imported only inside `api_client`, when a command runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from .._secrets import Secret
from ._errors import sdk_errors

if TYPE_CHECKING:
    import httpx

    from .._client import Telnyx

__all__ = ["Settings", "api_client"]


@dataclass(frozen=True)
class Settings:
    """The global options; None means "not given" (the SDK then reads its environment or defaults)."""

    api_key: Secret | None = None
    base_url: str | None = None
    timeout: float | None = None
    max_retries: int | None = None
    debug: bool = False

    @classmethod
    def of(cls, ctx: click.Context) -> Settings:
        """The settings stored by the root group, or defaults when a group runs on its own."""
        settings = ctx.obj.get("settings") if isinstance(ctx.obj, dict) else None
        return settings if isinstance(settings, Settings) else cls()


def injected_http_client(ctx: click.Context) -> httpx.Client | None:
    """The ``httpx.Client`` a test put in ``ctx.obj["http_client"]``, if any."""
    client = ctx.obj.get("http_client") if isinstance(ctx.obj, dict) else None
    if client is None:
        return None
    import httpx

    if not isinstance(client, httpx.Client):
        raise TypeError(f'ctx.obj["http_client"] must be an httpx.Client, got {type(client).__name__}')
    return client


@contextlib.contextmanager
def api_client(ctx: click.Context) -> Iterator[Telnyx]:
    """Yield a `Telnyx` client configured from the global options; SDK errors in the block become CLI errors."""
    settings = Settings.of(ctx)
    with sdk_errors(settings.debug), contextlib.ExitStack() as cleanup:
        from .. import Telnyx

        http_client = injected_http_client(ctx)
        if settings.debug:
            from ._debug import log_traffic

            if http_client is None:
                import httpx

                http_client = cleanup.enter_context(httpx.Client())
            cleanup.enter_context(log_traffic(http_client))
        kwargs: dict[str, Any] = {"api_key": settings.api_key, "base_url": settings.base_url}
        if settings.timeout is not None:
            kwargs["timeout"] = settings.timeout
        if settings.max_retries is not None:
            kwargs["max_retries"] = settings.max_retries
        client = cleanup.enter_context(Telnyx(http_client=http_client, **kwargs))
        yield client
