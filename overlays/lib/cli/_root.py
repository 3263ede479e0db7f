"""`RootGroup`: the lazy top-level group that also reports every failure as one ``error:`` line.

It wraps argument parsing (`make_context`) and dispatch (`invoke`) of the whole command tree, so a
usage error anywhere (unknown option, bad enum value, missing required option, bad JSON) exits 2 with
``error: <message> (see '<command> --help')`` instead of click's usage block, and an unexpected
exception exits 1 with one line (and its traceback only under ``--debug``).
"""

from __future__ import annotations

from typing import Any

import click

from ._client import Settings
from ._errors import one_line_errors
from ._lazy import LazyGroup

__all__ = ["RootGroup"]


class RootGroup(LazyGroup):
    """The ``telnyx-conf`` group: lazily loaded subcommands, one-line errors."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with one_line_errors(parent):
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with one_line_errors(ctx, debug=Settings.of(ctx).debug):
            return super().invoke(ctx)
