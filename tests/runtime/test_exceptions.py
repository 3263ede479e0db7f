"""Status errors: the class per status, the one-line message, the parsed `errors[]` and the request id."""

from __future__ import annotations

import httpx
import pytest

from telnyx_conferencing._exceptions import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    MissingAPIKeyError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TelnyxError,
    UnprocessableEntityError,
    WebhookVerificationError,
    make_status_error,
)

REQUEST = httpx.Request("GET", "https://api.telnyx.com/v2/conferences/abc")
TELNYX_404 = {
    "errors": [
        {
            "code": "not_found",
            "title": "Conference not found",
            "detail": "Conference not found",
            "source": {"pointer": "/id"},
            "meta": {"url": "https://developers.telnyx.com/docs/overview/errors/10005"},
        },
        {"code": "10002", "title": "Second"},
    ]
}


def error_for(status: int, **kwargs: object) -> APIStatusError:
    return make_status_error(httpx.Response(status, request=REQUEST, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_its_class(status: int, error_class: type[APIStatusError]) -> None:
    error = error_for(status, json={"errors": []})
    assert type(error) is error_class
    assert isinstance(error, APIError) and isinstance(error, TelnyxError)
    assert error.status_code == status
    assert error.request is REQUEST


def test_message_is_one_line_with_code_title_and_request_id() -> None:
    error = error_for(404, json=TELNYX_404, headers={"x-request-id": "7b9b1c2d"})
    assert str(error) == "404 not_found: Conference not found (request id 7b9b1c2d)"
    assert error.request_id == "7b9b1c2d"
    assert "\n" not in repr(error)


def test_errors_are_parsed() -> None:
    error = error_for(404, json=TELNYX_404)
    assert error.errors == [
        ErrorDetail(
            code="not_found",
            title="Conference not found",
            detail="Conference not found",
            source={"pointer": "/id"},
            meta={"url": "https://developers.telnyx.com/docs/overview/errors/10005"},
        ),
        ErrorDetail(code="10002", title="Second"),
    ]
    assert error.body == TELNYX_404


def test_title_and_detail_both_shown_when_different() -> None:
    body = {"errors": [{"code": 10015, "title": "Invalid value", "detail": "The 'name' must be\nshort."}]}
    assert str(error_for(422, json=body)) == "422 10015: Invalid value - The 'name' must be short."


def test_request_id_falls_back_to_request_id_header() -> None:
    assert error_for(500, headers={"request-id": "r-1"}).request_id == "r-1"


@pytest.mark.parametrize(
    "content",
    [b"", b"<html>\n<body>Bad gateway</body>\n</html>", b'{"errors": "nope"}', b'{"errors": [1, null, "x"]}', b"[1,2]"],
)
def test_junk_bodies_fall_back_to_reason_phrase(content: bytes) -> None:
    error = error_for(502, content=content)
    assert str(error) == "502 Bad Gateway"
    assert error.errors == []


def test_junk_body_is_kept_as_text() -> None:
    assert error_for(502, content=b"upstream down").body == "upstream down"


def test_long_detail_is_truncated() -> None:
    error = error_for(400, json={"errors": [{"title": "x" * 1000}]})
    assert len(str(error)) < 260


def test_response_without_request_is_tolerated() -> None:
    error = make_status_error(httpx.Response(404))
    assert error.request is None
    assert str(error) == "404 Not Found"


def test_echoed_key_is_redacted_from_message() -> None:
    request = httpx.Request("GET", "https://x/v2/a", headers={"Authorization": "Bearer KEY_echo_999"})
    response = httpx.Response(401, request=request, json={"errors": [{"title": "Bad key KEY_echo_999"}]})
    assert "KEY_echo_999" not in str(make_status_error(response))


def test_missing_api_key_names_the_env_var() -> None:
    assert "TELNYX_API_KEY" in str(MissingAPIKeyError())
    assert issubclass(MissingAPIKeyError, TelnyxError)
    assert issubclass(WebhookVerificationError, TelnyxError)
