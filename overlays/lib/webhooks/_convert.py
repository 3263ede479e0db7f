"""Checks and conversions of JSON values, called field by field by the generated `events` module.

Each takes the value (never None: callers map absence to None first) and `where`, a constant such
as ``"conference.created payload.current_position"`` used in the error message. They raise only
`InvalidPayloadError`. Enum values are kept as received, so values added by Telnyx later parse.
"""

from __future__ import annotations

import datetime
from typing import Any

from ._errors import InvalidPayloadError

__all__ = [
    "array",
    "boolean",
    "date",
    "date_time",
    "enum",
    "integer",
    "mapping",
    "number",
    "payload_object",
    "required",
    "string",
]

_JSON_NAMES: dict[type, str] = {
    type(None): "null",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
}


def json_type(value: object) -> str:
    """Name the JSON type of a decoded value, for error messages."""
    return _JSON_NAMES.get(type(value)) or type(value).__name__


def _wrong(where: str, expected: str, value: object) -> InvalidPayloadError:
    return InvalidPayloadError(f"{where}: expected {expected}, got {json_type(value)}")


def required(data: dict[str, Any], key: str, where: str) -> Any:
    """Return `data[key]`, or raise if it is absent or null."""
    value = data.get(key)
    if value is None:
        raise InvalidPayloadError(f"{where}: required field {key!r} is missing")
    return value


def string(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise _wrong(where, "a string", value)


def integer(value: Any, where: str) -> int:
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 5.0 from a JSON encoder that writes every number as a float
    raise _wrong(where, "an integer", value)


def number(value: Any, where: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise _wrong(where, "a number", value)


def boolean(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise _wrong(where, "a boolean", value)


def enum(value: Any, where: str) -> Any:
    """Keep any scalar: an enum value this SDK does not list yet is not an error."""
    if isinstance(value, (str, int, float)):
        return value
    raise _wrong(where, "an enum value (a string)", value)


def date_time(value: Any, where: str) -> datetime.datetime:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(where, "an ISO 8601 date-time string", value)


def date(value: Any, where: str) -> datetime.date:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(where, "an ISO 8601 date string", value)


def array(value: Any, where: str) -> list[Any]:
    if isinstance(value, list):
        return value
    raise _wrong(where, "an array", value)


def mapping(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise _wrong(where, "an object", value)


def payload_object(value: Any, where: str) -> dict[str, Any]:
    """The event's `payload`: an object, or absent/null (read as an empty object)."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    raise _wrong(where, "an object", value)
