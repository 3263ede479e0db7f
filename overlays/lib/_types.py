"""Small shared types: the `omit` sentinel, `SequenceNotStr` and the per-call `RequestOptions`."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Protocol, SupportsIndex, TypeAlias, TypedDict, TypeVar, Union, overload

if TYPE_CHECKING:  # keep httpx out of light imports such as the CLI's --help
    import httpx

__all__ = [
    "Body",
    "Headers",
    "NotGiven",
    "Omit",
    "Omittable",
    "Query",
    "QueryPairs",
    "RequestOptions",
    "SequenceNotStr",
    "Timeout",
    "isoformat_of",
    "not_given",
    "omit",
]

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


class Omit:
    """Marks an argument the caller did not pass, distinct from an explicit `None` (JSON null).

    There is one instance, `omit`; it is falsy so `if value:` treats it like "nothing".
    """

    _instance: Omit | None = None

    def __new__(cls) -> Omit:
        # A singleton, so identity checks (`value is omit`) stay valid after copies.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "omit"

    def __copy__(self) -> Omit:
        return self

    def __deepcopy__(self, memo: object) -> Omit:
        return self


omit: Final = Omit()

NotGiven = Omit
"""The official SDK's name for the sentinel of `timeout=`; here the same class as `Omit`."""
not_given: Final = omit

Omittable: TypeAlias = _T | Omit
"""`Omittable[int]` is "an int, or `omit` when not given"."""

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
QueryPairs: TypeAlias = Sequence[tuple[str, str]]
Timeout: TypeAlias = Union[float, "httpx.Timeout"]  # a Union, so `Timeout | None` also works at run time


class SequenceNotStr(Protocol[_T_co]):
    """A sequence that is not a `str`: what list parameters accept (`["v3:a"]`, a tuple), so that the type
    checker refuses `call_control_ids="v3:a"`, which `Sequence[str]` would let through.

    A `str` fails to match because its `__contains__` takes only `str`, where this protocol takes any object.
    """

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> SequenceNotStr[_T_co]: ...
    def __contains__(self, value: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T_co]: ...
    def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
    def count(self, value: Any, /) -> int: ...
    def __reversed__(self) -> Iterator[_T_co]: ...


def isoformat_of(value: object, *, times: bool = False) -> str | None:
    """The ISO text of a date or datetime (with `times`, of a time too); None for any other value.

    While `datetime` is not imported no value can be one, so `import telnyx_conferencing` need not import it.
    """
    datetime: Any = sys.modules.get("datetime")
    if datetime is None:
        return None
    kinds = (datetime.date, datetime.time) if times else datetime.date  # a datetime is a date
    return str(value.isoformat()) if isinstance(value, kinds) else None


class RequestOptions(TypedDict, total=False):
    """The per-call overrides a request carries inside the SDK (the facades take them as keyword arguments)."""

    extra_headers: Headers
    """Sent in addition to (and over) the client's headers."""
    extra_query: Query
    """Appended to the query string; mapping values are sent in deepObject form."""
    extra_body: Body
    """Merged over the JSON body."""
    timeout: Timeout | None
    """Replaces the client's timeout for this call (each attempt); None means no timeout."""
