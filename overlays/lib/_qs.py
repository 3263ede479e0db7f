"""Query strings in Telnyx's wire form: deepObject parameters like `page[number]=2`, `filter[a][gte]=x`."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ._types import Omit, isoformat_of, omit

__all__ = ["build_query", "deep_object", "encode_query", "encode_segment", "extra_query_pairs", "to_query_value"]


def deep_object(name: str, value: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Flatten one deepObject parameter: `deep_object("page", {"number": 2})` -> `[("page[number]", "2")]`.

    Nested mappings nest their brackets, lists repeat the key, booleans are `true`/`false`, and
    None/omit values are dropped. An object with `to_dict()` (a generated model) is flattened as its dict.
    """
    pairs: list[tuple[str, str]] = []
    _flatten(name, value, pairs)
    return pairs


def build_query(params: Mapping[str, Any], deep: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Turn keyword parameters into wire pairs; the names in `deep` are deepObject parameters.

    Plain parameters (strings, numbers, booleans, enums, dates) pass through as one pair each, a list
    as repeated pairs; None and omit are dropped.
    """
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        if value is None or value is omit:  # most parameters of most calls: checked first, inline
            continue
        if name in deep:
            _flatten(name, value, pairs)
            continue
        if isinstance(value, list | tuple):
            pairs.extend((name, to_query_value(item)) for item in value if not _is_missing(item))
        elif isinstance(value, Mapping) or hasattr(value, "to_dict"):
            raise TypeError(f"query parameter {name!r} is an object but is not declared deepObject")
        else:
            pairs.append((name, to_query_value(value)))
    return pairs


def extra_query_pairs(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Wire pairs for a caller's `extra_query`, where any mapping value is taken as a deepObject parameter."""
    return build_query(params, frozenset(name for name, value in params.items() if isinstance(value, Mapping)))


def encode_query(pairs: Iterable[tuple[str, str]]) -> str:
    """Percent-encode pairs into `a=1&b=2`, leaving the brackets of deepObject keys readable."""
    return "&".join(f"{_quote_key(key)}={_quote_value(value)}" for key, value in pairs)


@lru_cache(maxsize=1024)
def encode_segment(value: str) -> str:
    """A path id percent-encoded as `urllib.parse.quote(value, safe="")` does it.

    Every facade call encodes one, and ids repeat (a call leg or a conference gets action after action), so the
    last thousand are remembered.
    """
    return _quote_value(value)


# Most keys and values need no escaping; checking first is several times cheaper than quote() (per-call cost).
_plain_key = re.compile(r"[A-Za-z0-9_.~\-\[\]]*").fullmatch
_plain_value = re.compile(r"[A-Za-z0-9_.~\-]*").fullmatch
_plain_but_colons = re.compile(r"[A-Za-z0-9_.~\-:]*").fullmatch
"""Call control ids (`v3:...`): a colon is their one character to escape, and quote() would take ten times longer."""


def _quote_key(key: str) -> str:
    return key if _plain_key(key) else _quote(key, "[]")


def _quote_value(value: str) -> str:
    if _plain_value(value):
        return value
    if _plain_but_colons(value):
        return value.replace(":", "%3A")
    return _quote(value, "")


def _quote(text: str, safe: str) -> str:
    from urllib.parse import quote  # not in the cold start: most keys and values take the fast paths above

    return quote(text, safe=safe)


def to_query_value(value: object) -> str:
    """The wire text of one scalar: `true`/`false`, enum values, ISO dates, else `str()`."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return to_query_value(value.value)
    return isoformat_of(value, times=True) or str(value)


def _flatten(key: str, value: object, pairs: list[tuple[str, str]]) -> None:
    if _is_missing(value):
        return
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and not isinstance(value, Mapping):
        value = to_dict()
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            _flatten(f"{key}[{sub_key}]", sub_value, pairs)
    elif isinstance(value, list | tuple):
        for item in value:
            _flatten(key, item, pairs)
    else:
        pairs.append((key, to_query_value(value)))


def _is_missing(value: object) -> bool:
    return value is None or isinstance(value, Omit)
