"""Argument checks and JSON conversion shared by the generated facades (run before any request)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._exceptions import InvalidArgumentError
from ._types import Omit, isoformat_of, omit


def check_id(name: str, value: object) -> str:
    """A path id must be a non-empty string: an empty one would silently hit a different URL."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return value


def check_required(name: str, value: object) -> None:
    if value is None or isinstance(value, Omit):
        raise InvalidArgumentError(f"Missing required argument `{name}`")


def check_enum(name: str, value: object, allowed: tuple[Any, ...]) -> None:
    """Reject a value outside the spec's enum before it reaches Telnyx (a typo is a 422 otherwise); `omit` passes."""
    if isinstance(value, Omit):
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            check_enum(name, item, allowed)
        return
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise InvalidArgumentError(f"Invalid value for `{name}`: {value!r}; expected one of {choices}")


def check_length(name: str, value: object, min_length: int | None, max_length: int | None) -> None:
    """Honour the spec's minLength/maxLength on a string (an empty queue name would create a queue named "")."""
    if not isinstance(value, str):
        return
    if min_length is not None and len(value) < min_length:
        least = "a non-empty value" if min_length == 1 else f"at least {min_length} characters"
        raise InvalidArgumentError(f"Expected {least} for `{name}` but received {value!r}")
    if max_length is not None and len(value) > max_length:
        raise InvalidArgumentError(f"Expected at most {max_length} characters for `{name}` but received {len(value)}")


def to_json(value: Any) -> Any:
    """Turn models, datetimes and containers given by the caller into JSON-ready values."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if type(value) is dict:  # a facade's body, every call: no `to_dict` to look for
        return {str(k): to_json(v) for k, v in value.items() if v is not omit}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    iso = isoformat_of(value)
    if iso is not None:
        return iso
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items() if v is not omit}  # `omit` is a singleton
    if isinstance(value, Iterable):
        return [to_json(v) for v in value]
    return value
