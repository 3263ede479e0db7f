"""overlays/templates/package/webhooks/events.py.jinja: renders lint-clean, importable code for odd spec input."""

from __future__ import annotations

import datetime
import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from generator.build import OVERLAYS, prepare
from generator.plan import EventField, Webhook
from generator.plan.kinds import (
    AnyKind,
    ArrayKind,
    BooleanKind,
    DateKind,
    DateTimeKind,
    EnumKind,
    IntegerKind,
    Kind,
    NumberKind,
    ObjectKind,
    StringKind,
)
from generator.render import HEADER, PACKAGE, environment
from telnyx_conferencing.webhooks import InvalidPayloadError, WebhookEvent
from tests.conftest import SPEC

TEMPLATE = "package/webhooks/events.py.jinja"


def StubField(  # noqa: N802 - reads like the dataclass it builds
    name: str, python_name: str, kind: Kind, required: bool = False, description: str = ""
) -> EventField:
    return EventField(name, python_name, kind, required, description)


def StubWebhook(  # noqa: N802
    event_type: str,
    class_name: str,
    description: str,
    fields: tuple[EventField, ...],
    payload_fields: tuple[EventField, ...],
    example: dict[str, Any],
) -> Webhook:
    """A plan webhook for an edge case the spec does not have (the plan's own dataclass, not a copy)."""
    return Webhook(
        event_type, event_type, class_name, "Envelope", "Event", description, fields, payload_fields, example
    )


def render(webhooks: tuple[Webhook, ...] | None = None) -> str:
    """The events module as the build renders it: the same environment, filters and context."""
    if webhooks is None:
        webhooks = SPEC_WEBHOOKS
    return (
        environment(OVERLAYS / "templates")
        .get_template(TEMPLATE)
        .render(header=HEADER, package=PACKAGE, webhooks=webhooks)
    )


SPEC_WEBHOOKS = prepare(SPEC)[0].webhooks

EDGE_WEBHOOKS = (
    StubWebhook(
        "test.everything",
        "TestEverythingEvent",
        'Tricky "quoted" \\ text """ with\nnewlines',
        (
            StubField("id", "id", StringKind(), True),
            StubField("extra_top", "extra_top", IntegerKind(), True, "A required top-level field."),
            StubField("maybe_top", "maybe_top", AnyKind(), False, 'Ends with a quote"'),
        ),
        (
            StubField("s", "s", StringKind(), True, 'Has """ and \\ and\r\nbreaks'),
            StubField("class", "class_", StringKind()),
            StubField("when", "when", DateTimeKind()),
            StubField("day", "day", DateKind()),
            StubField("n", "n", IntegerKind()),
            StubField("x", "x", NumberKind()),
            StubField("flag", "flag", BooleanKind()),
            StubField("color", "color", EnumKind(("red", "green"))),
            StubField("tags", "tags", ArrayKind(StringKind())),
            StubField("obj", "obj", ObjectKind()),
            StubField("anything", "anything", AnyKind()),
            StubField("occurred_at", "occurred_at", StringKind()),  # not a datetime: no fallback
        ),
        {"event_type": "test.everything", "id": "1", "payload": {"s": "it's <b>&</b>"}},
    ),
    StubWebhook("test.empty", "TestEmpty", "", (), (), {}),
)


def _load(source: str, name: str) -> types.ModuleType:
    """Execute rendered source as a module inside the webhooks package (for its relative imports)."""
    module_name = f"telnyx_conferencing.webhooks.{name}"
    spec = importlib.util.spec_from_loader(module_name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "telnyx_conferencing.webhooks"
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)  # noqa: S102
    return module


@pytest.fixture(scope="module")
def edge() -> types.ModuleType:
    return _load(render(EDGE_WEBHOOKS), "_edge_events")


def test_header_and_docstring_come_first() -> None:
    lines = render().splitlines()
    assert lines[0] == HEADER
    assert lines[1].startswith('"""') and lines[1].endswith('"""')


@pytest.mark.parametrize("webhooks", [SPEC_WEBHOOKS, EDGE_WEBHOOKS, ()], ids=["spec", "edge", "none"])
def test_renders_lint_clean(tmp_path: Path, webhooks: tuple[Webhook, ...]) -> None:
    target = tmp_path / "events.py"
    target.write_text(render(webhooks), encoding="utf-8")
    ruff = [sys.executable, "-m", "ruff"]
    args = ["--isolated", "--line-length", "120", "--target-version", "py311"]
    # the build formats its output; after that, the default rules and pyflakes must be clean
    subprocess.run([*ruff, "format", *args, "-q", str(target)], check=True, timeout=120)
    rules = ["--select", "E,F,I,UP,W", "--ignore", "E501", "--output-format", "concise"]
    result = subprocess.run(
        [*ruff, "check", *args, *rules, str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_empty_webhook_list_still_defines_the_api() -> None:
    module = _load(render(()), "_no_events")
    assert module.EVENT_TYPES == {}
    assert module.EXAMPLES == {}


def test_edge_module(edge: types.ModuleType) -> None:
    cls = edge.TestEverythingEvent
    assert cls.event_type == "test.everything"
    assert issubclass(cls, WebhookEvent)
    assert cls.__doc__.startswith('`test.everything`: Tricky "quoted" \\ text """ with newlines')
    assert edge.EVENT_TYPES == {"test.everything": cls, "test.empty": edge.TestEmpty}
    assert json.loads(edge.EXAMPLES["test.everything"])["payload"]["s"] == "it's <b>&</b>"
    assert "test.empty" not in edge.EXAMPLES
    assert edge.TestEmptyPayload.from_dict({"a": 1}).raw == {"a": 1}


def test_edge_from_dict(edge: types.ModuleType) -> None:
    payload: dict[str, Any] = {
        "s": "text",
        "class": "c",
        "when": "2024-01-02T03:04:05+00:00",
        "day": "2024-01-02",
        "n": 3,
        "x": 1.5,
        "flag": False,
        "color": "blue",
        "tags": ["a"],
        "obj": {"k": None},
        "anything": [1, {"two": 2}],
        "occurred_at": "2024-01-02T03:04:05Z",
    }
    inner = {"event_type": "test.everything", "id": "e1", "extra_top": 7, "payload": payload}
    event = edge.TestEverythingEvent.from_dict(inner)
    p = event.payload
    assert (p.s, p.class_, p.n, p.x, p.flag, p.color) == ("text", "c", 3, 1.5, False, "blue")
    assert (p.tags, p.obj) == (["a"], {"k": None})
    assert p.when == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert p.day == datetime.date(2024, 1, 2)
    assert p.anything == [1, {"two": 2}]
    assert event.extra_top == 7
    assert event.maybe_top is None
    assert event.occurred_at is None  # payload.occurred_at is not a datetime field here
    assert event.to_dict() == inner

    with pytest.raises(InvalidPayloadError, match="test.everything payload: required field 's' is missing"):
        edge.TestEverythingEvent.from_dict({**inner, "payload": {}})
    with pytest.raises(InvalidPayloadError, match="test.everything event: required field 'extra_top' is missing"):
        edge.TestEverythingEvent.from_dict({k: v for k, v in inner.items() if k != "extra_top"})
    for field, value in [("day", "2024-99-01"), ("x", "1.5"), ("flag", 0), ("tags", "a"), ("when", 5)]:
        with pytest.raises(InvalidPayloadError, match=f"test.everything payload.{field}: expected"):
            edge.TestEverythingEvent.from_dict({**inner, "payload": {**payload, field: value}})
