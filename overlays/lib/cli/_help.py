"""Help text from the spec: a short sentence for each option, the full description for each command."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["brief", "command_help"]

_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]`'\"])[.!?](?=\s+[A-Z`(]|\s*$)")
_MAX_BRIEF = 160
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def brief(text: str, *, default: Any = None, note: str = "") -> str:
    """The first sentence of `text` (bounded in length), then `note`, then the API's `default` if it has one.

    The default is what Telnyx assumes when the option is left out; the CLI itself sends nothing then.
    """
    text = " ".join(text.split())
    if default is not None:
        note = " ".join(part for part in (note, f"[API default: {json.dumps(default)}]") if part)
    match = _SENTENCE_END.search(text)
    first = text[: match.end()] if match else text
    if len(first) > _MAX_BRIEF:
        first = first[: _MAX_BRIEF - 3].rsplit(" ", 1)[0] + "..."
    return " ".join(part for part in (first, note) if part)


def command_help(summary: str, description: str, endpoint: str, arguments: dict[str, str] | None = None) -> str:
    """Summary, the spec's description, the positional argument and the endpoint, laid out for click.

    Paragraphs with list items or indentation are marked ``\\b`` so click keeps their line breaks.
    """
    paragraphs = [summary.strip().rstrip(".") + "."] if summary.strip() else []
    for paragraph in re.split(r"\n\s*\n", _BOLD.sub(r"\1", description.strip())):
        lines = paragraph.splitlines()
        if not paragraph.strip() or " ".join(paragraph.split()) == " ".join(summary.split()):
            continue
        if any(_LIST_ITEM.match(line) for line in lines):
            paragraphs.append("\b\n" + "\n".join(line.rstrip() for line in lines))
        else:
            paragraphs.append(" ".join(paragraph.split()))
    for name, text in (arguments or {}).items():
        paragraphs.append(f"{name}: {brief(text)}")
    paragraphs.append(f"API: {endpoint}")
    return "\n\n".join(paragraphs)
