"""A griffe extension for the generated package's docstrings, used by mkdocs.yml.

- `#:` comments above an attribute become its docstring: the generated webhook payloads document each
  field that way (Sphinx's convention), which griffe does not read by itself.
- Wire names with brackets in spec prose (`filter[occurred_at][gte]`) are shown as code, not parsed as
  Markdown reference links (which would fail the strict build).
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

BRACKETED = re.compile(r"(?<![`\w\[])(\w+(?:\[[\w.]+\])+)(?![`\w])")


def as_code(text: str) -> str:
    return BRACKETED.sub(r"`\1`", text)


class CommentDocstrings(griffe.Extension):
    def on_instance(self, *, node: ast.AST | griffe.ObjectNode, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = as_code(obj.docstring.value)

    def on_attribute_instance(
        self, *, node: ast.AST | griffe.ObjectNode, attr: griffe.Attribute, **kwargs: Any
    ) -> None:
        if attr.docstring is not None or attr.lineno is None:
            return
        if isinstance(attr.filepath, list) or attr.filepath not in attr.lines_collection:
            return
        lines = attr.lines_collection[attr.filepath]
        comment: list[str] = []
        number = attr.lineno - 2  # the line above, 0-based
        while number >= 0 and lines[number].strip().startswith("#:"):
            comment.insert(0, lines[number].strip()[2:].strip())
            number -= 1
        if comment:
            attr.docstring = griffe.Docstring(as_code("\n".join(comment)), lineno=number + 2, parent=attr)
