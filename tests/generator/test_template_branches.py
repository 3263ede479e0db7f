"""Template branches that today's spec/ does not reach, each driven through a minimal fragment.

One fragment holds an operation per branch; it is built once with the real generator and each test
drives the generated facade (over MockTransport) or CLI in a fresh interpreter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.generator.fragments import body, document, operation, probe, render

ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
MODES = {"type": "array", "items": {"type": "string", "enum": ["loud", "quiet"]}}
ITEM = {"type": "object", "title": "Item", "properties": {"id": {"type": "string"}}}
LISTING = {
    "type": "object",
    "title": "ItemList",
    "properties": {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
        "meta": {"type": "object"},
    },
}
PAGE_DEEP = {
    "name": "page",
    "in": "query",
    "style": "deepObject",
    "explode": True,
    "schema": {"type": "object", "properties": {"number": {"type": "integer"}, "size": {"type": "integer"}}},
}
FILTER_DEEP = {
    "name": "filter",
    "in": "query",
    "style": "deepObject",
    "schema": {"type": "object", "properties": {"status": {"type": "string"}}},
}
PAGE_PLAIN = {"name": "page", "in": "query", "schema": {"type": "integer"}}

PATHS: dict[str, Any] = {
    "/conferences/{id}/actions/tag": {
        "post": operation(
            "Tag",
            parameters=ID,
            requestBody=body(
                {
                    "modes": MODES,
                    "labels": MODES,
                    "count": {"type": "integer"},
                    "loud": {"type": "boolean"},
                    "settings": {"type": "object", "properties": {"a": {"type": "string"}}},
                    "command_id": {"type": "string"},
                },
                required=["modes"],
            ),
        )
    },
    "/conferences/{id}/actions/poke": {"post": operation("Poke", parameters=ID, requestBody=body({}))},
    "/conferences/{id}/history": {"get": operation("History", parameters=[*ID, PAGE_PLAIN])},
    "/conferences/{call_control_id}/actions/bridge": {
        "post": operation(
            "Bridge",
            parameters=[{"name": "call_control_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            requestBody=body({"call_control_id": {"type": "string"}}, required=["call_control_id"]),
        )
    },
    "/conferences/{id}/actions/forget": {
        "post": {"operationId": "Forget", "parameters": ID, "responses": {"204": {"description": "no body"}}}
    },
    "/conferences/{id}/recording": {
        "get": {
            "operationId": "Recording",
            "parameters": ID,
            "responses": {
                "200": {
                    "description": "audio",
                    "content": {"audio/wav": {"schema": {"type": "string", "format": "binary"}}},
                }
            },
        }
    },
    "/conferences/{id}/report": {
        "get": {
            "operationId": "Report",
            "parameters": ID,
            "responses": {
                "200": {
                    "description": "csv",
                    "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}},
                }
            },
        }
    },
    "/conferences/{id}/upload": {
        "post": {
            "operationId": "Upload",
            "parameters": ID,
            "requestBody": {
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            },
            "responses": {"204": {"description": "stored"}},
        }
    },
    "/conferences/{id}/snapshot": {"get": operation("RetrieveConference", parameters=ID)},
    "/conferences/{id}/snapshot/latest": {"get": operation("Retrieve", parameters=ID)},
    "/conferences/{id}/find": {
        "get": operation(
            "Find", parameters=[*ID, {"name": "term", "in": "query", "required": True, "schema": {"type": "string"}}]
        )
    },
    "/conferences/{id}/items": {
        "get": {
            **operation("ListItems", parameters=[*ID, PAGE_DEEP, FILTER_DEEP]),
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ItemList"}}},
                }
            },
        }
    },
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fragment")
    return render(tmp, document(PATHS, {"Item": ITEM, "ItemList": LISTING}))


def test_array_of_enums_is_checked_item_by_item_before_any_request(out: Path) -> None:
    result = probe(
        out,
        """
tag = client.conferences.actions.tag
result = {
    "required_bad": attempt(lambda: tag("c1", modes=["loud", "shouting"])),
    "optional_bad": attempt(lambda: tag("c1", modes=["loud"], labels=["whisper"])),
    "good": attempt(lambda: tag("c1", modes=["loud", "quiet"], labels=["quiet"], count=3, loud=True, settings={"a": "b"})),
}
""",
    )
    assert result["required_bad"]["error"] == "InvalidArgumentError" and result["required_bad"]["sent"] == 0
    assert "modes" in result["required_bad"]["message"] and "shouting" in result["required_bad"]["message"]
    assert result["optional_bad"]["error"] == "InvalidArgumentError" and "labels" in result["optional_bad"]["message"]
    sent = result["good"]["sent"]
    assert sent["url"] == "https://api.telnyx.com/v2/conferences/c1/actions/tag"
    command_id = sent["body"].pop("command_id")
    assert len(command_id) == 36  # generated once per call: the body has a command_id field
    assert sent["body"] == {
        "modes": ["loud", "quiet"],
        "labels": ["quiet"],
        "count": 3,
        "loud": True,
        "settings": {"a": "b"},
    }


def test_a_required_body_without_fields_still_sends_an_object(out: Path) -> None:
    result = probe(out, "result = attempt(lambda: client.conferences.actions.poke('c1'))")
    assert result["sent"]["body"] == {} and result["sent"]["method"] == "POST"


def test_a_page_parameter_that_is_not_deep_object_is_not_paginated(out: Path) -> None:
    result = probe(
        out,
        """
