"""Stage 1, load: read a YAML or JSON spec and bundle its cross-file ``$ref``s into one document.

References follow JSON Reference rules: a ``$ref`` is relative to the file it is written in.
Entries of the root document's ``components`` that point into another file register that target
under its component name, so every other reference to the same node becomes
``#/components/<section>/<name>``; any other external reference is inlined.

Input is untrusted: files must be UTF-8, YAML aliases may not expand past a small budget (a
"billion laughs" file is 600 bytes), and a ``$ref`` may only reach files inside the root spec's
folder (no absolute paths, ``..`` escapes or symlinks out of it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError
from .spec import pointer_tokens
from .validate import check_document, check_top_level

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COMPONENT_SECTIONS = ("schemas", "parameters", "responses", "requestBodies", "headers", "examples")
# Containers that aliases may add on top of the ones written out: generous for anchors reused as
# shared snippets, tiny next to what a bomb expands to (nine levels of nine aliases: 5e7 lists).
ALIAS_BUDGET = 10_000
# Real specs nest under 20 levels; the bundler and the engine recurse, so refuse far deeper ones.
MAX_DEPTH = 200


def _check_expansion(doc: Any, where: str) -> None:
    """Refuse documents nested past ``MAX_DEPTH`` or whose aliases expand past ``ALIAS_BUDGET``.

    The YAML loader shares one object per anchor, so loading is cheap; the cost comes later, when
    every stage walks the tree as if each alias were written out. This first pass only looks for
    sharing (real specs have none, and it is cheap); ``_check_aliases`` sizes what it finds.
    """
    seen: set[int] = set()
    shared = False
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BuildError(f"nested more than {MAX_DEPTH} levels deep", where=where)
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, dict | list):
                if id(child) in seen:
                    shared = True
                else:
                    seen.add(id(child))
                    stack.append((child, depth + 1))
    if shared:
        _check_aliases(doc, where)


def _check_aliases(doc: Any, where: str) -> None:
    """Size the tree as if every alias were written out, without expanding anything."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()  # the current path from the root: an alias back into it is a cycle
    stack: list[tuple[Any, list[Any] | None]] = [(doc, None)]
    while stack:
        node, children = stack.pop()
        if children is not None:  # all children sized
            in_progress.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if id(node) in sizes:
            continue
        children = [c for c in (node.values() if isinstance(node, dict) else node) if isinstance(c, dict | list)]
        in_progress.add(id(node))
        stack.append((node, children))
        for child in children:
            if id(child) in in_progress:
                raise BuildError("a YAML alias refers to a node that contains it (a cycle)", where=where)
            if id(child) not in sizes:
                stack.append((child, None))
    if sizes[id(doc)] - len(sizes) > ALIAS_BUDGET:
        raise BuildError(
            f"YAML aliases expand to {sizes[id(doc)]:,} mappings and lists from {len(sizes):,} written ones "
            f"(budget: {ALIAS_BUDGET:,} more); refusing what looks like an alias bomb",
            where=where,
        )


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BuildError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column {column}); save it as UTF-8",
            where=f"{path}:{line}",
        ) from None


def read_document(path: Path) -> Any:
    """Parse one YAML or JSON file, failing with its name and line when it is malformed."""
    try:
        text = _decode(path, path.read_bytes())
    except OSError as exc:
        raise BuildError(f"cannot read spec file ({exc.strerror})", where=str(path)) from None
    doc = _parse_json(path, text) if path.suffix == ".json" else _parse_yaml(path, text)
    if isinstance(doc, dict | list):
        _check_expansion(doc, str(path))
    return doc


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BuildError(f"invalid JSON: {exc.msg}", where=f"{path}:{exc.lineno}") from None
    except RecursionError:
        raise BuildError("invalid JSON: nested too deeply", where=str(path)) from None


def _parse_yaml(path: Path, text: str) -> Any:
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
    except (OSError, UnicodeDecodeError):
        pass
    return str(path)


class _Bundler:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.documents: dict[Path, Any] = {}
        self.registered: dict[tuple[Path, str], str] = {}
        self.origins: dict[int, Path] = {}  # id of a bundled node -> the file it was inlined from

    def document(self, path: Path) -> Any:
        if path not in self.documents:
            self.documents[path] = read_document(path)
        return self.documents[path]

    def target(self, ref: str, base: Path) -> tuple[Path, str, Any]:
        file_part, _, pointer = ref.partition("#")
        path = self.confined(ref, file_part, base) if file_part else base
        if not path.exists():
            raise BuildError(f"$ref {ref!r} points to a missing file", where=_line_of(base, ref))
        node = self.document(path)
        for key in pointer_tokens(pointer):
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise BuildError(f"$ref {ref!r} points to nothing (no {key!r})", where=_line_of(base, ref))
        return path, pointer, node

    def confined(self, ref: str, file_part: str, base: Path) -> Path:
        """The file ``ref`` names, refused unless it resolves inside the root spec's folder."""
        if "://" in file_part:
            raise BuildError(f"$ref {ref!r} is a URL; only files beside the spec are read", where=_line_of(base, ref))
        if Path(file_part).is_absolute():
            raise BuildError(
                f"$ref {ref!r} is an absolute path; write it relative to the file", where=_line_of(base, ref)
            )
        path = (base.parent / file_part).resolve()  # resolves symlinks too
        if not path.is_relative_to(self.root.parent):
            raise BuildError(
                f"$ref {ref!r} leads outside the spec's folder {self.root.parent}", where=_line_of(base, ref)
            )
        return path

    def bundle(self) -> dict[str, Any]:
        doc = self.document(self.root)
        if not isinstance(doc, dict):
            raise BuildError("the spec's top level must be a mapping", where=str(self.root))
        check_top_level(doc, str(self.root))
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
                    out["components"][section][name] = self.inlined(node, path, ((path, pointer),))
        return out

    def inlined(self, node: Any, path: Path, stack: tuple[tuple[Path, str], ...]) -> Any:
        result = self.resolve(node, path, stack)
        self.origins[id(result)] = path
        return result

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
            return self.inlined(target, path, stack + ((path, pointer),))
        return {key: self.resolve(value, base, stack) for key, value in node.items()}


def load_spec(path: Path) -> dict[str, Any]:
    """Load the spec at ``path`` into one self-contained document (local refs only)."""
    if not path.exists():
        raise BuildError("spec file not found", where=str(path))
    bundler = _Bundler(path)
    try:
        doc = bundler.bundle()
        check_document(doc, str(path), {key: str(origin) for key, origin in bundler.origins.items()})
    except RecursionError:  # each file is shallow, but inlining chains of $refs nests them
        raise BuildError("the document nests too deeply once its $refs are inlined", where=str(path)) from None
    return doc
