"""Type mapping: what a parameter or event field is, as one small class per kind of the engine's property.

A kind carries everything the templates print for a value of it, so they branch on no kind names:
the facade annotation, the annotation of a parsed event field and the `webhooks/_convert` reader
that checks it, the click type of one value on the command line (and, for lists, whether one option
takes a comma-separated string), and the facts the facade checks before sending (enum values, a
string's length bounds). ``name`` is the one word tests and summaries use ("string", "array"...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine import property_kind

__all__ = [
    "AnyKind",
    "ArrayKind",
    "BooleanKind",
    "DateKind",
    "DateTimeKind",
    "EnumKind",
    "FileKind",
    "IntegerKind",
    "Kind",
    "NumberKind",
    "ObjectKind",
    "StringKind",
    "UnionKind",
    "enum_values",
    "kind_of",
]


@dataclass(frozen=True)
class Kind:
    """A value the spec types loosely: any JSON. Subclasses override what differs."""

    name: ClassVar[str] = "any"
    hint: ClassVar[str] = "Any"  # the facade annotation (without "| Omit")
    click: ClassVar[str] = "click.STRING"  # the click type of one value
    converter: ClassVar[str | None] = None  # the events module's reader (None: the value as it came)
    parsed: ClassVar[str | None] = None  # what the reader returns, when it is not `hint` (a date, a dict)
    scalar: ClassVar[bool] = True  # one command-line word is one value (else the word is JSON)
    cli_flag: ClassVar[bool] = False  # a `--x/--no-x` switch

    @property
    def event_hint(self) -> str:
        """The annotation of a parsed event field (what the converter returns)."""
        return self.parsed or self.hint

    @property
    def enum(self) -> tuple[Any, ...]:
        """The values the facade accepts (of each item, for a list), in spec order; () for any."""
        return ()

    @property
    def item(self) -> Kind | None:
        """The kind of each item of a list."""
        return None

    @property
    def min_length(self) -> int | None:
        return None

    @property
    def max_length(self) -> int | None:
        return None

    @property
    def checks_length(self) -> bool:
        """Whether the facade checks the value's length before sending (a string with spec bounds)."""
        return self.min_length is not None or self.max_length is not None

    @property
    def cli_type(self) -> str:
        """The click type of the option: one value's, or for a list of scalars a comma-splitting one."""
        return self.click

    @property
    def cli_callback(self) -> str | None:
        """How repeated options become the value (`collect`, `join_lists`); None for a single value."""
        return None

    @property
    def cli_note(self) -> str | None:
        return None


@dataclass(frozen=True)
class StringKind(Kind):
    name: ClassVar[str] = "string"
    hint: ClassVar[str] = "str"
    converter: ClassVar[str | None] = "_string"
    bounds: tuple[int | None, int | None] = (None, None)  # the spec's minLength, maxLength

    @property
    def min_length(self) -> int | None:
        return self.bounds[0]

    @property
    def max_length(self) -> int | None:
        return self.bounds[1]


@dataclass(frozen=True)
class DateTimeKind(Kind):
    name: ClassVar[str] = "datetime"
    hint: ClassVar[str] = "datetime.datetime | str"
    converter: ClassVar[str | None] = "_date_time"
    parsed: ClassVar[str | None] = "datetime.datetime"


@dataclass(frozen=True)
class DateKind(Kind):
    name: ClassVar[str] = "date"
    hint: ClassVar[str] = "datetime.date | str"
    converter: ClassVar[str | None] = "_date"
    parsed: ClassVar[str | None] = "datetime.date"


@dataclass(frozen=True)
class IntegerKind(Kind):
    name: ClassVar[str] = "integer"
    hint: ClassVar[str] = "int"
    click: ClassVar[str] = "click.INT"
    converter: ClassVar[str | None] = "_integer"


@dataclass(frozen=True)
class NumberKind(Kind):
    name: ClassVar[str] = "number"
    hint: ClassVar[str] = "float"
    click: ClassVar[str] = "click.FLOAT"
    converter: ClassVar[str | None] = "_number"


@dataclass(frozen=True)
class BooleanKind(Kind):
    name: ClassVar[str] = "boolean"
    hint: ClassVar[str] = "bool"
    click: ClassVar[str] = "click.BOOL"
    converter: ClassVar[str | None] = "_boolean"
    cli_flag: ClassVar[bool] = True


