"""Stage 2, select: keep one surface of a (possibly much larger) Telnyx spec.

A surface is rules from ``overlays/surfaces.yaml`` (path and webhook-name patterns), not a fixed
list, so an older or newer spec yields what it has, with every component it references.
"""

from __future__ import annotations

from typing import Any

from .errors import BuildError
from .spec import HTTP_METHODS
from .surfaces import Surface


def _collect_refs(node: Any, found: list[str]) -> None:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.append(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _pointer(doc: dict[str, Any], ref: str) -> tuple[str, str]:
    parts = ref.split("/")
    if len(parts) != 4 or parts[0] != "#" or parts[1] != "components":
        raise BuildError(f"unsupported $ref {ref!r}: only #/components/<section>/<name> is allowed")
    section, name = parts[2], parts[3].replace("~1", "/").replace("~0", "~")
    if name not in (doc.get("components") or {}).get(section, {}):
        raise BuildError(f"$ref {ref!r} points to a component that does not exist")
    return section, name


def select_surface(doc: dict[str, Any], surface: Surface) -> dict[str, Any]:
    """Return a new document holding only the surface's operations and webhooks and what they reference."""
    paths = {p: item for p, item in (doc.get("paths") or {}).items() if surface.has_path(p)}
    webhooks = {n: item for n, item in (doc.get("webhooks") or {}).items() if surface.has_webhook(n)}
    if not paths:
        raise BuildError(
            f"the spec has no operation on the {surface.name} surface (no path matches "
            + ", ".join(surface.path_patterns)
            + ")"
        )

    kept: dict[str, dict[str, Any]] = {}
    pending: list[str] = []
    _collect_refs(paths, pending)
    _collect_refs(webhooks, pending)
    components = doc.get("components") or {}
    while pending:
        section, name = _pointer(doc, pending.pop())
        if name in kept.setdefault(section, {}):
            continue
        kept[section][name] = components[section][name]
        _collect_refs(kept[section][name], pending)

    schemes_used = {name for req in doc.get("security") or [] for name in req}
    for item in paths.values():
        for method in HTTP_METHODS:
            for req in (item.get(method) or {}).get("security") or []:
                schemes_used.update(req)
    security_schemes = components.get("securitySchemes") or {}
    if schemes_used:
        kept["securitySchemes"] = {n: security_schemes[n] for n in sorted(schemes_used) if n in security_schemes}

    selected: dict[str, Any] = {key: doc[key] for key in ("openapi", "info", "servers", "security") if key in doc}
    selected["paths"] = paths
    if webhooks:
        selected["webhooks"] = webhooks
    selected["components"] = {section: dict(sorted(entries.items())) for section, entries in sorted(kept.items())}
    return selected
