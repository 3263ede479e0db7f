"""Paging through Telnyx list responses, sync and async: the wire queries, the stop rules, flat memory."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import httpx
import pytest

from telnyx_conferencing._base_client import AsyncAPIClient, SyncAPIClient
from telnyx_conferencing._exceptions import APIResponseValidationError
from telnyx_conferencing._pagination import AsyncPage, AsyncPaginator, SyncPage
from telnyx_conferencing._response import APIResponse, AsyncAPIResponse


class Unset:
    """Stands in for the generated models' marker of an absent field."""


UNSET = Unset()


@attrs.define
class Meta:
    page_number: int | Unset = UNSET
    page_size: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    total_results: int | Unset = UNSET


@attrs.define
class ListResponse:
    data: list[Any] | Unset
    meta: Meta | Unset

    @classmethod
    def from_dict(cls, body: Mapping[str, Any]) -> ListResponse:
        meta = body.get("meta")
        return cls(data=body.get("data", UNSET), meta=Meta(**meta) if meta is not None else UNSET)


def paged_api(
    items: list[Any], *, with_meta: bool = True, seen: list[httpx.Request] | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    """Serves `items` in pages the way Telnyx does, recording the requests."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        number = int(request.url.params.get("page[number]", "1"))
        size = int(request.url.params.get("page[size]", "20"))
        chunk = items[(number - 1) * size : number * size]
        body: dict[str, Any] = {"data": chunk}
        if with_meta:
            total_pages = -(-len(items) // size)
            body["meta"] = {
                "page_number": number,
                "page_size": size,
                "total_pages": total_pages,
                "total_results": len(items),
            }
        return httpx.Response(200, content=json.dumps(body).encode(), headers={"content-type": "application/json"})

    return handler


def sync_client(handler: Callable[[httpx.Request], httpx.Response]) -> SyncAPIClient:
    return SyncAPIClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def async_client(handler: Callable[[httpx.Request], httpx.Response]) -> AsyncAPIClient:
    return AsyncAPIClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)))


FILTER = [("filter[status]", "in_progress")]
THREE_PAGE_QUERIES = [
    b"filter[status]=in_progress&page[size]=2",
    b"filter[status]=in_progress&page[number]=2&page[size]=2",
    b"filter[status]=in_progress&page[number]=3&page[size]=2",
]


def test_sync_three_pages() -> None:
    seen: list[httpx.Request] = []
    client = sync_client(paged_api(["a", "b", "c", "d", "e"], seen=seen))
    page = client.get_page("/conferences", params=FILTER, page_size=2, cast=ListResponse.from_dict)
    assert isinstance(page, SyncPage)
    assert page.data == ["a", "b"] and page.meta.total_results == 5 and isinstance(page.response, ListResponse)
    assert page.has_next_page()
    assert list(page) == ["a", "b", "c", "d", "e"]
    assert [request.url.query for request in seen] == THREE_PAGE_QUERIES
    assert str(seen[1].url) == "https://api.telnyx.com/v2/conferences?" + THREE_PAGE_QUERIES[1].decode()


def test_sync_explicit_pages() -> None:
    seen: list[httpx.Request] = []
    client = sync_client(paged_api(list(range(5)), seen=seen))
    page = client.get_page("/conferences", page_number=2, page_size=2, cast=ListResponse.from_dict)
    assert page.page_number == 2 and page.data == [2, 3]
    last = page.get_next_page()
    assert last.data == [4] and not last.has_next_page()
    with pytest.raises(RuntimeError, match="no next page"):
        last.get_next_page()
    assert [[p.page_number for p in page.iter_pages()]] == [[2, 3]]
    assert seen[0].url.query == b"page[number]=2&page[size]=2"


async def test_async_three_pages() -> None:
    seen: list[httpx.Request] = []
    client = async_client(paged_api(["a", "b", "c", "d", "e"], seen=seen))
    paginator = client.get_page("/conferences", params=FILTER, page_size=2, cast=ListResponse.from_dict)
    assert isinstance(paginator, AsyncPaginator) and seen == []
    assert [item async for item in paginator] == ["a", "b", "c", "d", "e"]
    assert [request.url.query for request in seen] == THREE_PAGE_QUERIES

    seen.clear()
    page = await client.get_page("/conferences", params=FILTER, page_size=2, cast=ListResponse.from_dict)
    assert isinstance(page, AsyncPage) and page.data == ["a", "b"] and page.has_next_page()
    second = await page.get_next_page()
    assert second.data == ["c", "d"]
    assert [p.page_number async for p in second.iter_pages()] == [2, 3]
    assert [item async for item in second] == ["c", "d", "e"]
    assert seen[1].url.query == THREE_PAGE_QUERIES[1]


@pytest.mark.parametrize(("count", "requests"), [(4, 3), (5, 3), (1, 1)])
def test_without_meta_stops_on_a_short_page(count: int, requests: int) -> None:
    seen: list[httpx.Request] = []
    client = sync_client(paged_api(list(range(count)), with_meta=False, seen=seen))
    page = client.get_page("/conferences", page_size=2, cast=ListResponse.from_dict)
    assert list(page) == list(range(count))
    assert len(seen) == requests  # a full last page costs one extra (empty) request


def test_without_page_size_assumes_telnyx_default() -> None:
    seen: list[httpx.Request] = []
    client = sync_client(paged_api(list(range(25)), with_meta=False, seen=seen))
    assert len(list(client.get_page("/conferences", cast=ListResponse.from_dict))) == 25
    assert [request.url.query for request in seen] == [b"", b"page[number]=2"]


def test_empty_page_stops() -> None:
    seen: list[httpx.Request] = []
    client = sync_client(paged_api([], seen=seen))
    page = client.get_page("/conferences", page_size=2, cast=ListResponse.from_dict)
    assert page.data == [] and not page.has_next_page() and list(page) == []
    assert len(seen) == 1


def test_missing_data_and_unset_meta_fields() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"meta": {"page_number": 1}})

    page = sync_client(handler).get_page("/x", cast=ListResponse.from_dict)
    assert page.data == [] and not page.has_next_page()


def test_page_number_and_size_validated() -> None:
    client = sync_client(paged_api([]))
    with pytest.raises(ValueError, match="page_number"):
        client.get_page("/x", page_number=0, cast=ListResponse.from_dict)
    with pytest.raises(ValueError, match="page_size"):
        client.get_page("/x", page_size=0, cast=ListResponse.from_dict)


def test_raw_mode_returns_response_that_parses_to_a_page() -> None:
    client = sync_client(paged_api(["a", "b", "c"]))
    raw: Any = client._in_mode("raw").get_page("/x", page_size=2, cast=ListResponse.from_dict)
    assert isinstance(raw, APIResponse) and raw.status_code == 200
    page = raw.parse()
    assert isinstance(page, SyncPage) and list(page) == ["a", "b", "c"]


async def test_async_raw_mode() -> None:
    client = async_client(paged_api(["a", "b", "c"]))
    raw: Any = await client._in_mode("raw").get_page("/x", page_size=2, cast=ListResponse.from_dict)
    assert isinstance(raw, AsyncAPIResponse)
    assert [item async for item in await raw.parse()] == ["a", "b", "c"]


class LiveModels:
    """Counts response models still alive, to prove iteration drops the pages it has passed."""

    def __init__(self) -> None:
        self.alive = 0
        self.peak = 0

    def cast(self, body: Mapping[str, Any]) -> ListResponse:
        model = ListResponse.from_dict(body)
        self.alive += 1
        self.peak = max(self.peak, self.alive)
        weakref.finalize(model, self._died)
        return model

    def _died(self) -> None:
        self.alive -= 1


PAGES, SIZE = 400, 250


def test_sync_memory_stays_flat_over_400_pages() -> None:
    live = LiveModels()
    client = sync_client(paged_api(list(range(PAGES * SIZE))))
    count = sum(1 for _ in client.get_page("/x", page_size=SIZE, cast=live.cast))
    assert count == PAGES * SIZE
    assert live.peak <= 3  # the first page, the current one and the one being fetched


async def test_async_memory_stays_flat_over_400_pages() -> None:
    live = LiveModels()
    client = async_client(paged_api(list(range(PAGES * SIZE))))
    count = 0
    async for _ in client.get_page("/x", page_size=SIZE, cast=live.cast):
        count += 1
    assert count == PAGES * SIZE
    assert live.peak <= 3  # the first page, the current one and the one being fetched


@attrs.define
class Item:
    """A page item model with the generated models' `from_dict`, counting the instances alive."""

    id: str
    alive: Any = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def counting(cls, live: LiveModels) -> Callable[[Mapping[str, Any]], Item]:
        def from_dict(body: Mapping[str, Any]) -> Item:
            item = cls(id=body["id"])
            live.alive += 1
            live.peak = max(live.peak, live.alive)
            weakref.finalize(item, live._died)
            return item

        return from_dict


def _item_list(live: LiveModels) -> Callable[[Mapping[str, Any]], ListResponse]:
    build = Item.counting(live)
    return lambda body: ListResponse(data=[build(item) for item in body["data"]], meta=Meta(**body["meta"]))


ITEMS = [{"id": f"c{n}"} for n in range(7)]


def test_iteration_builds_the_items_of_the_pages_it_fetches_one_at_a_time() -> None:
    live = LiveModels()
    client = sync_client(paged_api(ITEMS * 100))
    page = client.get_page("/x", page_size=50, cast=_item_list(live), item_cast=Item.counting(live))
    assert live.alive == 50  # the page handed back is built whole: its data is a list of models
    ids = [item.id for item in page]
    assert ids == [item["id"] for item in ITEMS * 100]
    assert live.peak <= 52  # the first page's 50 and the item in hand: never a second page of models


async def test_async_iteration_builds_every_item_one_at_a_time() -> None:
    live = LiveModels()
    client = async_client(paged_api(ITEMS * 100))
    paginator = client.get_page("/x", page_size=50, cast=_item_list(live), item_cast=Item.counting(live))
    ids = [item.id async for item in paginator]
    assert ids == [item["id"] for item in ITEMS * 100]
    assert live.peak <= 2  # no page is built whole when the iteration fetches them all

    live = LiveModels()
    page = await client.get_page("/x", page_size=50, cast=_item_list(live), item_cast=Item.counting(live))
    assert len([item.id async for item in page]) == 700 and live.peak <= 52


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_malformed_item_on_a_later_page_raises_validation_error_after_the_good_ones(flavour: str) -> None:
    items = [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"no_id": "d"}, {"id": "e"}]
    handler = paged_api(items)
    live = LiveModels()
    kwargs: dict[str, Any] = {"page_size": 2, "cast": _item_list(live), "item_cast": Item.counting(live)}
    seen: list[str] = []
    with pytest.raises(APIResponseValidationError) as info:
        if flavour == "sync":
            seen.extend(item.id for item in sync_client(handler).get_page("/x", **kwargs))
        else:
            async for item in async_client(handler).get_page("/x", **kwargs):
                seen.append(item.id)
    assert seen == ["a", "b", "c"]
    assert info.value.response.request.url.params["page[number]"] == "2"
    assert isinstance(info.value.__cause__, KeyError)


