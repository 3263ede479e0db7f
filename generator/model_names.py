"""The normalize rule ``unique_model_names``, and the engine's way of naming classes it mirrors.

openapi-python-client makes a class of every object schema and every enum, in one namespace:
a titled schema is named by its title; an untitled one by the class that holds it plus its
property name (items of an array add ``_item``, union variants ``_type_<n>`` or their title);
an enum always by its holder plus its title or name. A second schema that lands on a taken name
is dropped with only a warning, and with it every operation that uses it (two "Pause Recording
Request" schemas once cost the ``record_resume`` operation). This rule walks the document the
way the engine will and gives each such schema a title of its own before the engine sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .engine import class_name, pascal_case


def _title(schema: dict[str, Any]) -> str | None:
    title = schema.get("title")
    return title if isinstance(title, str) and title.strip() else None


def title_from_key(key: str) -> str:
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", key)) or key


def _numbered(base: str) -> Iterator[str]:
    yield base
    for number in range(2, 100_000):
        yield f"{base} {number}"


def _is_enum(node: dict[str, Any]) -> bool:
    return isinstance(node.get("enum"), list) and "$ref" not in node


def _is_model(node: dict[str, Any]) -> bool:
    """Whether the engine makes a model class of this schema (an object with fields, or a composition)."""
    return (
        "$ref" not in node
        and not _is_enum(node)
        and (node.get("type") == "object" or "properties" in node or "allOf" in node)
    )


@dataclass
class _Names:
    """Class names claimed so far: name -> the node that owns it (and an enum's values)."""

    owners: dict[str, int] = field(default_factory=dict)
    enum_values: dict[str, frozenset[Any]] = field(default_factory=dict)
    components: dict[str, str] = field(default_factory=dict)  # class name -> component key
    changes: list[str] = field(default_factory=list)

    def free(self, name: str, node: dict[str, Any]) -> bool:
        return self.owners.get(name) in (None, id(node))

    def claim(self, name: str, node: dict[str, Any]) -> None:
        self.owners[name] = id(node)

    def unused_title(self, base: str, *, prefix: str = "") -> str:
        return next(t for t in _numbered(base) if class_name(prefix + pascal_case(t)) not in self.owners)


def _nested_name(name: str, parent: str | None) -> str:
    return class_name(f"{pascal_case(parent)}{pascal_case(name)}" if parent else name)


def _visit(node: Any, name: str, parent: str | None, where: str, names: _Names, schemas: dict[str, Any]) -> None:
    """Claim the class names a schema and what it nests would get, retitling any that is taken."""
    if not isinstance(node, dict) or "$ref" in node:
        return
    title = _title(node)
    if _is_enum(node):
        values = frozenset(v for v in node["enum"] if isinstance(v, (str, int, float, bool)))
        enum_name = _nested_name(title or name, parent)
        if enum_name in names.enum_values and names.enum_values[enum_name] != values:
            new = names.unused_title(title or name, prefix=pascal_case(parent) if parent else "")
            node["title"] = new
            names.changes.append(f"{where}: enum {enum_name} is taken by other values; titled {new!r}")
            enum_name = _nested_name(new, parent)
        names.enum_values[enum_name] = values
        names.claim(enum_name, node)
        return
    model_name = None
    if _is_model(node):
        model_name = _claim_model(
            node, class_name(title) if title else _nested_name(name, parent), where, names, schemas
        )
        if model_name is None:
            return  # now a reference to the equal component
    _visit_members(node, name, parent, model_name, where, names, schemas)


def _claim_model(
    node: dict[str, Any], model_name: str, where: str, names: _Names, schemas: dict[str, Any]
) -> str | None:
    """Claim `model_name` for a model schema: share the equal component that owns it, else retitle.

    Returns the class name the schema ends up with, or None when it became a reference.
    """
    if not names.free(model_name, node):
        key = names.components.get(model_name)
        if key is not None and schemas.get(key) == node and where != f"#/components/schemas/{key}":
            node.clear()
            node["$ref"] = f"#/components/schemas/{key}"
            names.changes.append(f"{where}: equal to #/components/schemas/{key}; now a reference to it")
            return None
        new = names.unused_title(_title(node) or model_name)
        node["title"] = new
        names.changes.append(f"{where}: class name {model_name} is taken; titled {new!r}")
        model_name = class_name(new)
    names.claim(model_name, node)
    return model_name


def _visit_members(
    node: dict[str, Any],
    name: str,
    parent: str | None,
    model_name: str | None,
    where: str,
    names: _Names,
    schemas: dict[str, Any],
) -> None:
    """Visit what a schema nests, named as the engine names it: fields and extra properties under
    `model_name` (when the schema is a model), array items and union variants under `parent`."""
    if model_name is not None:
        parts = [node] + [p for p in node.get("allOf") or [] if isinstance(p, dict) and "$ref" not in p]
        for part in parts:
            for prop, sub in (part.get("properties") or {}).items():
                _visit(sub, str(prop), model_name, f"{where}/properties/{prop}", names, schemas)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            _visit(extra, "AdditionalProperty", model_name, f"{where}/additionalProperties", names, schemas)
    if isinstance(node.get("items"), dict):
        _visit(node["items"], f"{name}_item", parent, f"{where}/items", names, schemas)
    for combinator in ("anyOf", "oneOf"):
        for index, variant in enumerate(node.get(combinator) or []):
            if isinstance(variant, dict):
                own = _title(variant)
                subscript = own if own and own != _title(node) else f"type_{index}"
                _visit(variant, f"{name}_{subscript}", parent, f"{where}/{combinator}/{index}", names, schemas)


def _titled_inline(root: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Titled model schemas written inline in operations and webhooks (named by title alone)."""
    stack: list[tuple[str, Any]] = [(where, root)]
    while stack:
        at, item = stack.pop()
        if isinstance(item, dict):
            if _title(item) and _is_model(item):
                yield at, item
            stack.extend((f"{at}/{k}", v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((f"{at}/{i}", v) for i, v in reversed(list(enumerate(item))))


def unique_model_names(doc: dict[str, Any]) -> list[str]:
    """Give every schema the engine makes a class of a class name of its own.

    A component whose key is its class name keeps it; the others follow in document order, and
    one whose name is taken is retitled from its key, numbered if that is taken too. Schemas
    nested in components follow, named as the engine will name them: one equal to the component
    that owns its name becomes a reference to it, a different one (or an enum with other values)
    is titled apart. Titled schemas written inline in operations and webhooks come last.
    """
    schemas = (doc.get("components") or {}).get("schemas") or {}
    names = _Names()
    keys = [k for k, v in schemas.items() if isinstance(v, dict)]
    # A component whose key is its class name has the strongest claim to it; then document order.
    for key in sorted(keys, key=lambda k: class_name(k) != class_name(_title(schemas[k]) or k)):
        schema = schemas[key]
        name = class_name(_title(schema) or key)
        if not names.free(name, schema):
            new = names.unused_title(title_from_key(key))
            schema["title"] = new
            names.changes.append(f"#/components/schemas/{key}: class name {name} is taken; titled {new!r}")
            name = class_name(new)
        names.claim(name, schema)
        names.components[name] = key
        if _is_enum(schema):
            names.enum_values[name] = frozenset(v for v in schema["enum"] if isinstance(v, (str, int, float, bool)))
    for key in keys:
        schema = schemas[key]
        model_name = class_name(_title(schema) or key) if _is_model(schema) else None
        _visit_members(schema, key, None, model_name, f"#/components/schemas/{key}", names, schemas)
    for root_where, root in (("#/paths", doc.get("paths") or {}), ("#/webhooks", doc.get("webhooks") or {})):
        for where, node in _titled_inline(root, root_where):
            title = _title(node)
            if title is not None and _is_model(node):
                _claim_model(node, class_name(title), where, names, schemas)
    return names.changes
