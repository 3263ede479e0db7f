"""The surfaces the build can select, read from ``overlays/surfaces.yaml``: each is a set of rules
(URL path patterns, webhook name patterns), never a list of operations hard-coded in Python."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError


def _pattern(glob: str, *, separator: str | None) -> re.Pattern[str]:
    """``*`` matches within one segment (any text when there is no separator), ``**`` across segments."""
    parts = []
    for token in re.split(r"(\*\*|\*)", glob):
        if token == "**":
            parts.append(".*")
        elif token == "*":
            parts.append(f"[^{re.escape(separator)}]*" if separator else ".*")
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts) + r"\Z")


@dataclass(frozen=True)
class Surface:
    name: str
    description: str
    path_patterns: tuple[str, ...]
    webhook_patterns: tuple[str, ...]

    def has_path(self, url_path: str) -> bool:
        return any(_pattern(p, separator="/").match(url_path) for p in self.path_patterns)

    def has_webhook(self, name: str) -> bool:
        return any(_pattern(p, separator=None).match(name) for p in self.webhook_patterns)


@dataclass(frozen=True)
class Surfaces:
    product: str
    by_name: dict[str, Surface]

    def get(self, name: str | None) -> Surface:
        name = name or self.product
        if name not in self.by_name:
            raise BuildError(f"unknown surface {name!r}; known: {', '.join(sorted(self.by_name))}")
        return self.by_name[name]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BuildError(f"{where} must be a list of patterns")
    return tuple(value)


def load_surfaces(path: Path) -> Surfaces:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{path}: cannot read the surfaces file: {exc}") from None
    entries = (data or {}).get("surfaces") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise BuildError(f"{path}: expected a `surfaces:` mapping of name -> rules")
    by_name = {}
    for name, rules in entries.items():
        if not isinstance(rules, dict):
            raise BuildError(f"{path}: surface {name!r} must be a mapping with paths and webhooks")
        by_name[str(name)] = Surface(
            name=str(name),
            description=str(rules.get("description") or ""),
            path_patterns=_strings(rules.get("paths"), f"{path}: surfaces.{name}.paths"),
            webhook_patterns=_strings(rules.get("webhooks", []), f"{path}: surfaces.{name}.webhooks"),
        )
    product = str(data.get("product") or "")
    if product not in by_name:
        raise BuildError(f"{path}: product {product!r} is not one of the surfaces")
    return Surfaces(product=product, by_name=by_name)
