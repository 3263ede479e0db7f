"""Names from rules (generator/naming.py), exceptions from overlays/naming.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import OVERLAYS
from generator.errors import BuildError
from generator.naming import Naming, default_python_method, default_resource, identifier, load_naming, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SendDTMF", ["send", "dtmf"]),
        ("SendSIPInfo", ["send", "sip", "info"]),
        ("CallStartAIAssistant", ["call", "start", "ai", "assistant"]),
        ("callGatherUsingAI", ["call", "gather", "using", "ai"]),
        ("speech-to-text", ["speech", "to", "text"]),
        ("list_v2_items", ["list", "v2", "items"]),
        ("10dlc", ["10dlc"]),
    ],
)
def test_words_keep_acronyms_whole(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10dlc", "api_10dlc"), ("speech-to-text", "speech_to_text"), (".well-known", "well_known"), ("class", "class_"),
     ("match", "match_"), ("", "unnamed"), ("Événement", "v_nement")],
)  # fmt: skip
def test_identifier_is_valid_python_for_any_segment(text: str, expected: str) -> None:
    name = identifier(text)
    assert name == expected and name.isidentifier()


@pytest.mark.parametrize(
    ("url_path", "resource"),
    [
        ("/conferences/{id}/actions/mute", "conferences.actions"),
        ("/calls", "calls"),
        ("/10dlc/brand/{brandId}", "api_10dlc"),
        ("/.well-known/oauth", "well_known"),
        ("/actions/{id}/actions/run", "actions.actions"),
        ("/{id}", "root"),
    ],
)
def test_default_resource_is_the_first_segment_plus_actions(url_path: str, resource: str) -> None:
    assert default_resource(url_path) == resource


@pytest.mark.parametrize(
    ("operation_id", "resource", "python_method"),
    [
        ("SendDTMF", "calls.actions", "send_dtmf"),
        ("SendSIPInfo", "calls.actions", "send_sip_info"),
        ("CallStartAIAssistant", "calls.actions", "start_ai_assistant"),
        ("HangupCall", "calls.actions", "hangup"),
        ("ListConferences", "conferences", "list"),
        ("ListConferenceParticipants", "conferences", "list_participants"),
        ("RetrieveCallFromQueue", "queues.calls", "retrieve"),
        ("UpdateCallInQueue", "queues.calls", "update"),
        ("GetCall", "calls", "get"),
        ("Calls", "calls", "calls"),  # nothing left: keep every word
        ("WithRawResponse", "x", "with_raw_response_"),
        ("import", "x", "import_"),
    ],
)
def test_default_python_method_drops_resource_words_and_trailing_prepositions(
    operation_id: str, resource: str, python_method: str
) -> None:
    assert default_python_method(operation_id, resource) == python_method


def test_exceptions_in_data_win_over_the_rules() -> None:
    naming = Naming(
        resources=(("/queues/*/calls/**", "queues.calls"),), operations={"EndIt": {"python_method": "end_it"}}
    )
    assert naming.names("ListQueueCalls", "/queues/{q}/calls/{c}") == ("queues.calls", "list")
    assert naming.names("EndIt", "/conferences/{id}/actions/end") == ("conferences.actions", "end_it")


@pytest.mark.parametrize(
    ("operation_id", "http_verb", "command_id", "expected"),
    [
        ("Anything", "post", True, "command_id"),
        ("Unlisted", "post", False, "unsafe"),
        ("Unlisted", "patch", False, "unsafe"),
        ("Unlisted", "get", False, "idempotent"),
        ("Unlisted", "put", False, "idempotent"),
        ("Unlisted", "delete", False, "idempotent"),
        ("Listed", "post", False, "idempotent"),
    ],
)
def test_an_unlisted_action_without_command_id_is_replay_unsafe(
    operation_id: str, http_verb: str, command_id: bool, expected: str
) -> None:
    naming = Naming(operations={"Listed": {"replay": "idempotent"}})
    assert naming.replay(operation_id, http_verb, "/x/{id}/actions/y", command_id) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("operations: {A: {python_method: 1x}}", "operations.A.python_method '1x' is not a Python name"),
        ("operations: {A: {replay: maybe}}", "replay must be one of idempotent, unsafe"),
        ("operations: {A: {colour: red}}", "takes only resource, python_method and replay"),
        ("resources: [a]", "must be mappings"),
        ("[1, 2]", "expected a mapping"),
    ],
)
def test_a_bad_naming_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "naming.yaml"
    path.write_text(text)
    with pytest.raises(BuildError, match=message):
        load_naming(path)


def test_the_shipped_naming_file_lists_only_exceptions() -> None:
    """An entry equal to what the rules give is noise: the file holds exceptions only."""
    from generator.build import prepare
    from tests.conftest import SPEC

    naming = load_naming(OVERLAYS / "naming.yaml")
    for op in prepare(SPEC)[0].operations:
        entry = naming.operations.get(op.operation_id) or {}
        if "python_method" in entry:
            assert default_python_method(op.operation_id, op.resource) != entry["python_method"], op.operation_id
        if "resource" in entry:
            assert naming.resource(op.url_path) != entry["resource"]
        if "replay" in entry:
            bare = Naming().replay(op.operation_id, op.http_verb, op.url_path, op.has_command_id)
            assert bare != entry["replay"], op.operation_id


def test_the_engine_parse_without_its_deep_copy_sorts_and_renames_path_ids_the_same() -> None:
    """generator/engine.py swaps a deep copy for a shallow one in the engine's sort_parameters."""
    from unittest import mock

    from openapi_python_client.parser.openapi import Endpoint

    from generator import engine

    def params(*names: str) -> list[dict[str, object]]:
        return [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names]

    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/brands/{brandId}/items/{itemId}": {
                "get": {"operationId": "GetItem", "parameters": params("itemId", "brandId"), "responses": {}}
            }
        },
    }

    def endpoints(data: object) -> list[tuple[str, list[str]]]:
        return [
            (engine.text(e.path), [engine.text(p.name) for p in e.path_parameters])
            for c in data.endpoint_collections_by_tag.values()  # type: ignore[attr-defined]
            for e in c.endpoints
        ]

    fast, _ = engine.parse(doc)
    with mock.patch.object(engine, "_sort_parameters_without_deepcopy", Endpoint.sort_parameters):
        upstream, _ = engine.parse(doc)
    assert endpoints(fast) == endpoints(upstream) == [("/brands/{brand_id}/items/{item_id}", ["brandId", "itemId"])]