import inspect
method = client.conferences.history
result = {"params": sorted(inspect.signature(method).parameters), "call": attempt(lambda: method("c1", page=2))}
""",
    )
    assert "page" in result["params"] and "page_number" not in result["params"]
    assert result["call"]["ok"] != "SyncPage"
    assert result["call"]["sent"]["url"] == "https://api.telnyx.com/v2/conferences/c1/history?page=2"


def test_a_deep_object_page_paginates_and_deep_filters_nest(out: Path) -> None:
    result = probe(
        out,
        """
page = client.conferences.list_items("c1", page_size=5, filter={"status": "live"})
result = {"type": type(page).__name__, "url": SEEN[-1]["url"] if SEEN else None}
""",
    )
    assert result["type"] == "SyncPage"
    assert result["url"] == "https://api.telnyx.com/v2/conferences/c1/items?filter[status]=live&page[size]=5"


def test_the_cli_takes_each_fragment_operation_with_its_flags(out: Path) -> None:
    result = probe(
        out,
        """
from click.testing import CliRunner
from telnyx_conferencing.cli import cli
runner = CliRunner()
help_text = runner.invoke(cli, ["conferences", "actions", "tag", "--help"]).output
bad = runner.invoke(cli, ["conferences", "actions", "tag", "c1", "--modes", "shouting"], env={"TELNYX_API_KEY": "k"})
result = {"help": help_text, "bad_code": bad.exit_code, "bad": bad.output}
""",
    )
    for flag in ("--modes", "--labels", "--count", "--loud / --no-loud", "--settings"):
        assert flag in result["help"], flag
    assert result["bad_code"] == 2 and "shouting" in result["bad"]


def test_a_required_query_parameter_is_required_in_the_facade_and_the_cli(out: Path) -> None:
    result = probe(
        out,
        """
import inspect
from click.testing import CliRunner
from telnyx_conferencing.cli import cli
find = client.conferences.find
parameter = inspect.signature(find).parameters["term"]
missing = CliRunner().invoke(cli, ["conferences", "find", "c1"], env={"TELNYX_API_KEY": "k"})
result = {
    "required": parameter.default is inspect.Parameter.empty,
    "none": attempt(lambda: find("c1", term=None)),
    "good": attempt(lambda: find("c1", term="sales")),
    "cli_code": missing.exit_code,
    "cli": missing.output,
}
""",
    )
    assert result["required"]
    assert result["none"]["error"] == "InvalidArgumentError" and result["none"]["sent"] == 0
    assert result["good"]["sent"]["url"] == "https://api.telnyx.com/v2/conferences/c1/find?term=sales"
    assert result["cli_code"] == 2 and "--term" in result["cli"]


def test_plan_repairs_a_shadowed_path_id_a_taken_name_and_odd_responses(out: Path) -> None:
    result = probe(
        out,
        """
import inspect, httpx
actions = client.conferences.actions
def raw(request):
    SEEN.append({"url": str(request.url), "body": json.loads(request.content) if request.content else None})
    if request.url.path.endswith("/forget"):
        return httpx.Response(204)
    return httpx.Response(200, content=b"RIFF-bytes", headers={"content-type": "audio/wav"})
client2 = Telnyx(api_key="KEY-fragment", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(raw)))
result = {
    "bridge_params": list(inspect.signature(actions.bridge).parameters)[:2],
    "bridge": attempt(lambda: actions.bridge("v3:a", call_control_id="v3:b")),
    "names": sorted(n for n in ("retrieve", "retrieve_conference", "retrieve_2") if hasattr(client.conferences, n)),
    "forget": client2.conferences.actions.forget("c1"),
    "recording": client2.conferences.recording("c1").decode(),
}
""",
    )
    assert result["bridge_params"] == ["path_call_control_id", "call_control_id"]
    sent = result["bridge"]["sent"]
    assert sent["url"].endswith("/conferences/v3%3Aa/actions/bridge") and sent["body"] == {"call_control_id": "v3:b"}
    # both earn `retrieve`; the later one's operationId is `retrieve` too, so it is numbered
    assert result["names"] == ["retrieve", "retrieve_2"]
    assert result["forget"] is None and result["recording"] == "RIFF-bytes"


def test_a_binary_text_response_is_bytes_and_a_raw_body_takes_a_file_tuple_or_nothing(out: Path) -> None:
    result = probe(
        out,
        """
import httpx, pathlib, telnyx_conferencing.lowlevel.api as api
def raw(request):
    SEEN.append(request.content)
    if request.url.path.endswith("/upload"):
        return httpx.Response(204)
    return httpx.Response(200, content=b"id,name\\n1,a\\n", headers={"content-type": "text/csv"})
client2 = Telnyx(api_key="KEY-fragment", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(raw)))
lowlevel = "\\n".join(p.read_text() for p in pathlib.Path(api.__path__[0]).rglob("report.py"))
result = {
    "facade": client2.conferences.report("c1").decode(),
    "lowlevel_reads_bytes": "BytesIO(response.content)" in lowlevel and "BytesIO(response.text)" not in lowlevel,
    "uploads": [
        client2.conferences.upload("c1", body=("report.csv", b"a,b")),
        client2.conferences.upload("c1", body=b"c,d"),
        client2.conferences.upload("c1"),
    ],
    "sent": [s.decode() for s in SEEN[1:]],
}
""",
    )
    assert result["facade"] == "id,name\n1,a\n" and result["lowlevel_reads_bytes"]
    assert result["uploads"] == [None, None, None] and result["sent"] == ["a,b", "c,d", ""]
