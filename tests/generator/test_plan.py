"""Stage 4 (plan) and the render helpers: names, parameters, pagination and webhooks come out of
openapi-python-client's parse as the facades and CLI need them; engine warnings fail the build."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pytest

from generator.build import OVERLAYS, surface_named
from generator.errors import BuildError
from generator.load import load_spec
from generator.normalize import normalize
from generator.plan import Operation, Plan, build_plan
from generator.render import arg_name, docstring_text, path_expression
from generator.select import select_surface
from tests.conftest import SPEC


@cache
def surface() -> dict[str, Any]:
    return select_surface(load_spec(SPEC), surface_named(None))


def plan_of(doc: dict[str, Any]) -> Plan:
    doc = copy.deepcopy(doc)
    normalize(doc)
    return build_plan(doc, OVERLAYS / "naming.yaml")[0]


@cache
def plan() -> Plan:
    return plan_of(surface())


def op(operation_id: str) -> Operation:
    return next(o for o in plan().operations if o.operation_id == operation_id)


def test_names_follow_the_official_sdks() -> None:
    names = {f"{o.resource}.{o.python_method}" for o in plan().operations}
    assert len(names) == 74
    assert {"conferences.list", "conferences.actions.gather_dtmf_audio", "conferences.actions.record_resume"} <= names
    assert {"calls.actions.enqueue", "calls.actions.leave_queue", "conferences.retrieve_participant"} <= names


def test_the_last_path_id_is_positional_and_the_others_keywords() -> None:
    retrieve = op("RetrieveConferenceParticipant")
    assert retrieve.positional is not None and retrieve.positional.name == "participant_id"
    assert [p.name for p in retrieve.params if p.location == "path"] == ["id"]


def test_page_is_flattened_and_deep_objects_are_recorded() -> None:
    listing = op("ListConferences")
    assert listing.paging is not None and listing.paging.item_model == "Conference"
    names = {p.python_name: p for p in listing.params}
    assert names["page_number"].wire_group == "page" and names["page_size"].name == "size"
    assert names["filter_"].deep_object and arg_name(names["filter_"]) == "filter"
    assert ("list_conferences", "filter") in plan().deep_object_params


def test_required_flags_enums_and_command_id() -> None:
    join = op("JoinConference")
    params = {p.name: p for p in join.params}
    assert params["call_control_id"].required and not params["mute"].required
    assert params["supervisor_role"].enum == ("barge", "monitor", "none", "whisper")
    assert params["whisper_call_control_ids"].kind.name == "array"
    assert join.has_command_id and not op("MuteConferenceParticipants").has_command_id
    assert arg_name(next(p for p in op("StartConferenceRecording").params if p.name == "format")) == "format"


def test_webhooks_have_event_types_models_and_aliases() -> None:
    hooks = {w.event_type: w for w in plan().webhooks}
    assert len(hooks) == 51
    assert hooks["conference.floor.changed"].event_model == "ConferenceFloorChanged"
    assert hooks["call.dequeued"].aliases == ("call.left_queue",)
    assert any(f.name == "reason" and f.enum for f in hooks["conference.ended"].payload_fields)


def test_an_engine_warning_fails_the_build_naming_what_would_be_dropped() -> None:
    doc = copy.deepcopy(surface())
    schemas = doc["components"]["schemas"]
    schemas["ResumeConferenceRecordingRequest"]["title"] = schemas["PauseConferenceRecordingRequest"]["title"]
    schemas["ResumeConferenceRecordingRequest"]["properties"]["extra"] = {"type": "string"}
    with pytest.raises(BuildError, match="record_resume"):
        build_plan(doc, OVERLAYS / "naming.yaml")  # without normalize: the engine would drop it


def test_a_response_model_is_parsed_through_its_resource_module_cast_constant() -> None:
    """Models load with the first response (`ModelCast`), so a facade names a module constant, not the class."""
    conferences = next(r for r in plan().resources if r.attr_path == "conferences")
    casts = conferences.model_casts
    assert ("_CONFERENCE_RESPONSE", "conference_response", "ConferenceResponse") in casts
    assert conferences.cast_of(op("RetrieveConference")) == "_CONFERENCE_RESPONSE"
    # A list call names its response's constant and its items' (iteration builds them one at a time).
    assert ("_CONFERENCE", "conference", "Conference") in casts
    assert conferences.cast_of(op("ListConferences")) == "_LIST_CONFERENCES_RESPONSE"
    assert conferences.item_cast_of(op("ListConferences")) == "_CONFERENCE"
    queues = next(r for r in plan().resources if r.attr_path == "queues")
    assert queues.cast_of(op("DeleteQueue")) == "empty_body"


def test_path_expression_quotes_every_id() -> None:
    expected = "f'/conferences/{encode_segment(id)}/participants/{encode_segment(participant_id)}'"
    assert path_expression(op("RetrieveConferenceParticipant")) == expected
    assert path_expression(op("ListConferences")) == "'/conferences'"


def test_docstring_text_cannot_close_the_docstring() -> None:
    assert '"""' not in docstring_text('say """hi""" \\ there')
