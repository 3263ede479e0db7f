"""Small shared types: the `omit` sentinel and the per-call `RequestOptions`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias, TypedDict, TypeVar

if TYPE_CHECKING:  # keep httpx out of light imports such as the CLI's --help
    import httpx

__all__ = [
    "Body",
    "Headers",
    "Omit",
    "Omittable",
    "Query",
    "QueryPairs",
    "RequestOptions",
    "Timeout",
    "omit",
]

_T = TypeVar("_T")


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

Omittable: TypeAlias = _T | Omit
"""`Omittable[int]` is "an int, or `omit` when not given"."""

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
QueryPairs: TypeAlias = Sequence[tuple[str, str]]
Timeout: TypeAlias = "float | httpx.Timeout"


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every request; any key may be left out."""

    extra_headers: Headers
    """Sent in addition to (and over) the client's headers."""
    extra_query: Query
    """Appended to the query string; mapping values are sent in deepObject form."""
    extra_body: Body
    """Merged over the JSON body."""
    timeout: Timeout
    """Replaces the client's timeout for this call (each attempt)."""
    max_retries: int
    """Replaces the client's retry count for this call."""
