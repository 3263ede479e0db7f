"""Pages of Telnyx list responses (`{"data": [...], "meta": {...}}`) and lazy iteration across them.

Iteration fetches lazily and lets go of the pages it has passed, so memory stays flat however many pages; the
pages it fetches itself build each item from the JSON as it is yielded (see `_fetched`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from ._exceptions import APIResponseValidationError
from ._qs import deep_object
from ._response import MALFORMED_BODY_ERRORS, AsyncAPIResponse, parse_body
from ._types import Omit, RequestOptions

if TYPE_CHECKING:
    import httpx

    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncPage",
    "AsyncPaginator",
    "PageInfo",
    "PageMeta",
    "PageRequest",
    "SyncPage",
    "make_page_request",
]

_T = TypeVar("_T")

DEFAULT_PAGE_SIZE = 20
"""What Telnyx returns when `page[size]` is not sent."""


@dataclasses.dataclass(frozen=True, slots=True)
class PageRequest:
    """Everything needed to fetch one page of a list endpoint; `next(n)` describes page n."""

    path: str
    params: tuple[tuple[str, str], ...]
    """The query pairs of the call, without `page[number]` and `page[size]`."""
    cast: Callable[[Any], Any]
    """Builds the response model (with `.data` and `.meta`) from the decoded JSON."""
    page_number: int | None
    page_size: int | None
    options: RequestOptions | None
    item_cast: Callable[[Any], Any] | None = None
    """Builds one item of `data` from its JSON; None: pages reached by iteration are built whole, by `cast`."""

    def query(self) -> list[tuple[str, str]]:
        return [*self.params, *deep_object("page", {"number": self.page_number, "size": self.page_size})]

    def next(self, page_number: int) -> PageRequest:
        return dataclasses.replace(self, page_number=page_number)

    @property
    def page_cast(self) -> Callable[[Any], Any]:
        """What parses a page that iteration fetched: the JSON checked (its items built later, one by one), or the
        whole response model when the item model is not known."""
        return self.cast if self.item_cast is None else _list_body


@dataclasses.dataclass(frozen=True, slots=True)
class PageMeta:
    """A list response's `meta`: where this page sits in the whole list (None where the response left it out)."""

    page_number: int | None = None
    page_size: int | None = None
    total_pages: int | None = None
    total_results: int | None = None

    @classmethod
    def of(cls, meta: object) -> PageMeta | None:
        """From the response model's `meta`, or from the JSON object of a page whose model was not built."""
        if meta is None:
            return None
        return cls(
            _meta_int(meta, "page_number"),
            _meta_int(meta, "page_size"),
            _meta_int(meta, "total_pages", allow_zero=True),
            _meta_int(meta, "total_results", allow_zero=True),
        )


@dataclasses.dataclass(frozen=True, slots=True)
class PageInfo:
    """What `next_page_info()` returns: the query parameters that fetch the next page."""

    params: dict[str, object]


class _BasePage(Generic[_T]):
    """The I/O-free part of a page: its items, its meta and whether another page follows."""

    __slots__ = ("_request", "data", "meta", "response")

    data: list[_T]
    meta: PageMeta | None
    """The response's `meta` (page_number, page_size, total_pages, total_results); None when it had none."""
    response: Any
    """The parsed response model this page was built from."""

    def __init__(self, request: PageRequest, model: Any) -> None:
        self._request = request
        self.response = model
        data = _member(model, "data")
        self.data = data if isinstance(data, list) else []
        self.meta = PageMeta.of(_member(model, "meta"))

    @property
    def page_number(self) -> int:
        """This page's number (1-based): from meta when present, else the one requested."""
        meta = self.meta
        return (meta.page_number if meta else None) or self._request.page_number or 1

    def has_next_page(self) -> bool:
        """Whether another page follows: by `meta.total_pages` when known, else whether this page was full."""
        if not self.data:
            return False
        requested = self._request.page_number
        if requested is not None and requested > 1 and self.page_number < requested:
            return False  # the server ignored the page we asked for: stop rather than ask again forever
        meta = self.meta
        total_pages = meta.total_pages if meta else None
        if total_pages is not None:
            return self.page_number < total_pages
        page_size = self._request.page_size or (meta.page_size if meta else None) or DEFAULT_PAGE_SIZE
        return len(self.data) >= page_size

    def next_page_info(self) -> PageInfo | None:
        """The query parameters of the next page (`{"page[number]": n}`), or None when this is the last."""
        if not self.has_next_page():
            return None
        return PageInfo(params={"page[number]": self.page_number + 1})

    def _next_request(self) -> PageRequest:
        if not self.has_next_page():
            raise RuntimeError("There is no next page; check has_next_page() first.")
        return self._request.next(self.page_number + 1)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} page_number={self.page_number} items={len(self.data)}>"


