"""Stage 2, select: keep the conferencing surface of a (possibly much larger) Telnyx spec.

Selection is by rule, not by a fixed list, so an older or newer spec yields what it has:
every path under ``/conferences``, the two queue actions on ``/calls``, the webhooks named
``conference*`` plus ``callEnqueued`` and ``callLeftQueue``, and every component they reference.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import BuildError

_CALL_QUEUE_ACTION = re.compile(r"^/calls/\{[^}/]+\}/actions/(enqueue|leave_queue)$")
_QUEUE_WEBHOOKS = frozenset({"callEnqueued", "callLeftQueue"})
_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def is_surface_path(path: str) -> bool:
    return path == "/conferences" or path.startswith("/conferences/") or bool(_CALL_QUEUE_ACTION.match(path))


def is_surface_webhook(name: str) -> bool:
    return name.startswith("conference") or name in _QUEUE_WEBHOOKS


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


def _check_operation_ids(paths: dict[str, Any]) -> None:
    """Two operations with one operationId would generate one function twice: refuse early."""
    owners: dict[str, str] = {}
    for path, item in paths.items():
        for method in _HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict) and "operationId" in operation:
                where = f"{method.upper()} {path}"
                previous = owners.setdefault(str(operation["operationId"]), where)
                if previous != where:
                    raise BuildError(f"operationId {operation['operationId']!r} is used by {previous} and {where}")


def select_surface(doc: dict[str, Any]) -> dict[str, Any]:
    """Return a new document holding only the conferencing surface and what it references."""
    paths = {p: item for p, item in (doc.get("paths") or {}).items() if is_surface_path(p)}
    webhooks = {n: item for n, item in (doc.get("webhooks") or {}).items() if is_surface_webhook(n)}
    if not paths:
        raise BuildError("the spec has no conferencing operations (no path under /conferences)")

    _check_operation_ids(paths)

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
        for method in _HTTP_METHODS:
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
