"""The Python code of each model field, for the engine's model template (``overlays/engine/model.py.jinja``).

``from_dict`` is straight-line: each field is read from the JSON object with the one conversion its
type needs written in place (``parse_datetime(v)``, that is ``datetime.datetime.fromisoformat``;
``_models.ConferenceEndedBy.from_dict(v)``; nothing for a string or an enum), so parsing a page of models
costs little more than decoding it. Only a union whose variants convert differently gets a helper
function: its variant is known at run time alone.
An optional field is typed ``X | None``; absent and null both read as None, and the model remembers
which optional fields were null so that ``to_dict`` sends exactly what it was given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .engine import text, value_kind

__all__ = ["TEMPLATE_GLOBALS", "annotation", "converts", "dump", "nullable", "parse", "union_helpers", "wire"]

_ERRORS = "(TypeError, ValueError, AttributeError, KeyError)"


def wire(prop: Any) -> str:
    """The field's JSON key as a Python string literal."""
    return json.dumps(text(prop.name))


def nullable(prop: Any) -> bool:
    """Whether the spec allows null here (a union with a null variant)."""
    return value_kind(prop) == "union" and any(value_kind(p) == "none" for p in prop.inner_properties)


def annotation(prop: Any) -> str:
    """The attribute's type: the spec's type, `| None` when the field is optional; never the engine's `Unset`."""
    base = str(prop.get_type_string(no_optional=True).as_unembedded_code())
    return base if prop.required or nullable(prop) else f"{base} | None"


def _variants(prop: Any) -> list[Any]:
    return [p for p in prop.inner_properties if value_kind(p) != "none"]


@dataclass(frozen=True)
class _Conversion:
    """How a scalar kind travels: the expressions (``{}`` is the value) that read it from JSON and write it back."""

    parse: str
    dump: str


# Kinds that are not listed (strings, numbers, booleans, enums, any) are kept as JSON has them.
_SCALARS = {
    "datetime": _Conversion("parse_datetime({})", "isoformat({})"),  # written as Telnyx spells it: `Z`, milliseconds
    "date": _Conversion("parse_date({})", "{}.isoformat()"),
    "uuid": _Conversion("UUID({})", "str({})"),
}


def parse(prop: Any, source: str, name: str = "", depth: int = 0) -> str:
    """An expression turning the JSON value `source` (known not to be null) into the field's Python value.

    `name` names the union helpers (``_parse_<name>``) a union inside this field uses.
    """
    kind = value_kind(prop)
    if kind in _SCALARS:
        return _SCALARS[kind].parse.format(source)
    if kind == "object":
        return f"_models.{prop.class_info.name}.from_dict({source})"
    if kind == "array":
        return _each(source, depth, parse(prop.inner_property, f"x{depth}", f"{name}_item", depth + 1))
    if kind == "union" and _union_converts(prop):
        return f"_parse_{name}({source})"
    return source


def dump(prop: Any, source: str, depth: int = 0) -> str:
    """An expression turning the field's Python value `source` (not None) into JSON."""
    kind = value_kind(prop)
    if kind in _SCALARS:
        return _SCALARS[kind].dump.format(source)
    if kind == "object":
        return f"{source}.to_dict()"
    if kind == "array":
        return _each(source, depth, dump(prop.inner_property, f"x{depth}", depth + 1))
    if kind == "union" and _union_converts(prop):
        return f"json_value({source})"  # whichever variant it holds
    return source


def _each(source: str, depth: int, inner: str) -> str:
    """A list of `source` with `inner` applied to each item (named ``x<depth>``); `source` itself when nothing is."""
    item = f"x{depth}"
    return source if inner == item else f"[{inner} for {item} in {source}]"


def _union_converts(prop: Any) -> bool:
    return any(converts(v) for v in _variants(prop))


def converts(prop: Any) -> bool:
    """Whether the JSON value needs converting (a string, number, boolean or enum value is kept as it is)."""
    return parse(prop, "v", "x") != "v"


_CHECKS = {"object": "isinstance(data, dict)", "array": "isinstance(data, list)"}


def _union_parser(prop: Any, name: str) -> str:
    """A module-level function that tries the union's converting variants in order, as the engine does.

    A value none of them takes is kept as it is when the union also has a plain variant (a string, a
    number); otherwise the last variant's error stands, so a body of the wrong shape is an error.
    """
    variants = _variants(prop)
    converting = [(i, v) for i, v in enumerate(variants) if converts(v)]
    plain = len(converting) < len(variants)
    lines = [f"def _parse_{name}(data: Any) -> Any:"]
    for position, (index, variant) in enumerate(converting):
        expression = parse(variant, "data", f"{name}_{index}")
        if position == len(converting) - 1 and not plain:
            lines.append(f"    return {expression}")
            break
        check = _CHECKS.get(value_kind(variant), "isinstance(data, str)" if value_kind(variant) != "union" else "True")
        lines += [
            f"    if {check}:",
            "        try:",
            f"            return {expression}",
            f"        except {_ERRORS}:",
            "            pass",
        ]
    if plain:
        lines.append("    return data")
    return "\n".join(lines)


def union_helpers(model: Any) -> list[str]:
    """The code of every union parser the model's fields (and its additional properties) use."""
    found: list[str] = []

    def visit(prop: Any, name: str) -> None:
        kind = value_kind(prop)
        if kind == "array":
            visit(prop.inner_property, f"{name}_item")
        elif kind == "union" and _union_converts(prop):
            found.append(_union_parser(prop, name))
            for index, variant in enumerate(_variants(prop)):
                visit(variant, f"{name}_{index}")

    for prop in (model.required_properties or []) + (model.optional_properties or []):
        visit(prop, str(prop.python_name))
    extra = model.additional_properties
    if extra not in (None, True, False):
        visit(extra, "additional_property")
    return found


TEMPLATE_GLOBALS = {
    "field_annotation": annotation,
    "field_converts": converts,
    "field_dump": dump,
    "field_nullable": nullable,
    "field_parse": parse,
    "field_wire": wire,
    "union_helpers": union_helpers,
}
