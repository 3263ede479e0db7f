"""What commands print on stdout: JSON, indented on a terminal and compact in a pipe.

A single result is one JSON document (`model.to_dict()`). A list command prints the first page's
whole response, or with ``--all`` one compact JSON object per item per line (JSON Lines), following
every page and flushing each line so a pipe sees items as they arrive.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click

__all__ = ["print_items", "print_json", "print_page", "print_result", "to_json"]


def to_json(value: Any) -> Any:
    """A model's `to_dict()`, or the value itself when it has none."""
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def print_json(value: Any, *, pretty: bool | None = None) -> None:
    """Print one JSON document; `pretty` defaults to whether stdout is a terminal."""
    if pretty is None:
        pretty = _is_terminal()
    if pretty:
        text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    else:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    click.echo(text)


def _is_terminal() -> bool:
    # stdout is None when the shell closed it (`>&-`); click.echo then writes nothing.
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # closed file object
        return False


def print_items(items: Iterable[Any]) -> None:
    """Print each item as one compact JSON line (click.echo flushes after every line)."""
    for item in items:
        print_json(to_json(item), pretty=False)


def print_result(result: Any) -> None:
    """Print an operation's response model."""
    print_json(to_json(result))


def print_bytes(data: bytes) -> None:
    """Write a non-JSON response (audio, a PDF...) to stdout as it came."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def print_page(page: Any, *, all_pages: bool) -> None:
    """Print a list call: the first page's response, or with `all_pages` every item of every page, one per line."""
    if all_pages:
        print_items(page)
    else:
        print_json(to_json(page.response))
