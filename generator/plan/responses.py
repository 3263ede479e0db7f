"""What a successful call returns, as one small class per kind: the facade's return annotation, the
cast that builds the result from the body (see ``_response.py``), and how the CLI prints it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

__all__ = ["BinaryResponse", "EmptyResponse", "JsonResponse", "ModelResponse", "Response"]


@dataclass(frozen=True)
class Response:
    """Untyped JSON (a body the engine made no model of)."""

    name: ClassVar[str] = "json"
    hint: ClassVar[str] = "Any"  # the facade's return annotation
    cast: ClassVar[str] = "json_body"  # the expression that builds the result from the decoded body
    cli_print: ClassVar[str | None] = "print_result"  # the CLI's printer of the result; None: nothing to print
    model: ClassVar[str | None] = None  # the low-level model class of the body


JsonResponse = Response


@dataclass(frozen=True)
class EmptyResponse(Response):
    """No body (a 204)."""

    name: ClassVar[str] = "empty"
    hint: ClassVar[str] = "None"
    cast: ClassVar[str] = "empty_body"
    cli_print: ClassVar[str | None] = None


@dataclass(frozen=True)
class BinaryResponse(Response):
    """Bytes: audio, a PDF, any media type that is not JSON."""

    name: ClassVar[str] = "binary"
    hint: ClassVar[str] = "bytes"
    cast: ClassVar[str] = "binary_body"
    cli_print: ClassVar[str | None] = "print_bytes"


@dataclass(frozen=True)
class ModelResponse(Response):
    """A model the engine parsed the body into."""

    name: ClassVar[str] = "model"
    model_class: str = ""

    @property
    def model(self) -> str:  # type: ignore[override]
        return self.model_class

    @property
    def hint(self) -> str:  # type: ignore[override]
        return self.model_class

    @property
    def cast(self) -> str:  # type: ignore[override]
        return f"{self.model_class}.from_dict"
