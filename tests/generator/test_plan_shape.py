"""The plan's shape: parameter and response kinds are classes that carry what the templates print
(built here from a minimal fragment, so each fact comes from the spec rule that gives it, not from
today's spec/); templates only print them; only the engine adapter imports the engine."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build import OVERLAYS
from generator.plan import Operation, build_plan
from generator.plan.kinds import ArrayKind, StringKind, UnionKind
from tests.generator.fragments import body, document, operation

NO_CONTENT = {"204": {"description": "done"}}
FIELDS = {
    "name": {"type": "string", "minLength": 1, "maxLength": 8},
    "note": {"type": "string"},
    "modes": {"type": "array", "items": {"type": "string", "enum": ["loud", "quiet"]}},
    "parts": {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}},
    "limit": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    "at": {"type": "string", "format": "date-time"},
}


def _operation() -> Operation:
    doc = document({"/things": {"post": operation("CreateThing", requestBody=body(FIELDS), responses=NO_CONTENT)}})
    plan = build_plan(doc, OVERLAYS / "naming.yaml")[0]
    return plan.operations[0]


def test_each_parameter_kind_carries_its_hint_cli_type_and_checks() -> None:
    kinds = {p.name: p.kind for p in _operation().params}
    assert kinds["name"] == StringKind((1, 8)) and kinds["name"].checks_length
    assert not kinds["note"].checks_length and kinds["note"].cli_type == "click.STRING"
    modes = kinds["modes"]
    assert isinstance(modes, ArrayKind) and modes.comma_list and modes.enum == ("loud", "quiet")
    assert modes.hint == "SequenceNotStr[Literal['loud', 'quiet']]"
    assert modes.cli_type == "CommaList(SpecChoice(('loud', 'quiet')))" and modes.cli_callback == "join_lists"
    parts = kinds["parts"]
    assert isinstance(parts, ArrayKind) and not parts.comma_list and parts.cli_callback == "collect"
    assert parts.cli_type == 'JsonValue("object")' and parts.event_hint == "list[dict[str, Any]]"
    assert kinds["limit"] == UnionKind(plain_string=True) and kinds["limit"].cli_type == "JsonValue(plain_string=True)"
    assert kinds["at"].hint == "datetime.datetime | str" and kinds["at"].event_hint == "datetime.datetime"


def test_a_response_without_content_returns_none_and_prints_nothing() -> None:
    response = _operation().response
    assert (response.name, response.hint, response.cast, response.cli_print) == ("empty", "None", "empty_body", None)


def test_templates_branch_on_no_kind_name_and_read_no_raw_schema() -> None:
    templates = sorted(Path(OVERLAYS / "templates").rglob("*.jinja"))
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"kind\s*(==|in\s*\()|\.schema\b|response_kind", line)
    ]
    assert found == []


def test_only_the_engine_adapter_imports_the_engine() -> None:
    generator = Path(OVERLAYS).parent / "generator"
    importers = sorted(
        path.relative_to(generator).as_posix()
        for path in generator.rglob("*.py")
        if re.search(r"^\s*(from|import) openapi_python_client\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    )
    assert importers == ["engine.py"]
