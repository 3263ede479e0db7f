"""The contract validator must be able to fail: deliberately wrong requests are each caught."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.contract.cases import validator

BASE = "https://api.telnyx.com/v2"
GOOD_JOIN = {"call_control_id": "v3:abc", "mute": True}


def request(method: str, path: str, *, body: Any = None, params: Any = None, headers: Any = None) -> httpx.Request:
    all_headers = {"Authorization": "Bearer KEY"}
    all_headers.update(headers or {})
    content = json.dumps(body).encode() if body is not None else None
    if content is not None:
        all_headers.setdefault("Content-Type", "application/json")
    return httpx.Request(method, BASE + path, params=params, content=content, headers=all_headers)


def test_a_correct_request_passes() -> None:
    assert validator().request_problems(request("POST", "/conferences/c1/actions/join", body=GOOD_JOIN)) == []
    good_list = request(
        "GET", "/conferences", params=[("page[number]", "2"), ("filter[occurred_at][gte]", "2024-01-01T00:00:00Z")]
    )
    assert validator().request_problems(good_list) == []


DEFECTS = {
    "wrong path": request("POST", "/conference/c1/actions/join", body=GOOD_JOIN),
    "wrong method": request("PUT", "/conferences/c1/actions/join", body=GOOD_JOIN),
    "dropped required field": request("POST", "/conferences/c1/actions/join", body={"mute": True}),
    "page=2 instead of page[number]=2": request("GET", "/conferences", params={"page": "2"}),
    "flattened filter key": request("GET", "/conferences", params={"status": "in_progress"}),
    "body field of the wrong type": request("POST", "/conferences/c1/actions/join", body={**GOOD_JOIN, "mute": "yes"}),
    "enum value outside the spec": request(
        "POST", "/conferences/c1/actions/join", body={**GOOD_JOIN, "beep_enabled": "x"}
    ),
    "page size over the limit": request("GET", "/conferences", params={"page[size]": "999"}),
    "missing bearer header": httpx.Request("POST", BASE + "/conferences/c1/actions/join", json=GOOD_JOIN),
    "form-encoded body": request(
        "POST",
        "/conferences/c1/actions/join",
        body=GOOD_JOIN,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ),
    "missing required body": request("POST", "/conferences/c1/actions/join"),
    "empty path id": request("POST", "/conferences//actions/join", body=GOOD_JOIN),
}


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_planted_defect_is_caught(name: str) -> None:
    assert validator().request_problems(DEFECTS[name]) != []


def test_a_response_that_breaks_the_schema_is_caught() -> None:
    bad = {"data": [{"id": 5, "record_type": "conference"}], "meta": {"page_number": "one"}}
    assert validator().response_problems("GET", "/conferences", 200, bad) != []
