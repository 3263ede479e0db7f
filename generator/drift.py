"""Drift check: do the facts of spec/ still agree with Telnyx's published spec?

Both documents go through the same load -> select -> normalize stages, so the repairs of known
upstream defects are not reported. What remains is compared fact by fact (operations,
parameters, required flags, types, formats, enums, defaults, limits, request and response
fields, webhook payloads); prose (descriptions, summaries) and vendor extensions are ignored.
Deliberate differences are listed with a reason in ``spec/drift-allowlist.yaml``.

``python -m generator.drift [--upstream PATH] [--spec PATH] [--surface NAME]`` prints the
differences grouped by operation and exits 1 when any is unexplained. The surface is one of
``overlays/surfaces.yaml`` (default: the product surface, what generated/ holds).
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import sys
from pathlib import Path
from typing import Any

import yaml

from .build import DEFAULT_SPEC, PROJECT, surface_named
from .errors import BuildError
from .load import load_spec
from .normalize import normalize
from .select import select_surface
from .spec import HTTP_METHODS, resolve_pointer

DEFAULT_UPSTREAM = PROJECT.parent / "shared" / "telnyx-openapi" / "spec3.yml"
ALLOWLIST = PROJECT / "spec" / "drift-allowlist.yaml"
_PROSE = frozenset({"description", "summary", "externalDocs", "tags"})


def _surface(path: Path, surface: str | None = None) -> dict[str, Any]:
    """The normalized surface of a spec; read-only, and shared by calls on unchanged files."""
    folder = path.resolve().parent
    stamp = tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in folder.rglob("*") if f.is_file()))
    return _normalized_surface(path.resolve(), surface, stamp)


@functools.lru_cache(maxsize=8)
def _normalized_surface(path: Path, surface: str | None, stamp: tuple[tuple[str, int, int], ...]) -> dict[str, Any]:
    # `stamp` (every file beside the spec, with its size and time) keys the cache: an edit reloads.
    doc = select_surface(load_spec(path), surface_named(surface))
    normalize(doc)
    return doc


def _facts(doc: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """The node with references inlined and prose and vendor extensions removed."""
    if isinstance(node, list):
        return [_facts(doc, item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            return {"$recursive": ref.rsplit("/", 1)[-1]}
        return _facts(doc, resolve_pointer(doc, ref), (*seen, ref))
    return {
        key: _facts(doc, value, seen) for key, value in node.items() if key not in _PROSE and not key.startswith("x-")
    }


def _diff(ours: Any, theirs: Any, where: str, out: list[str]) -> None:
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in sorted(set(ours) | set(theirs), key=str):
            sub = f"{where}.{key}" if where else str(key)
            if key not in theirs:
                out.append(f"{sub}: only in spec/")
            elif key not in ours:
                out.append(f"{sub}: only upstream")
            else:
                _diff(ours[key], theirs[key], sub, out)
    elif isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        if ours != theirs:
            for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
                _diff(a, b, f"{where}[{index}]", out)
    elif ours != theirs or type(ours) is not type(theirs):
        out.append(f"{where}: spec/ {ours!r} != upstream {theirs!r}")


def _operations(doc: dict[str, Any]) -> dict[str, Any]:
    found = {}
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                found[f"{method.upper()} {path}"] = _facts(doc, item[method])
    return found


def compare(spec: Path, upstream: Path, surface: str | None = None) -> dict[str, list[str]]:
    """Differences grouped by operation (or webhook) over one surface (None: the product's), before the allowlist."""
    ours_doc, theirs_doc = _surface(spec, surface), _surface(upstream, surface)
    groups: dict[str, list[str]] = {}
    ours, theirs = _operations(ours_doc), _operations(theirs_doc)
    for key in sorted(set(ours) | set(theirs)):
        found: list[str] = []
        if key not in theirs:
            found.append("operation only in spec/")
        elif key not in ours:
            found.append("operation only upstream")
        else:
            _diff(ours[key], theirs[key], "", found)
        if found:
            groups[key] = found
    ours_hooks, theirs_hooks = ours_doc.get("webhooks", {}), theirs_doc.get("webhooks", {})
    for name in sorted(set(ours_hooks) | set(theirs_hooks)):
        found = []
        if name not in theirs_hooks or name not in ours_hooks:
            found.append("webhook only in " + ("spec/" if name in ours_hooks else "upstream"))
        else:
            _diff(_facts(ours_doc, ours_hooks[name]), _facts(theirs_doc, theirs_hooks[name]), "", found)
        if found:
            groups[f"webhook {name}"] = found
    return groups


def load_allowlist(path: Path = ALLOWLIST) -> list[dict[str, str]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    for entry in entries or []:
        if not entry.get("reason"):
            raise BuildError(f"allowlist entry {entry.get('match')!r} has no reason", where=str(path))
    return list(entries or [])


def unexplained(groups: dict[str, list[str]], allowlist: list[dict[str, str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for group, lines in groups.items():
        left = [
            line for line in lines if not any(fnmatch.fnmatchcase(f"{group}: {line}", e["match"]) for e in allowlist)
        ]
        if left:
            result[group] = left
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.drift", description=__doc__.split("\n\n")[0])
    parser.add_argument("--upstream", type=Path, default=DEFAULT_UPSTREAM)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument(
        "--surface",
        default=None,
        metavar="NAME",
        help="a surface of overlays/surfaces.yaml (default: the product surface)",
    )
    args = parser.parse_args(argv)
    if not args.upstream.exists():
        print(f"error: upstream spec not found: {args.upstream}", file=sys.stderr)
        return 2
    try:
        groups = compare(args.spec, args.upstream, args.surface)
        allowlist = load_allowlist()
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    left = unexplained(groups, allowlist)
    explained = sum(len(v) for v in groups.values()) - sum(len(v) for v in left.values())
    for group, lines in left.items():
        print(group)
        for line in lines:
            print(f"  {line}")
    surface = surface_named(args.surface).name
    print(
        f"drift ({surface}): {sum(len(v) for v in left.values())} unexplained, {explained} explained by {ALLOWLIST.name}"
    )
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
