"""Errors the sandbox answers with, in Telnyx's `{"errors": [{code, title, detail, source}]}` shape.

Handlers raise `SandboxError`; the app turns it into a JSON response. The codes and titles are the
ones Telnyx uses for the same situation (see the error examples in spec/responses.yaml).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "RESOURCE_NOT_FOUND",
    "SandboxError",
    "already_ended",
    "conference_not_found",
    "bad_request",
    "invalid_value",
    "missing_parameter",
    "not_found",
    "unprocessable",
]


RESOURCE_NOT_FOUND = "10007"  # upstream's generic missing-resource code (10005 is audio files and recordings)


class SandboxError(Exception):
    """A request the sandbox refuses: an HTTP status plus one Telnyx error object."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        *,
        pointer: str | None = None,
        parameter: str | None = None,
    ) -> None:
        super().__init__(f"{status} {code} {title}: {detail}")
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter

    def error_object(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "title": self.title, "detail": self.detail}
        source: dict[str, str] = {}
        if self.pointer is not None:
            source["pointer"] = self.pointer
        if self.parameter is not None:
            source["parameter"] = self.parameter
        if source:
            error["source"] = source
        return error

    def body(self) -> dict[str, Any]:
        return {"errors": [self.error_object()]}


def unprocessable(code: str, title: str, detail: str, *, pointer: str | None = None) -> SandboxError:
    """A 422: the request is well-formed but the call, conference or queue is in the wrong state."""
    return SandboxError(422, code, title, detail, pointer=pointer)


def invalid_value(detail: str, *, pointer: str | None = None, parameter: str | None = None) -> SandboxError:
    return SandboxError(422, "10015", "Invalid value", detail, pointer=pointer, parameter=parameter)


def missing_parameter(name: str, *, pointer: str | None = None) -> SandboxError:
    return SandboxError(
        422,
        "10004",
        "Missing required parameter",
        f"The '{name}' parameter is required and cannot be blank.",
        pointer=pointer if pointer is not None else f"/{name}",
    )


def bad_request(detail: str) -> SandboxError:
    return SandboxError(400, "10002", "Bad request", detail)


def not_found(what: str, identifier: str, *, code: str = "10005", pointer: str | None = None) -> SandboxError:
    return SandboxError(404, code, f"{what} not found", f"No {what.lower()} with id {identifier!r}.", pointer=pointer)


def conference_not_found() -> SandboxError:
    """The one answer for an unknown conference, whether retrieved or sent an action (upstream's example)."""
    return SandboxError(404, "90058", "Invalid conference_id", "The conference does not exist.")


def already_ended() -> SandboxError:
    return unprocessable(
        "90019", "Conference has already ended", "This conference is no longer active and can't receive commands."
    )
