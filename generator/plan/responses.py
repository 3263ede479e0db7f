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
    cli_print: ClassVar[str | None] = "print_result"  # the CLI's printer of the result; None: nothing to print

    @property
    def model(self) -> str | None:
        """The low-level model class of the body."""
        return None

    @property
    def hint(self) -> str:
        return "Any"

    @property
    def cast(self) -> str:
        return "json_body"


@dataclass(frozen=True)
class JsonResponse(Response):
    pass


@dataclass(frozen=True)
class ModelResponse(Response):
    name: ClassVar[str] = "model"
    model_class: str = ""

    @property
    def model(self) -> str:
        return self.model_class

    @property
    def hint(self) -> str:
        return self.model_class

    @property
    def cast(self) -> str:
        return f"{self.model_class}.from_dict"


@dataclass(frozen=True)
class EmptyResponse(Response):
    """No body (a 204)."""

    name: ClassVar[str] = "empty"
    cli_print: ClassVar[str | None] = None

    @property
    def hint(self) -> str:
        return "None"

    @property
    def cast(self) -> str:
        return "empty_body"


@dataclass(frozen=True)
class BinaryResponse(Response):
    """Bytes: audio, a PDF, any media type that is not JSON."""

    name: ClassVar[str] = "binary"
    cli_print: ClassVar[str | None] = "print_bytes"

    @property
    def hint(self) -> str:
        return "bytes"

    @property
    def cast(self) -> str:
        return "binary_body"
