"""Facts of every operation, kept here so they hold without ../shared: the required arguments and the
optional ones (from the seed document's parameter lists) and the values of every enum argument (as
Telnyx publishes them). A wrong enum value or a dropped `required` in spec/ fails here."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import httpx
import pytest

from telnyx_conferencing import Telnyx

REGION = {"Australia", "Europe", "Middle East", "US"}
BEEP = {"always", "never", "on_enter", "on_exit"}
SUPERVISOR_ROLE = {"barge", "monitor", "none", "whisper"}
LANGUAGE = {
    "arb", "cmn-CN", "cy-GB", "da-DK", "de-DE", "en-AU", "en-GB", "en-GB-WLS", "en-IN", "en-US", "es-ES",
    "es-MX", "es-US", "fr-CA", "fr-FR", "hi-IN", "is-IS", "it-IT", "ja-JP", "ko-KR", "nb-NO", "nl-NL",
    "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU", "sv-SE", "tr-TR",
}  # fmt: skip
PAGE = {"filter", "page_after", "page_before", "page_limit", "page_number", "page_size", "region"}


class Fact(typing.NamedTuple):
    required: tuple[str, ...]  # in signature order: path ids first
    optional: set[str]
    enums: dict[str, set[str]]


FACTS: dict[str, Fact] = {
    "conferences.list": Fact((), PAGE, {"region": REGION}),
    "conferences.create": Fact(
        ("call_control_id", "name"),
        {
            "beep_enabled",
            "client_state",
            "comfort_noise",
            "command_id",
            "duration_minutes",
            "hold_audio_url",
            "hold_media_name",
            "max_participants",
            "region",
            "start_conference_on_create",
        },
        {"beep_enabled": BEEP, "region": REGION},
    ),  # fmt: skip
    "conferences.retrieve": Fact(("id",), {"region"}, {"region": REGION}),
    "conferences.list_participants": Fact(("conference_id",), PAGE, {"region": REGION}),
    "conferences.retrieve_participant": Fact(("participant_id", "id"), set(), {}),
    "conferences.update_participant": Fact(
        ("participant_id", "id"),
        {"beep_enabled", "end_conference_on_exit", "soft_end_conference_on_exit"},
        {"beep_enabled": BEEP},
    ),
    "conferences.actions.end_conference": Fact(("id",), {"command_id"}, {}),
    "conferences.actions.gather_dtmf_audio": Fact(
        ("id", "call_control_id"),
        {
            "audio_url",
            "client_state",
            "gather_id",
            "initial_timeout_millis",
            "inter_digit_timeout_millis",
            "invalid_audio_url",
            "invalid_media_name",
            "maximum_digits",
            "maximum_tries",
            "media_name",
            "minimum_digits",
            "stop_playback_on_dtmf",
            "terminating_digit",
            "timeout_millis",
            "valid_digits",
        },
        {},
    ),  # fmt: skip
    "conferences.actions.hold": Fact(
        ("id",), {"audio_url", "call_control_ids", "media_name", "region"}, {"region": REGION}
    ),
    "conferences.actions.join": Fact(
        ("id", "call_control_id"),
        {
            "beep_enabled",
            "client_state",
            "command_id",
            "end_conference_on_exit",
            "hold",
            "hold_audio_url",
            "hold_media_name",
            "mute",
            "region",
            "soft_end_conference_on_exit",
            "start_conference_on_enter",
            "supervisor_role",
            "whisper_call_control_ids",
        },
        {"beep_enabled": BEEP, "region": REGION, "supervisor_role": SUPERVISOR_ROLE},
    ),  # fmt: skip
    "conferences.actions.leave": Fact(
        ("id", "call_control_id"), {"beep_enabled", "command_id", "region"}, {"beep_enabled": BEEP, "region": REGION}
    ),
    "conferences.actions.mute": Fact(("id",), {"call_control_ids", "region"}, {"region": REGION}),
    "conferences.actions.play": Fact(
        ("id",), {"audio_url", "call_control_ids", "loop", "media_name", "region"}, {"region": REGION}
    ),
    "conferences.actions.record_pause": Fact(("id",), {"command_id", "recording_id", "region"}, {"region": REGION}),
    "conferences.actions.record_resume": Fact(("id",), {"command_id", "recording_id", "region"}, {"region": REGION}),
    "conferences.actions.record_start": Fact(
        ("id", "format"),
        {"channels", "command_id", "custom_file_name", "play_beep", "region", "trim"},
        {"format": {"wav", "mp3"}, "channels": {"single", "dual"}, "region": REGION, "trim": {"trim-silence"}},
    ),
    "conferences.actions.record_stop": Fact(
        ("id",), {"client_state", "command_id", "recording_id", "region"}, {"region": REGION}
    ),
    "conferences.actions.send_dtmf": Fact(
        ("id", "digits"), {"call_control_ids", "client_state", "duration_millis"}, {}
    ),
    "conferences.actions.speak": Fact(
        ("id", "payload", "voice"),
        {"call_control_ids", "command_id", "language", "payload_type", "region", "voice_settings"},
        {"language": LANGUAGE, "payload_type": {"text", "ssml"}, "region": REGION},
    ),
    "conferences.actions.stop": Fact(("id",), {"call_control_ids", "region"}, {"region": REGION}),
    "conferences.actions.unhold": Fact(("id", "call_control_ids"), {"region"}, {"region": REGION}),
    "conferences.actions.unmute": Fact(("id",), {"call_control_ids", "region"}, {"region": REGION}),
    "conferences.actions.update": Fact(
        ("id", "call_control_id", "supervisor_role"),
        {"command_id", "region", "whisper_call_control_ids"},
        {"supervisor_role": SUPERVISOR_ROLE, "region": REGION},
    ),
    "calls.actions.enqueue": Fact(
        ("call_control_id", "queue_name"),
        {"client_state", "command_id", "keep_after_hangup", "max_size", "max_wait_time_secs"},
        {},
    ),
    "calls.actions.leave_queue": Fact(("call_control_id",), {"client_state", "command_id"}, {}),
}

# Per-call options every method takes besides the operation's own parameters.
CALL_OPTIONS = {"options", "extra_headers", "extra_query", "extra_body", "timeout"}


def _method(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def _literal_values(annotation: Any) -> set[str]:
    values: set[str] = set()
    for arg in typing.get_args(annotation) or ():
        if typing.get_origin(arg) is typing.Literal:
            values.update(typing.get_args(arg))
        else:
            values |= _literal_values(arg)
    if typing.get_origin(annotation) is typing.Literal:
        values.update(typing.get_args(annotation))
    return values


def _split(method: Any) -> tuple[tuple[str, ...], set[str], dict[str, set[str]]]:
    import telnyx_conferencing._pagination as pagination

    # Return types name classes imported only under TYPE_CHECKING; parameters are what matter here.
    hints = typing.get_type_hints(method, localns={**vars(pagination), "httpx": httpx})
    required: list[str] = []
    optional: set[str] = set()
    enums: dict[str, set[str]] = {}
    for parameter in inspect.signature(method).parameters.values():
        if parameter.name in CALL_OPTIONS:
            continue
        if parameter.default is inspect.Parameter.empty:
            required.append(parameter.name)
        else:
            optional.add(parameter.name)
        values = _literal_values(hints[parameter.name])
        if values:
            enums[parameter.name] = values
    return tuple(required), optional, enums


@pytest.fixture(scope="module")
def client() -> Telnyx:
    return Telnyx(api_key="KEY-facts", http_client=httpx.Client(transport=httpx.MockTransport(_no_request)))


def _no_request(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent: {request.method} {request.url}")


def test_the_table_covers_every_operation_of_the_surface() -> None:
    from generator.build import prepare
    from tests.conftest import SPEC

    plan = prepare(SPEC)[0]
    assert {f"{op.resource}.{op.method_name}" for op in plan.operations} == set(FACTS)


@pytest.mark.parametrize("dotted", sorted(FACTS))
def test_required_and_optional_arguments_match_the_facts(client: Telnyx, dotted: str) -> None:
    required, optional, _ = _split(_method(client, dotted))
    assert (required, optional) == (FACTS[dotted].required, FACTS[dotted].optional)


@pytest.mark.parametrize("dotted", sorted(FACTS))
def test_enum_arguments_accept_exactly_the_published_values(client: Telnyx, dotted: str) -> None:
    _, _, enums = _split(_method(client, dotted))
    assert enums == FACTS[dotted].enums


ENUM_CASES = [(dotted, name) for dotted, fact in sorted(FACTS.items()) for name in sorted(fact.enums)]


@pytest.mark.parametrize(("dotted", "name"), ENUM_CASES, ids=[f"{d}-{n}" for d, n in ENUM_CASES])
def test_a_value_outside_an_enum_fails_before_any_request(client: Telnyx, dotted: str, name: str) -> None:
    fact = FACTS[dotted]
    method = _method(client, dotted)
    arguments: dict[str, Any] = {}
    for required in fact.required:
        arguments[required] = sorted(fact.enums[required])[0] if required in fact.enums else _sample(method, required)
    arguments[name] = "not-a-published-value"
    positional = arguments.pop(fact.required[0]) if fact.required and _is_positional(method, fact.required[0]) else None
    with pytest.raises(ValueError, match=name):
        method(*([positional] if positional is not None else []), **arguments)


def _is_positional(method: Any, name: str) -> bool:
    return inspect.signature(method).parameters[name].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def _sample(method: Any, name: str) -> Any:
    hint = str(inspect.signature(method).parameters[name].annotation)
    return ["v3:a"] if "Sequence" in hint or "list" in hint else "v3:a"
