"""The generated models as a facade user meets them: no `Unset` anywhere, absent optional fields read as None,
`to_dict()` gives back what was received (absent left out, null kept), reprs without object addresses, and
date-time fields as `datetime` however the spec spells them."""

from __future__ import annotations

import datetime
from typing import Any

import httpx
import pytest

from telnyx_conferencing import APIResponseValidationError, Telnyx
from telnyx_conferencing.lowlevel.models import (
    CallConversationInsightsGeneratedPayloadResultsItem,
    Conference,
    ConferenceEndedBy,
    ConferencePlayRequest,
    ConferenceResponse,
    DialRequestWebhookUrls,
    ListConferencesResponse,
)
from telnyx_conferencing.lowlevel.types import UNSET, Unset

CONFERENCE: dict[str, Any] = {
    "created_at": "2019-01-23T18:10:02.574Z",
    "expires_at": "2019-01-23T19:10:02.574Z",
    "id": "c1",
    "name": "standup",
    "record_type": "conference",
}


def test_an_absent_optional_field_reads_as_none_not_unset() -> None:
    conference = Conference.from_dict(CONFERENCE)
    assert conference.region is None and conference.ended_by is None and conference.updated_at is None
    assert not any(isinstance(getattr(conference, name), Unset) for name in vars(Conference)["__slots__"])


def test_to_dict_leaves_out_what_was_absent_and_keeps_an_explicit_null() -> None:
    received = {**CONFERENCE, "region": None, "ended_by": {"call_control_id": None}}
    conference = Conference.from_dict(received)
    assert conference.region is None and conference.ended_by is not None
    dumped = conference.to_dict()
    assert dumped["region"] is None and "status" not in dumped and "updated_at" not in dumped
    assert dumped["ended_by"] == {"call_control_id": None}


def test_a_field_given_as_none_is_sent_as_null_and_one_left_out_is_not_sent() -> None:
    request = ConferencePlayRequest(audio_url=None, loop=3)
    assert request.audio_url is None and request.media_name is None
    assert request.to_dict() == {"audio_url": None, "loop": 3}


def test_a_value_set_after_parsing_is_sent() -> None:
    conference = Conference.from_dict(CONFERENCE)
    conference.region = "sv1"
    assert conference.to_dict()["region"] == "sv1"


def test_reprs_show_no_object_address() -> None:
    conference = Conference.from_dict({**CONFERENCE, "ended_by": {}})
    assert "0x" not in repr(conference) and "Unset" not in repr(conference)
    assert "ended_by=ConferenceEndedBy(call_control_id=None" in repr(conference)
    assert repr(UNSET) == "UNSET"


def test_date_time_fields_are_datetimes_even_where_the_spec_gives_no_format() -> None:
    # spec/schemas/conference.yaml: created_at is `type: string` with an ISO 8601 example and no `format`
    conference = Conference.from_dict({**CONFERENCE, "updated_at": "2019-01-23T18:12:00+01:00"})
    assert conference.created_at == datetime.datetime(2019, 1, 23, 18, 10, 2, 574000, tzinfo=datetime.UTC)
    assert conference.updated_at is not None and conference.updated_at.utcoffset() == datetime.timedelta(hours=1)
    assert conference.to_dict()["created_at"] == "2019-01-23T18:10:02.574Z"  # dumped as Telnyx spells it
    assert conference.to_dict()["updated_at"] == "2019-01-23T18:12:00+01:00"
    assert Conference.from_dict(conference.to_dict()) == conference


def test_nested_models_and_lists_of_models_parse_and_dump() -> None:
    page = ListConferencesResponse.from_dict(
        {"data": [CONFERENCE, {**CONFERENCE, "id": "c2", "ended_by": {"call_session_id": "s"}}], "meta": {}}
    )
    assert [c.id for c in page.data] == ["c1", "c2"]
    assert page.data[1].ended_by == ConferenceEndedBy(call_session_id="s")
    assert page.meta is not None and page.meta.total_pages is None
    assert page.to_dict()["data"][1]["ended_by"] == {"call_session_id": "s"}


def test_a_union_field_keeps_each_variant() -> None:
    as_model = CallConversationInsightsGeneratedPayloadResultsItem.from_dict({"result": {"score": 1}})
    as_text = CallConversationInsightsGeneratedPayloadResultsItem.from_dict({"result": "fine"})
    assert hasattr(as_model.result, "to_dict") and as_text.result == "fine"
    assert as_model.to_dict() == {"result": {"score": 1}} and as_text.to_dict() == {"result": "fine"}
    assert ConferencePlayRequest.from_dict({"loop": "infinity"}).loop == "infinity"


def test_unknown_fields_are_kept_in_additional_properties() -> None:
    conference = Conference.from_dict({**CONFERENCE, "new_field": [1, None]})
    assert conference.additional_properties == {"new_field": [1, None]}
    assert conference.to_dict()["new_field"] == [1, None]
    sparse = Conference.from_dict({**CONFERENCE, "region": None, "status": "completed", "extra": 1})
    assert sparse.additional_properties == {"extra": 1} and sparse.to_dict()["region"] is None
    assert Conference.from_dict({**CONFERENCE, "region": None}).additional_properties == {}
    urls = DialRequestWebhookUrls.from_dict({"a": "https://a", "b": "https://b"})
    assert urls["a"] == "https://a" and urls.to_dict() == {"a": "https://a", "b": "https://b"}


def test_a_missing_required_field_is_an_error() -> None:
    with pytest.raises(KeyError):
        Conference.from_dict({k: v for k, v in CONFERENCE.items() if k != "created_at"})


@pytest.mark.parametrize("stamp", ["yesterday", "2019-13-45T00:00:00Z", 1548267002])
def test_a_malformed_timestamp_from_the_server_is_a_response_validation_error(stamp: object) -> None:
    reply = {"data": {**CONFERENCE, "created_at": stamp}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=reply))
    client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=transport))
    with pytest.raises(APIResponseValidationError) as info:
        client.conferences.retrieve("c1")
    assert info.value.status_code == 200 and "Could not parse the 200 response" in str(info.value)


def test_a_facade_response_reads_without_narrowing() -> None:
    reply = {"data": {**CONFERENCE, "region": "sv1"}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=reply))
    client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=transport))
    conference = client.conferences.retrieve("c1")
    assert isinstance(conference, ConferenceResponse)
    assert conference.data.region == "sv1" and conference.data.status is None


def test_a_request_model_typed_datetime_still_sends_the_string_it_took_before() -> None:
    from telnyx_conferencing.lowlevel.models import ListConferencesFilterOccurredAt

    when = datetime.datetime(2019, 3, 29, 11, 10, tzinfo=datetime.UTC)
    assert ListConferencesFilterOccurredAt(gt=when).to_dict() == {"gt": "2019-03-29T11:10:00Z"}
    legacy = ListConferencesFilterOccurredAt(gt="2019-03-29T11:10:00Z")  # type: ignore[arg-type]
    assert legacy.to_dict() == {"gt": "2019-03-29T11:10:00Z"}


def test_a_model_parsed_without_unknown_keys_is_a_whole_attrs_model() -> None:
    import copy
    import pickle

    import attrs

    conference = Conference.from_dict(CONFERENCE)  # its additional_properties are made when first read
    assert pickle.loads(pickle.dumps(conference)) == conference == copy.copy(conference)
    assert attrs.asdict(conference)["additional_properties"] == {}
    conference["late"] = 1
    assert conference.additional_properties == {"late": 1} and conference.to_dict()["late"] == 1
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        conference.nope  # type: ignore[attr-defined]  # noqa: B018
