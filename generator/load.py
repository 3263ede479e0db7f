"""Stage 1, load: read a YAML or JSON spec and bundle its cross-file ``$ref``s into one document.

References follow JSON Reference rules: a ``$ref`` is relative to the file it is written in.
Entries of the root document's ``components`` that point into another file register that target
under its component name, so every other reference to the same node becomes
``#/components/<section>/<name>``; any other external reference is inlined.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COMPONENT_SECTIONS = ("schemas", "parameters", "responses", "requestBodies", "headers", "examples")


def read_document(path: Path) -> Any:
    """Parse one YAML or JSON file, failing with its name and line when it is malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError(f"cannot read spec file ({exc.strerror})", where=str(path)) from None
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise BuildError(f"invalid JSON: {exc.msg}", where=f"{path}:{exc.lineno}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise BuildError(f"invalid YAML: {exc.problem or exc}", where=f"{path}{line}") from None
    except yaml.YAMLError as exc:
        raise BuildError(f"invalid YAML: {exc}", where=str(path)) from None


def _line_of(path: Path, needle: str) -> str:
    """Best-effort ``file:line`` of the first line mentioning ``needle`` (the C loader keeps no marks)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return f"{path}:{number}"
    except OSError:
        pass
    return str(path)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class _Bundler:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.documents: dict[Path, Any] = {}
        self.registered: dict[tuple[Path, str], str] = {}

    def document(self, path: Path) -> Any:
        if path not in self.documents:
            self.documents[path] = read_document(path)
        return self.documents[path]

    def target(self, ref: str, base: Path) -> tuple[Path, str, Any]:
        file_part, _, pointer = ref.partition("#")
        path = (base.parent / file_part).resolve() if file_part else base
        if not path.exists():
            raise BuildError(f"$ref {ref!r} points to a missing file", where=_line_of(base, ref))
        node = self.document(path)
        for token in [t for t in pointer.split("/") if t]:
            key = _unescape(token)
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise BuildError(f"$ref {ref!r} points to nothing (no {key!r})", where=_line_of(base, ref))
        return path, pointer, node

    def bundle(self) -> dict[str, Any]:
        doc = self.document(self.root)
        if not isinstance(doc, dict):
            raise BuildError("the spec's top level must be a mapping", where=str(self.root))
        components = doc.get("components") or {}
        for section in _COMPONENT_SECTIONS:
            for name, entry in (components.get(section) or {}).items():
                if isinstance(entry, dict) and isinstance(entry.get("$ref"), str):
                    ref = entry["$ref"]
                    if not ref.startswith("#"):
                        path, pointer, _ = self.target(ref, self.root)
                        self.registered[(path, pointer)] = f"#/components/{section}/{name}"
        out: dict[str, Any] = self.resolve(doc, self.root, stack=())
        for section in _COMPONENT_SECTIONS:
            entries = (doc.get("components") or {}).get(section) or {}
            for name, entry in entries.items():
                if isinstance(entry, dict) and isinstance(entry.get("$ref"), str) and not entry["$ref"].startswith("#"):
                    path, pointer, node = self.target(entry["$ref"], self.root)
                    out["components"][section][name] = self.resolve(node, path, stack=((path, pointer),))
        return out

    def resolve(self, node: Any, base: Path, stack: tuple[tuple[Path, str], ...]) -> Any:
        if isinstance(node, list):
            return [self.resolve(item, base, stack) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            if base == self.root and ref.startswith("#"):
                return dict(node)
            path, pointer, target = self.target(ref, base)
            registered = self.registered.get((path, pointer))
            if registered is not None:
                return {"$ref": registered, **{k: v for k, v in node.items() if k != "$ref"}}
            if path == self.root:
                return {"$ref": "#" + pointer, **{k: v for k, v in node.items() if k != "$ref"}}
            if (path, pointer) in stack:
                raise BuildError(
                    f"$ref {ref!r} is circular; register it under components to reference it",
                    where=_line_of(base, ref),
                )
            return self.resolve(target, path, stack + ((path, pointer),))
        return {key: self.resolve(value, base, stack) for key, value in node.items()}


def load_spec(path: Path) -> dict[str, Any]:
    """Load the spec at ``path`` into one self-contained document (local refs only)."""
    if not path.exists():
        raise BuildError("spec file not found", where=str(path))
    return _Bundler(path).bundle()
