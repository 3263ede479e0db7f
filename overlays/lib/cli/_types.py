"""Click parameter types for spec values: enums, repeatable lists, JSON, and dropping options not given.

`SpecChoice` matches case-insensitively but hands the SDK the spec's own spelling and shows it in
help and errors. `CommaList` lets ``--ids A --ids B`` and ``--ids A,B`` mean the same. `JsonValue`
parses objects, unions and free-form values, and rejects bad JSON with `click.BadParameter`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click
from click.shell_completion import CompletionItem

__all__ = ["CommaList", "JsonValue", "SpecChoice", "collect", "join_lists", "sent"]


class SpecChoice(click.Choice[Any]):
    """A case-insensitive `click.Choice` that speaks the spec's spelling (``Middle East``, not ``middle east``)."""

    def __init__(self, choices: Iterable[Any]) -> None:
        super().__init__(choices, case_sensitive=False)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(str(choice) for choice in self.choices) + "]"

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of " + ", ".join(repr(str(choice)) for choice in self.choices) + "."

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        prefix = incomplete.casefold()
        return [CompletionItem(str(c)) for c in self.choices if str(c).casefold().startswith(prefix)]


class CommaList(click.ParamType[list[Any]]):
    """One occurrence of a repeatable option: ``A,B`` -> ``[A, B]``, each item converted by `item_type`."""

    name = "list"

    def __init__(self, item_type: click.ParamType[Any] | type = click.STRING) -> None:
        self.item_type = click.types.convert_type(item_type)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> list[Any]:
        if isinstance(value, list):
            return value
        parts = [part.strip() for part in str(value).split(",")]
        return [self.item_type.convert(part, param, ctx) for part in parts if part]

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"{self.item_type.name.upper()}[,...]"


class JsonValue(click.ParamType[Any]):
    """A JSON option value. `expect="object"` insists on a JSON object; `plain_string` lets a value that
    is not JSON through as a string (for unions with a string variant, e.g. ``--loop infinity``)."""

    name = "json"

    def __init__(self, expect: str | None = None, *, plain_string: bool = False) -> None:
        self.expect = expect
        self.plain_string = plain_string

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as exc:
            if self.plain_string:
                return value
            self.fail(f"not valid JSON ({exc.msg} at character {exc.pos}): {_shown(value)}", param, ctx)
        except RecursionError:
            self.fail(f"JSON nested deeper than {MAX_JSON_DEPTH} levels: {_shown(value)}", param, ctx)
        except ValueError as exc:  # e.g. an integer past Python's limit of 4,300 digits
            self.fail(f"not usable JSON ({exc})", param, ctx)
        if _depth_exceeds(parsed, MAX_JSON_DEPTH):
            self.fail(f"JSON nested deeper than {MAX_JSON_DEPTH} levels: {_shown(value)}", param, ctx)
        if self.expect == "object" and not isinstance(parsed, Mapping):
            self.fail(f'expected a JSON object such as \'{{"key": "value"}}\', got {_shown(value)}', param, ctx)
        return parsed

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "JSON"


MAX_JSON_DEPTH = 32
"""No option of the API nests anywhere near this; deeper input would only reach a RecursionError in the SDK."""


def _depth_exceeds(value: Any, limit: int) -> bool:
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def _shown(text: str) -> str:
    """A value quoted in an error line, cut short: the line must stay readable."""
    return repr(text) if len(text) <= 80 else repr(text[:80]) + f"... ({len(text)} characters)"


def join_lists(ctx: click.Context, param: click.Parameter, value: Sequence[list[Any]] | None) -> list[Any] | None:
    """Option callback for `CommaList` options: all occurrences as one list, or None when none was given."""
    items = [item for occurrence in value or () for item in occurrence]
    return items or None


def collect(ctx: click.Context, param: click.Parameter, value: Sequence[Any] | None) -> list[Any] | None:
    """Option callback for repeatable JSON options: the values as a list, or None when none was given."""
    return list(value) if value else None


def sent(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options the user gave: None means "not given", and the facade then leaves the field out."""
    return {name: value for name, value in options.items() if value is not None}