@pytest.mark.parametrize("body", [{"meta": {"page_number": 2}}, {"data": {"id": "x"}}, ["not", "an", "object"]])
def test_a_later_page_without_a_data_list_raises_validation_error(body: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("page[number]") == "2":
            return httpx.Response(200, json=body)
        return httpx.Response(200, json={"data": [{"id": "a"}], "meta": {"page_number": 1, "total_pages": 2}})

    live = LiveModels()
    page = sync_client(handler).get_page("/x", cast=_item_list(live), item_cast=Item.counting(live))
    iterator = iter(page)
    assert next(iterator).id == "a"
    with pytest.raises(APIResponseValidationError, match="data"):
        next(iterator)


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_iterating_a_facade_list_yields_typed_models_from_every_page(flavour: str) -> None:
    from datetime import datetime

    from telnyx_conferencing import AsyncTelnyx, Telnyx
    from telnyx_conferencing.lowlevel.models.participant import Participant

    participant = {
        "id": "p1",
        "call_control_id": "v3:a",
        "call_leg_id": "l1",
        "conference": {"id": "c1", "name": "room"},
        "created_at": "2026-12-01T10:00:00Z",
        "end_conference_on_exit": False,
        "muted": False,
        "on_hold": False,
        "soft_end_conference_on_exit": False,
        "status": "joined",
        "updated_at": "2026-12-01T10:00:00Z",
        "whisper_call_control_ids": [],
        "record_type": "participant",
    }
    handler = paged_api([participant] * 5)
    if flavour == "sync":
        client = Telnyx(api_key="KEY", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
        items = list(client.conferences.list_participants("c1", page_size=2))
    else:
        async_telnyx = AsyncTelnyx(api_key="KEY", http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)))
        items = [item async for item in async_telnyx.conferences.list_participants("c1", page_size=2)]
    assert len(items) == 5 and all(type(item) is Participant for item in items)
    assert all(isinstance(item.created_at, datetime) for item in items)
