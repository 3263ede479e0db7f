"""Header lookup works with every common headers object and any key casing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.datastructures import Headers as StarletteHeaders

from telnyx_conferencing import webhooks
from telnyx_conferencing.webhooks import MissingHeaderError
from telnyx_conferencing.webhooks._verify import find_header

from .conftest import Signer

SIG = "telnyx-signature-ed25519"
TS = "telnyx-timestamp"


class GetOnlyHeaders:
    """Like Starlette's/Django's request.headers: a case-insensitive `.get` and nothing else."""

    def __init__(self, headers: dict[str, str]) -> None:
        self._headers = {k.lower(): v for k, v in headers.items()}

    def get(self, key: str, default: Any = None) -> Any:
        return self._headers.get(key.lower(), default)


class WerkzeugLikeHeaders:
    """Like werkzeug.datastructures.Headers: iteration yields (name, value) pairs, `.get` is case-sensitive here."""

    def __init__(self, headers: dict[str, str]) -> None:
        self._items = [(k.title(), v) for k, v in headers.items()]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._items)

    def get(self, key: str, default: Any = None) -> Any:
        return next((v for k, v in self._items if k == key), default)


class ExplodingGet:
    """A `.get` that raises, plus `.items()`: lookup falls back to scanning."""

    def __init__(self, headers: dict[str, str]) -> None:
        self._headers = headers

    def get(self, key: str) -> Any:
        raise TypeError("no")

    def items(self) -> Any:
        return self._headers.items()


def _variants(headers: dict[str, str]) -> list[tuple[str, Any]]:
    upper = {k.upper(): v for k, v in headers.items()}
    odd = {"TeLnYx-SiGnAtUrE-eD25519": headers[SIG], "Telnyx-TIMESTAMP": headers[TS]}
    return [
        ("dict lower", dict(headers)),
        ("dict title", {k.title(): v for k, v in headers.items()}),
        ("dict upper", upper),
        ("dict odd casing", odd),
        ("httpx.Headers", httpx.Headers(odd)),
        ("starlette Headers", StarletteHeaders(headers=odd)),
        ("get-only", GetOnlyHeaders(odd)),
        ("werkzeug-like", WerkzeugLikeHeaders(headers)),
        ("exploding get", ExplodingGet(odd)),
        ("wsgi environ", {"HTTP_TELNYX_SIGNATURE_ED25519": headers[SIG], "HTTP_TELNYX_TIMESTAMP": headers[TS]}),
        ("asgi raw pairs", [(k.encode(), v.encode()) for k, v in headers.items()]),
        ("list of pairs", list(odd.items())),
        ("multi-valued dict", {k: [v] for k, v in headers.items()}),
        ("bytes values", {k: v.encode() for k, v in headers.items()}),
    ]


def test_header_objects(signed: Signer, public_key: str) -> None:
    body, headers = signed()
    for name, variant in _variants(headers):
        event = webhooks.unwrap(body, variant, public_key=public_key)
        assert event.id, name


def test_find_header_details() -> None:
    assert find_header({"Telnyx-Timestamp": " 123 "}, TS) == "123"
    assert find_header({TS: 123}, TS) == "123"
    assert find_header({TS: []}, TS) is None
    assert find_header({TS: None, "TELNYX-TIMESTAMP": "5"}, TS) == "5"
    assert find_header("telnyx-timestamp", TS) is None
    assert find_header([("only-one",)], TS) is None
    assert find_header(object(), TS) is None


@pytest.mark.parametrize("headers", [{}, {"x-other": "1"}, httpx.Headers({}), StarletteHeaders(headers={}), []])
def test_missing_headers_in_any_object(signed: Signer, public_key: str, headers: Any) -> None:
    body, _ = signed()
    with pytest.raises(MissingHeaderError, match=SIG):
        webhooks.verify(body, headers, public_key=public_key)
