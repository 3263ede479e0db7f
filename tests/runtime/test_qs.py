"""deepObject query encoding: the wire pairs Telnyx expects for `page[...]` and `filter[...]`."""

from __future__ import annotations

import datetime
import enum

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telnyx_conferencing._qs import build_query, deep_object, encode_query
from telnyx_conferencing._types import omit


class Status(enum.Enum):
    IN_PROGRESS = "in_progress"


@attrs.define
class Filter:
    """Stands in for a generated model: attrs plus `to_dict()`."""

    name: str

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name}


def test_page_pairs() -> None:
    assert deep_object("page", {"number": 2, "size": 50}) == [("page[number]", "2"), ("page[size]", "50")]


def test_nested_booleans_lists_and_dropped_values() -> None:
    value = {
        "occurred_at": {"gte": "2024-01-01T00:00:00Z", "lte": None},
        "muted": True,
        "on_hold": False,
        "status": [Status.IN_PROGRESS, "completed"],
        "region": omit,
    }
    assert deep_object("filter", value) == [
        ("filter[occurred_at][gte]", "2024-01-01T00:00:00Z"),
        ("filter[muted]", "true"),
        ("filter[on_hold]", "false"),
        ("filter[status]", "in_progress"),
        ("filter[status]", "completed"),
    ]


def test_models_and_dates() -> None:
    when = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)
    assert deep_object("filter", {"conference": Filter("standup"), "after": when}) == [
        ("filter[conference][name]", "standup"),
        ("filter[after]", "2024-05-01T12:00:00+00:00"),
    ]


def test_build_query_flattens_only_deep_params() -> None:
    params = {
        "filter": {"name": "x"},
        "page": {"size": 5},
        "region": Status.IN_PROGRESS,
        "flag": True,
        "n": 3,
        "o": omit,
    }
    assert build_query(params, frozenset({"filter", "page"})) == [
        ("filter[name]", "x"),
        ("page[size]", "5"),
        ("region", "in_progress"),
        ("flag", "true"),
        ("n", "3"),
    ]


def test_build_query_rejects_object_for_plain_param() -> None:
    with pytest.raises(TypeError, match="deepObject"):
        build_query({"filter": {"a": 1}}, frozenset())


def test_encode_keeps_brackets_and_escapes_values() -> None:
    pairs = [("page[number]", "2"), ("filter[name]", "a b&c=d"), ("t", "2024-01-01T00:00:00+01:00")]
    assert encode_query(pairs) == "page[number]=2&filter[name]=a%20b%26c%3Dd&t=2024-01-01T00%3A00%3A00%2B01%3A00"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a shared 2-core machine is slow at times
@given(
    st.dictionaries(
        st.text(min_size=1, alphabet="abcxyz_"), st.integers() | st.booleans() | st.text(alphabet="ab c&="), max_size=5
    )
)
def test_flat_values_give_one_pair_each(value: dict[str, object]) -> None:
    pairs = deep_object("filter", value)
    assert [key for key, _ in pairs] == [f"filter[{key}]" for key in value]
    assert all(isinstance(text, str) for _, text in pairs)
