"""What list and single-result commands print: the whole first page, every item with ``--all``, pretty on a terminal."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import httpx
import pytest

from .conftest import Cli


def _conference(plan: Any, conference_id: str) -> dict[str, Any]:
    op = next(op for op in plan.operations if op.resource == "conferences" and op.python_method == "list")
    item = copy.deepcopy(op.response_example["data"][0])
    item["id"] = conference_id
    return dict(item)


def _pages(plan: Any) -> list[httpx.Response]:
    ids = [["c1", "c2"], ["c3", "c4"], ["c5"]]
    return [
        httpx.Response(
            200,
            json={
                "data": [_conference(plan, i) for i in page],
                "meta": {"page_number": n, "page_size": 2, "total_pages": 3, "total_results": 5},
            },
        )
        for n, page in enumerate(ids, start=1)
    ]


def test_all_follows_every_page_and_prints_each_item_once(plan: Any, run: Cli) -> None:
    run.respond(*_pages(plan))
    result = run(["conferences", "list", "--page-size", "2", "--all"])
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["id"] for item in items] == ["c1", "c2", "c3", "c4", "c5"]
    assert [r.url.params.get("page[number]") for r in run.requests] == [None, "2", "3"]
    assert all(r.url.params["page[size]"] == "2" for r in run.requests)


def test_without_all_the_first_page_is_printed_whole(plan: Any, run: Cli) -> None:
    run.respond(*_pages(plan))
    result = run(["conferences", "list", "--page-size", "2", "--page-number", "1"])
    assert result.exit_code == 0, result.output
    assert len(run.requests) == 1
    printed = json.loads(result.stdout)
    assert [item["id"] for item in printed["data"]] == ["c1", "c2"]
    assert printed["meta"]["total_pages"] == 3


def test_all_stops_at_an_error_after_printing_what_came(plan: Any, run: Cli) -> None:
    run.respond(_pages(plan)[0], httpx.Response(404, json={"errors": [{"code": "not_found", "title": "Gone"}]}))
    result = run(["conferences", "list", "--all"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.strip() == "error: 404 not_found: Gone"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_json_is_indented_on_a_terminal_and_compact_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    from telnyx_conferencing.cli._output import print_json

    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    print_json({"data": {"id": "c1", "name": "Standup"}})
    assert terminal.getvalue() == '{\n  "data": {\n    "id": "c1",\n    "name": "Standup"\n  }\n}\n'

    pipe = io.StringIO()
    monkeypatch.setattr("sys.stdout", pipe)
    print_json({"data": {"id": "c1", "name": "Standup"}})
    assert pipe.getvalue() == '{"data":{"id":"c1","name":"Standup"}}\n'


def test_the_response_model_is_printed_as_received(plan: Any, run: Cli) -> None:
    op = next(op for op in plan.operations if op.resource == "conferences" and op.python_method == "retrieve")
    run.respond(httpx.Response(200, json=op.response_example))
    result = run(["conferences", "retrieve", "c1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == op.response_example
