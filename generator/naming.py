"""Python names for any operation of any Telnyx spec: resource paths, method names and retry classes.

Names come from rules (the URL path and the operationId); ``overlays/naming.yaml`` holds only the
exceptions, where the official SDKs chose otherwise. Every name is a valid, non-keyword identifier,
whatever the path segment or operationId looks like.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError
from .surfaces import _pattern

# An acronym stays one word (`SendDTMF` -> send, dtmf; `SIPInfo` -> sip, info), digits stay with
# their word, and any run of other characters separates words.
_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")
_PREPOSITIONS = frozenset({"to", "from", "in", "of", "for", "on", "by", "with", "into", "at"})
ACTIONS_SEGMENT = "actions"
# Names a facade method cannot take: the per-call options every method has, and `self`.
RESERVED_METHODS = frozenset({"with_raw_response", "with_streaming_response", "with_options"})


def words(text: str) -> list[str]:
    """Lower-case words of an identifier in any case style, acronyms kept whole."""
    return [w.lower() for w in _WORDS.findall(text)]


def identifier(text: str, *, prefix: str = "api_") -> str:
    """A valid snake_case identifier for any text: `speech-to-text` -> speech_to_text, `10dlc` -> api_10dlc."""
    name = "_".join(words(text)) or "unnamed"
    if name[0].isdigit():
        name = prefix + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def _nouns(segment: str) -> set[str]:
    """The word forms that name a path segment's resource: `conferences` -> conference, conferences."""
    base = "_".join(words(segment))
    forms = {base}
    if base.endswith("ies"):
        forms.add(base[:-3] + "y")
    elif base.endswith("s"):
        forms.add(base[:-1])
    else:
        forms.add(base + "s")
    return forms


def url_segments(url_path: str) -> list[str]:
    """The literal (non-parameter) segments of a URL path."""
    return [s for s in url_path.strip("/").split("/") if s and not s.startswith("{")]


def default_resource(url_path: str) -> str:
    """The facade resource of a URL path: its first segment, with `.actions` for action paths."""
    segments = url_segments(url_path)
    resource = identifier(segments[0]) if segments else "root"
    if ACTIONS_SEGMENT in segments[1:]:
        resource += "." + ACTIONS_SEGMENT
    return resource


def default_python_method(operation_id: str, resource: str) -> str:
    """The method name: the operationId's words without those naming the resource, nor a trailing preposition.

    `SendDTMF` -> send_dtmf, `CallStartAIAssistant` on calls.actions -> start_ai_assistant,
    `ListConferences` on conferences -> list, `RetrieveCallFromQueue` on queues.calls -> retrieve.
    """
    nouns = set().union(*(_nouns(part) for part in resource.split(".")))
    all_words = words(operation_id)
    kept = [w for w in all_words if w not in nouns]
    while kept and kept[-1] in _PREPOSITIONS:
        kept.pop()
    name = identifier("_".join(kept or all_words))
    return name + "_" if name in RESERVED_METHODS else name


@dataclass(frozen=True)
class Naming:
    """The exceptions of ``overlays/naming.yaml``, and the rules applied where it is silent."""

    resources: tuple[tuple[str, str], ...] = ()  # (URL path pattern, dotted resource)
    operations: dict[str, dict[str, Any]] = field(default_factory=dict)
    webhook_aliases: dict[str, list[str]] = field(default_factory=dict)

    def resource(self, url_path: str) -> str:
        for pattern, resource in self.resources:
            if _pattern(pattern, separator="/").match(url_path):
                return resource
        return default_resource(url_path)

    def names(self, operation_id: str, url_path: str) -> tuple[str, str]:
        """(resource, Python method name) of an operation."""
        entry = self.operations.get(operation_id) or {}
        resource = str(entry.get("resource") or self.resource(url_path))
        python_method = str(entry.get("python_method") or default_python_method(operation_id, resource))
        return resource, python_method

    def replay(self, operation_id: str, http_verb: str, url_path: str, has_command_id: bool) -> str:
        """The retry class: `command_id` (retried, deduplicated by Telnyx), `idempotent`, or `unsafe`.

        Listed operations keep their class. Otherwise GET/PUT/DELETE are idempotent by HTTP's
        definition, a body with a `command_id` is safe to replay, and any other action or create
        is unsafe: retried only when the request surely never reached Telnyx.
        """
        if has_command_id:
            return "command_id"
        listed = (self.operations.get(operation_id) or {}).get("replay")
        if listed:
            return str(listed)
        return "idempotent" if http_verb.lower() in {"get", "head", "put", "delete", "options"} else "unsafe"


_REPLAY_CLASSES = frozenset({"idempotent", "unsafe"})


def load_naming(path: Path) -> Naming:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    except yaml.YAMLError as exc:
        raise BuildError(f"{path}: not valid YAML: {exc}") from None
    data = data or {}
    if not isinstance(data, dict):
        raise BuildError(f"{path}: expected a mapping with resources, operations and webhook_aliases")
    resources = data.get("resources") or {}
    operations = data.get("operations") or {}
    if not isinstance(resources, dict) or not isinstance(operations, dict):
        raise BuildError(f"{path}: `resources` and `operations` must be mappings")
    for operation_id, entry in operations.items():
        if not isinstance(entry, dict) or not set(entry) <= {"resource", "python_method", "replay"}:
            raise BuildError(f"{path}: operations.{operation_id} takes only resource, python_method and replay")
        if "replay" in entry and entry["replay"] not in _REPLAY_CLASSES:
            raise BuildError(f"{path}: operations.{operation_id}.replay must be one of idempotent, unsafe")
        for key in ("resource", "python_method"):
            value = entry.get(key)
            if value is not None and not all(
                p.isidentifier() and not keyword.iskeyword(p) for p in str(value).split(".")
            ):
                raise BuildError(f"{path}: operations.{operation_id}.{key} {value!r} is not a Python name")
    return Naming(
        resources=tuple((str(k), str(v)) for k, v in resources.items()),
        operations={str(k): dict(v) for k, v in operations.items()},
        webhook_aliases={str(k): list(v) for k, v in (data.get("webhook_aliases") or {}).items()},
    )