@dataclass(frozen=True)
class FileKind(Kind):
    name: ClassVar[str] = "file"
    hint: ClassVar[str] = "bytes | IO[bytes] | tuple[str, bytes]"


@dataclass(frozen=True)
class EnumKind(Kind):
    name: ClassVar[str] = "enum"
    converter: ClassVar[str | None] = "_enum"
    values: tuple[Any, ...] = ()

    @property
    def hint(self) -> str:  # type: ignore[override]
        return "Literal[" + ", ".join(repr(v) for v in self.values) + "]"

    @property
    def click(self) -> str:  # type: ignore[override]
        return f"SpecChoice({self.values!r})"

    @property
    def enum(self) -> tuple[Any, ...]:
        return self.values


@dataclass(frozen=True)
class ObjectKind(Kind):
    name: ClassVar[str] = "object"
    hint: ClassVar[str] = "Mapping[str, Any]"
    click: ClassVar[str] = 'JsonValue("object")'
    converter: ClassVar[str | None] = "_mapping"
    parsed: ClassVar[str | None] = "dict[str, Any]"
    scalar: ClassVar[bool] = False


@dataclass(frozen=True)
class AnyKind(Kind):
    """Any JSON value; ``plain_string``: a word that is not JSON is taken as a string (a string variant)."""

    scalar: ClassVar[bool] = False
    plain_string: bool = False

    @property
    def click(self) -> str:  # type: ignore[override]
        return f"JsonValue(plain_string={self.plain_string})"


@dataclass(frozen=True)
class UnionKind(AnyKind):
    name: ClassVar[str] = "union"


@dataclass(frozen=True)
class ArrayKind(Kind):
    name: ClassVar[str] = "array"
    click: ClassVar[str] = "JsonValue(plain_string=False)"  # a list inside a list: given as JSON
    converter: ClassVar[str | None] = "_array"
    scalar: ClassVar[bool] = False
    items: Kind = Kind()

    @property
    def hint(self) -> str:  # type: ignore[override]
        return f"SequenceNotStr[{self.items.hint}]"

    @property
    def event_hint(self) -> str:
        return f"list[{self.items.event_hint}]"

    @property
    def enum(self) -> tuple[Any, ...]:
        return self.items.enum

    @property
    def item(self) -> Kind:
        return self.items

    @property
    def comma_list(self) -> bool:
        """One option may hold several items, comma-separated (items that are single words)."""
        return self.items.scalar

    @property
    def cli_type(self) -> str:
        return f"CommaList({self.items.click})" if self.comma_list else self.items.click

    @property
    def cli_callback(self) -> str:
        return "join_lists" if self.comma_list else "collect"

    @property
    def cli_note(self) -> str:
        return (
            "Repeat the option or give a comma-separated list."
            if self.comma_list
            else "Repeat the option for each item."
        )


def enum_values(schema: dict[str, Any]) -> tuple[Any, ...]:
    """A schema's enum values in spec order (also of an enum variant of a nullable anyOf), None left out."""
    values = schema.get("enum")
    if values is None:
        for variant in schema.get("anyOf") or schema.get("oneOf") or []:
            if isinstance(variant, dict) and variant.get("enum"):
                values = variant["enum"]
    return tuple(v for v in values or () if v is not None)


_PLAIN: dict[str, type[Kind]] = {
    "datetime": DateTimeKind,
    "date": DateKind,
    "integer": IntegerKind,
    "number": NumberKind,
    "boolean": BooleanKind,
    "object": ObjectKind,
    "file": FileKind,
}


def _has_string_variant(schema: dict[str, Any]) -> bool:
    variants = schema.get("oneOf") or schema.get("anyOf") or []
    return any(isinstance(v, dict) and v.get("type") == "string" for v in variants)


def kind_of(prop: Any, schema: dict[str, Any]) -> Kind:
    """The kind of an engine property, with the facts its (dereferenced) spec schema adds."""
    word = property_kind(prop)
    if word == "enum":
        return EnumKind(enum_values(schema) or tuple(sorted(prop.values, key=str)))
    if word == "array":
        items = schema.get("items")
        return ArrayKind(kind_of(prop.inner_property, items if isinstance(items, dict) else {}))
    if word == "string":
        return StringKind((schema.get("minLength"), schema.get("maxLength")))
    if word == "union":
        return UnionKind(_has_string_variant(schema))
    if word == "any":
        return AnyKind(_has_string_variant(schema))
    return _PLAIN[word]()
