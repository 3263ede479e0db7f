"""Typed reads of JSON object fields, called field by field by the generated `events` module.

Each reader takes the decoded object, the field's key and `owner` (a constant such as
``"call.enqueued payload"``, used in error messages), and returns the value converted, or None
when the field is absent or null; `required` turns that None into an error. They raise only
`InvalidPayloadError`. Enum values are kept as received, so values Telnyx adds later still parse.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from ._errors import InvalidPayloadError

__all__ = [
    "array",
    "boolean",
    "date",
    "date_time",
    "enum",
    "integer",
    "json_type",
    "mapping",
    "number",
    "payload_object",
    "required",
    "string",
]

_T = TypeVar("_T")

_JSON_NAMES: dict[type, str] = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
}


def json_type(value: object) -> str:
    """Name the JSON type of a decoded value, for error messages."""
    return _JSON_NAMES.get(type(value)) or ("null" if value is None else type(value).__name__)


def _wrong(owner: str, key: str, expected: str, value: object) -> InvalidPayloadError:
    return InvalidPayloadError(f"{owner}.{key}: expected {expected}, got {json_type(value)}")


def required(value: _T | None, key: str, owner: str) -> _T:
    """Return `value` read by one of the readers below, or raise if the field was absent or null."""
    if value is None:
        raise InvalidPayloadError(f"{owner}: required field {key!r} is missing")
    return value


def string(data: dict[str, Any], key: str, owner: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _wrong(owner, key, "a string", value)


def integer(data: dict[str, Any], key: str, owner: str) -> int | None:
    value = data.get(key)
    if value is None or (type(value) is int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 5.0 from an encoder that writes every number as a float
    raise _wrong(owner, key, "an integer", value)


def number(data: dict[str, Any], key: str, owner: str) -> float | None:
    value = data.get(key)
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise _wrong(owner, key, "a number", value)


def boolean(data: dict[str, Any], key: str, owner: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise _wrong(owner, key, "a boolean", value)


def enum(data: dict[str, Any], key: str, owner: str) -> Any:
    """Keep any scalar: an enum value this SDK does not list yet is not an error."""
    value = data.get(key)
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise _wrong(owner, key, "an enum value (a string)", value)


def date_time(data: dict[str, Any], key: str, owner: str) -> datetime.datetime | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(owner, key, "an ISO 8601 date-time string", value)


def date(data: dict[str, Any], key: str, owner: str) -> datetime.date | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(owner, key, "an ISO 8601 date string", value)


def array(data: dict[str, Any], key: str, owner: str) -> list[Any] | None:
    value = data.get(key)
    if value is None or isinstance(value, list):
        return value
    raise _wrong(owner, key, "an array", value)


def mapping(data: dict[str, Any], key: str, owner: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None or isinstance(value, dict):
        return value
    raise _wrong(owner, key, "an object", value)


def payload_object(data: dict[str, Any], owner: str) -> dict[str, Any]:
    """The event's `payload`: an object; absent or null reads as an empty object."""
    value = mapping(data, "payload", owner)
    return {} if value is None else value