class SyncPage(_BasePage[_T]):
    """One page of a list call; iterating it yields every item of this and the following pages."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncAPIClient, request: PageRequest, model: Any) -> None:
        super().__init__(request, model)
        self._client = client

    @classmethod
    def fetch(cls, client: SyncAPIClient, request: PageRequest) -> SyncPage[_T]:
        response = client._send("GET", request.path, params=request.query(), json=None, options=request.options)
        return cls(client, request, parse_body(response, request.cast))

    def get_next_page(self) -> SyncPage[_T]:
        """Fetch the page after this one; raises RuntimeError when `has_next_page()` is False."""
        return self.fetch(self._client, self._next_request())

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:
        return _items(self._client, self.data, self._next_request() if self.has_next_page() else None)


class AsyncPage(_BasePage[_T]):
    """One page of an async list call; `async for` yields every item of this and the following pages."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncAPIClient, request: PageRequest, model: Any) -> None:
        super().__init__(request, model)
        self._client = client

    @classmethod
    async def fetch(cls, client: AsyncAPIClient, request: PageRequest) -> AsyncPage[_T]:
        response = await client._send("GET", request.path, params=request.query(), json=None, options=request.options)
        return cls(client, request, parse_body(response, request.cast))

    async def get_next_page(self) -> AsyncPage[_T]:
        """Fetch the page after this one; raises RuntimeError when `has_next_page()` is False."""
        return await self.fetch(self._client, self._next_request())

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    def __aiter__(self) -> AsyncIterator[_T]:
        return _async_items(self._client, self.data, self._next_request() if self.has_next_page() else None)


class AsyncPaginator(Generic[_T]):
    """What an async list call returns: `await` it for the first page, or `async for` over every item."""

    __slots__ = ("_client", "_request")

    def __init__(self, client: AsyncAPIClient, request: PageRequest) -> None:
        self._client = client
        self._request = request

    async def _first_page(self) -> AsyncPage[_T]:
        client, request = self._client, self._request
        mode = client._response_mode
        if mode == "parse":
            return await AsyncPage.fetch(client, request)
        # Raw or streaming mode: hand back the HTTP response; its parse() builds the page, whose later pages come
        # through the parse-mode client this one was copied from (typed as the page, as the resources' wrappers say).
        stream = mode == "stream"
        response = await client._send(
            "GET", request.path, params=request.query(), json=None, options=request.options, stream=stream
        )
        pager = cast("AsyncAPIClient", client._lender or client)
        raw: Any = AsyncAPIResponse(response, lambda body: AsyncPage(pager, request, request.cast(body)))
        return cast(AsyncPage[_T], raw)

    def __await__(self) -> Generator[Any, None, AsyncPage[_T]]:
        return self._first_page().__await__()

    def __aiter__(self) -> AsyncIterator[_T]:
        return _async_items(self._client, [], self._request)


# The two iterations below are one loop each, not generators stacked on generators: every level would cost each
# item another resumption.


def _items(client: SyncAPIClient, first: list[Any], request: PageRequest | None) -> Iterator[Any]:
    """`first` (a page's built items), then the items of the page `request` asks for and of every page after it,
    fetched as the iteration reaches them (see `_fetched`)."""
    yield from first
    while request is not None:
        response = client._send("GET", request.path, params=request.query(), json=None, options=request.options)
        request, items = _fetched(request, response)
        try:
            yield from items
        except MALFORMED_BODY_ERRORS as exc:
            raise APIResponseValidationError(response, exc) from exc


async def _async_items(client: AsyncAPIClient, first: list[Any], request: PageRequest | None) -> AsyncIterator[Any]:
    """`_items` for the async client."""
    for item in first:
        yield item
    while request is not None:
        response = await client._send("GET", request.path, params=request.query(), json=None, options=request.options)
        request, items = _fetched(request, response)
        try:
            for item in items:
                yield item
        except MALFORMED_BODY_ERRORS as exc:
            raise APIResponseValidationError(response, exc) from exc


def _fetched(request: PageRequest, response: httpx.Response) -> tuple[PageRequest | None, Iterator[Any]]:
    """The request of the page after the one `response` answered (None after the last), and that page's items.

    The items are built one by one from the JSON as they are drawn, when the item model is known: each model then
    lives only as long as the loop body holds it, and the page's JSON goes once the last is drawn. A page of built
    models would stay alive through the garbage collector's passes, which then move them to older generations and
    scan them again and again (a third of the time of a long iteration).
    """
    page: _BasePage[Any] = _BasePage(request, parse_body(response, request.page_cast))
    following = page._next_request() if page.has_next_page() else None
    item_cast = request.item_cast
    return following, iter(page.data) if item_cast is None else map(item_cast, page.data)


def _list_body(body: Any) -> dict[str, Any]:
    """The decoded JSON of a list response whose items are built one by one: it must hold a `data` list."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise TypeError(f"a list response must be an object with a `data` list, got {type(body).__name__}")
    return body


def _member(model: Any, name: str) -> Any:
    """`model.name` of a response model, or `model[name]` of a page's JSON object."""
    return model.get(name) if isinstance(model, dict) else getattr(model, name, None)


def make_page_request(
    path: str,
    params: Sequence[tuple[str, str]],
    page_number: int | Omit | None,
    page_size: int | Omit | None,
    cast: Callable[[Any], Any],
    options: RequestOptions | None,
    item_cast: Callable[[Any], Any] | None = None,
) -> PageRequest:
    """Validate the paging arguments of a list call and bundle them (omit means not given, like None)."""
    page_number = None if isinstance(page_number, Omit) else page_number
    page_size = None if isinstance(page_size, Omit) else page_size
    if page_number is not None and page_number < 1:
        raise ValueError(f"page_number starts at 1, got {page_number}")
    if page_size is not None and page_size < 1:
        raise ValueError(f"page_size must be at least 1, got {page_size}")
    return PageRequest(path, tuple(params), cast, page_number, page_size, options, item_cast)


def _meta_int(meta: object, name: str, *, allow_zero: bool = False) -> int | None:
    # Anything that is not a positive int (a missing field, a negative or zero page number) is unknown.
    value = _member(meta, name)
    if isinstance(value, int) and not isinstance(value, bool) and (value > 0 or (allow_zero and value == 0)):
        return value
    return None
