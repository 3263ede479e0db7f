"""The clients' resource attributes: one table read on first access at run time (so `_client.py` costs the same
whatever the number of resources), typed for checkers by `_client_resources.pyi`; both must name the same ones."""

from __future__ import annotations

import ast
import rlcompleter
from pathlib import Path

import pytest

import telnyx_conferencing
from telnyx_conferencing import AsyncTelnyx, Telnyx, _client

STUB = Path(telnyx_conferencing.__file__).parent / "_client_resources.pyi"
CLIENTS = [Telnyx, AsyncTelnyx]


def _stub_properties() -> dict[str, list[str]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {
        node.name: [item.name for item in node.body if isinstance(item, ast.FunctionDef)]
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def test_the_stub_types_exactly_the_resources_of_the_table() -> None:
    stub = _stub_properties()
    prefixes, suffixes = ("", "Async"), ("", "WithRawResponse", "WithStreamingResponse")
    assert sorted(stub) == sorted(f"{p}Telnyx{s}Resources" for p in prefixes for s in suffixes)
    assert all(names == list(_client._RESOURCES) for names in stub.values())


def test_the_client_classes_define_no_code_per_resource() -> None:
    for cls in (Telnyx, AsyncTelnyx, _client.TelnyxWithRawResponse, _client.AsyncTelnyxWithStreamingResponse):
        assert not set(_client._RESOURCES) & set(vars(cls))


@pytest.mark.parametrize("cls", CLIENTS)
def test_each_resource_is_built_once_from_its_module(cls: type[Telnyx] | type[AsyncTelnyx]) -> None:
    client = cls(api_key="x")
    prefix = "Async" if cls is AsyncTelnyx else ""
    for name, stem in _client._RESOURCES.items():
        resource = getattr(client, name)
        assert type(resource).__name__ == f"{prefix}{stem}Resource"
        assert type(resource).__module__.startswith(f"telnyx_conferencing.resources.{name}.")
        assert resource._client is client
        assert getattr(client, name) is resource
        for view, suffix in [
            ("with_raw_response", "WithRawResponse"),
            ("with_streaming_response", "WithStreamingResponse"),
        ]:
            wrapped = getattr(getattr(client, view), name)
            assert type(wrapped).__name__ == f"{prefix}{stem}Resource{suffix}"
            assert getattr(getattr(client, view), name) is wrapped


def test_copies_and_subclasses_build_their_own_resources() -> None:
    class Mine(Telnyx):
        pass

    client = Mine(api_key="x")
    copy = client.with_options(max_retries=0)
    assert type(copy) is Mine
    assert copy.calls is not client.calls
    assert copy.calls._client is copy
    assert copy.with_raw_response.conferences is not client.with_raw_response.conferences


@pytest.mark.parametrize("cls", CLIENTS)
def test_dir_and_completion_list_the_resources(cls: type[Telnyx] | type[AsyncTelnyx]) -> None:
    client = cls(api_key="x")
    names = dir(client)
    assert set(_client._RESOURCES) <= set(names)
    assert {"copy", "with_options", "with_raw_response", "webhooks", "close"} <= set(names)
    assert len(names) == len(set(names))
    client.calls  # noqa: B018 - built, so also in the instance's __dict__: still listed once
    assert dir(client).count("calls") == 1
    assert set(_client._RESOURCES) <= set(dir(client.with_raw_response))
    completer = rlcompleter.Completer({"client": client})
    completions = {completer.complete("client.c", i) for i in range(20)} - {None}
    assert {"client.calls", "client.conferences"} <= completions


def test_an_unknown_attribute_raises_a_clear_attribute_error() -> None:
    client = Telnyx(api_key="x")
    with pytest.raises(AttributeError, match="^'Telnyx' object has no attribute 'callz'$") as raised:
        client.callz  # type: ignore[attr-defined]  # noqa: B018
    assert (raised.value.name, raised.value.obj) == ("callz", client)
    with pytest.raises(AttributeError, match="'TelnyxWithRawResponse' object has no attribute 'nope'"):
        client.with_raw_response.nope  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(client, "__deepcopy__")
