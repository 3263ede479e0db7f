"""Stage 2 (select): a surface is chosen by the rules of overlays/surfaces.yaml, with everything it references."""

from __future__ import annotations

from typing import Any

import pytest

from generator.build import OVERLAYS, surface_named
from generator.errors import BuildError
from generator.load import load_spec
from generator.select import select_surface
from generator.surfaces import Surface, load_surfaces

CONFERENCING = surface_named("conferencing")


def op(ref: str | None = None) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": ref}}} if ref else {}
    return {"post": {"operationId": "x", "responses": {"200": {"description": "ok", "content": content}}}}


def test_conferencing_path_and_webhook_rules() -> None:
    has = CONFERENCING.has_path
    assert has("/conferences") and has("/conferences/{id}/actions/join")
    assert has("/calls/{call_control_id}/actions/enqueue") and has("/calls/{call_control_id}/actions/leave_queue")
    assert not has("/calls/{call_control_id}/actions/answer") and not has("/conferencesx") and not has("/calls")
    assert CONFERENCING.has_webhook("conferenceCreated") and CONFERENCING.has_webhook("callEnqueued")
    assert not CONFERENCING.has_webhook("callAnswered")


def test_pattern_star_stays_in_one_segment_and_double_star_crosses() -> None:
    surface = Surface("s", "", ("/a/*/b", "/c/**"), ("x*",))
    assert surface.has_path("/a/{id}/b") and not surface.has_path("/a/{id}/z/b")
    assert surface.has_path("/c/d/e/f") and not surface.has_path("/c") and not surface.has_path("/cd/e")
    assert surface.has_webhook("xAnything") and not surface.has_webhook("yx")


def test_the_product_surface_is_the_default(tmp_path: Any) -> None:
    assert surface_named(None) == surface_named(load_surfaces(OVERLAYS / "surfaces.yaml").product)
    with pytest.raises(BuildError, match="unknown surface 'nope'; known: all, conferencing, voice"):
        surface_named("nope")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("surfaces: []", "expected a `surfaces:` mapping"),
        ("surfaces: {a: {paths: /x}}\nproduct: a", "surfaces.a.paths must be a list of patterns"),
        ("surfaces: {a: {paths: [/x]}}\nproduct: b", "product 'b' is not one of the surfaces"),
    ],
)
def test_a_bad_surfaces_file_is_one_clear_error(tmp_path: Any, text: str, message: str) -> None:
    path = tmp_path / "surfaces.yaml"
    path.write_text(text)
    with pytest.raises(BuildError, match=message):
        load_surfaces(path)


@pytest.mark.parametrize(("name", "operations", "webhooks"), [("conferencing", 25, 16), ("voice", 74, 51)])
def test_surfaces_of_the_published_spec_have_the_documented_size(
    upstream_spec: Any, name: str, operations: int, webhooks: int
) -> None:
    doc = _upstream(upstream_spec)
    selected = select_surface(doc, surface_named(name))
    count = sum(
        1 for item in selected["paths"].values() for key in item if key in {"get", "post", "put", "patch", "delete"}
    )
    assert (count, len(selected.get("webhooks", {}))) == (operations, webhooks)


_CACHE: dict[str, Any] = {}


def _upstream(path: Any) -> Any:
    if "doc" not in _CACHE:
        _CACHE["doc"] = load_spec(path)
    return _CACHE["doc"]


def test_keeps_only_the_surface_and_its_referenced_components() -> None:
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "security": [{"bearer": []}],
        "paths": {"/conferences": op("#/components/schemas/A"), "/messages": op("#/components/schemas/M")},
        "webhooks": {"conferenceEnded": op("#/components/schemas/B"), "messageSent": op()},
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"c": {"$ref": "#/components/schemas/C"}}},
                "B": {"type": "string"},
                "C": {"type": "string"},
                "M": {"type": "string"},
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "other": {"type": "http"}},
        },
    }
    selected = select_surface(doc, CONFERENCING)
    assert list(selected["paths"]) == ["/conferences"]
    assert list(selected["webhooks"]) == ["conferenceEnded"]
    assert sorted(selected["components"]["schemas"]) == ["A", "B", "C"]
    assert list(selected["components"]["securitySchemes"]) == ["bearer"]


def test_dangling_component_ref_is_an_error() -> None:
    doc = {"paths": {"/conferences": op("#/components/schemas/Gone")}, "components": {"schemas": {}}}
    with pytest.raises(BuildError, match="does not exist"):
        select_surface(doc, CONFERENCING)


def test_a_spec_without_the_surface_is_an_error() -> None:
    with pytest.raises(BuildError, match="no operation on the conferencing surface"):
        select_surface({"paths": {"/messages": op()}}, CONFERENCING)
