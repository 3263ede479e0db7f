"""The engine adapter: the one module that imports openapi-python-client's internals.

Everything else in the generator sees the engine through these few names: its configuration, its
parse of a document (with every problem as a readable line), the kind of a parsed property, and
the class name it gives a schema title.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import openapi_python_client
from openapi_python_client import Project, strings
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser import openapi as openapi_module
from openapi_python_client.parser.errors import GeneratorError, ParseError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import ModelProperty, Property
from openapi_python_client.parser.properties.any import AnyProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.file import FileProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.literal_enum_property import LiteralEnumProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty
from openapi_python_client.parser.responses import BYTES_SOURCE, TEXT_SOURCE
from openapi_python_client.schema.untrusted_string import UntrustedString

__all__ = [
    "ENGINE_TEMPLATES",
    "GeneratorData",
    "ModelProperty",
    "Problem",
    "Project",
    "Property",
    "class_name",
    "engine_config",
    "module_name",
    "pascal_case",
    "snake_case",
    "parse",
    "preferred_body",
    "property_kind",
    "text",
    "value_kind",
]

ENGINE_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"  # the pinned engine's own
LOWLEVEL_PACKAGE = "lowlevel"
FIELD_PREFIX = "field_"


def engine_config(output_path: Path | None = None, content_types: dict[str, str] | None = None) -> Config:
    """The engine settings the build uses: Literal enums, title-based names, no post-hooks.

    ``content_types`` maps media types the engine does not know to ones it does (see
    ``binary_media_types``).
    """
    config_file = ConfigFile(
        literal_enums=True,
        post_hooks=[],
        use_path_prefixes_for_title_model_names=False,
        package_name_override=LOWLEVEL_PACKAGE,
        project_name_override=LOWLEVEL_PACKAGE,
        content_type_overrides=content_types or None,
    )
    return Config.from_sources(config_file, MetaType.NONE, Path("spec"), "utf-8", True, output_path)


def text(value: Any) -> str:
    """The plain text of an engine value (spec strings arrive wrapped as UntrustedString)."""
    if value is None:
        return ""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter else value)


def class_name(title: str) -> str:
    """The class the engine makes of a schema title or component key (it keeps what follows a last `/`)."""
    return str(strings.ClassName(title.rsplit("/", 1)[-1], FIELD_PREFIX))


snake_case = strings.snake_case
pascal_case = strings.pascal_case


def module_name(title: str) -> str:
    """The module the engine writes a model class to, under ``lowlevel/models``."""
    return str(strings.PythonIdentifier(class_name(title), FIELD_PREFIX))


_KINDS: tuple[tuple[type, str], ...] = (
    (LiteralEnumProperty, "enum"),
    (DateTimeProperty, "datetime"),
    (DateProperty, "date"),
    (BooleanProperty, "boolean"),
    (IntProperty, "integer"),
    (FloatProperty, "number"),
    (ListProperty, "array"),
    (ModelProperty, "object"),
    (UuidProperty, "string"),
    (StringProperty, "string"),
    (FileProperty, "file"),
    (UnionProperty, "union"),
    (AnyProperty, "any"),
)


_BODY_ENCODINGS = {"json": "json", "data": "form", "files": "multipart", "content": "binary"}
_BODY_PREFERENCE = ("json", "form", "multipart", "binary")


def preferred_body(endpoint: Any) -> tuple[Any, str] | None:
    """The request body a facade sends, and how (json, form, multipart, binary): JSON when offered."""
    bodies = {_BODY_ENCODINGS[str(b.body_type.value)]: b for b in endpoint.bodies}
    for encoding in _BODY_PREFERENCE:
        if encoding in bodies:
            return bodies[encoding], encoding
    return None


def property_kind(prop: Any) -> str:
    """One word for the kind of a parsed property: string, enum, array, object, union, any..."""
    for cls, kind in _KINDS:
        if isinstance(prop, cls):
            return kind
    return "any"


def value_kind(prop: Any) -> str:
    """`property_kind`, except that a UUID is "uuid" and JSON null "none": what a model's from_dict converts."""
    if isinstance(prop, UuidProperty):
        return "uuid"
    if isinstance(prop, NoneProperty):
        return "none"
    return property_kind(prop)


@dataclass(frozen=True)
class Problem:
    """Something the engine would drop: what (an operation or a schema) and why, in plain words."""

    subject: str
    reason: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.reason}"


_ENDPOINT_HEADER = re.compile(r"WARNING parsing (\w+ \S+) within [^ ]+?\.?( Endpoint will not be generated\.)?$")
_SCHEMA_HEADER = re.compile(r"Unable to parse schema /components/schemas/(.+)$")
_NOISE = ("Unable to parse this part of your OpenAPI document: : ", ", response will be omitted from generated client")


def _problem(error: ParseError | GeneratorError) -> Problem:
    header = " ".join(text(error.header).split())
    reason = " ".join(text(error.detail).split())
    for noise in _NOISE:
        reason = reason.replace(noise, "")
    endpoint = _ENDPOINT_HEADER.match(header)
    if endpoint:
        return Problem(endpoint.group(1), reason or "not generated")
    schema = _SCHEMA_HEADER.match(header)
    if schema:
        return Problem(f"schema {schema.group(1)}", reason or "not generated")
    return Problem(header or "the spec", reason or "rejected")


@contextlib.contextmanager
def _readable_spec_strings() -> Iterator[None]:
    """Let spec strings format as their text while parsing, so messages say `status code 200`.

    The engine formats some values (a response's status code) straight into its messages, which
    would otherwise show an object repr. Only messages are affected: names go through the
    engine's own sanitizing helpers, never through str().
    """
    saved = UntrustedString.__dict__.get("__str__")
    UntrustedString.__str__ = UntrustedString.get_untrusted_value  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        if saved is None:
            del UntrustedString.__str__
        else:
            UntrustedString.__str__ = saved  # type: ignore[method-assign]


_KNOWN_MEDIA = re.compile(
    r"^(application/json|application/[\w.+-]+\+json|text/.+|application/octet-stream|multipart/form-data"
    r"|application/x-www-form-urlencoded)$"
)


def binary_media_types(doc: dict[str, Any]) -> dict[str, str]:
    """Every media type of a body or response the engine has no reader for, mapped to bytes.

    Audio, PDF and image responses (a voice sample, a letter of authorization) are bytes to the
    caller; the engine knows bytes only as ``application/octet-stream`` and would otherwise drop
    the operation.
    """
    found: set[str] = set()
    stack: list[Any] = [doc.get("paths") or {}, (doc.get("components") or {}).get("responses") or {}]
    stack.append((doc.get("components") or {}).get("requestBodies") or {})
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            content = node.get("content")
            if isinstance(content, dict):
                found.update(str(media) for media in content)
            stack.extend(v for k, v in node.items() if k not in ("schema", "example", "examples"))
        elif isinstance(node, list):
            stack.extend(node)
    return {media: "application/octet-stream" for media in sorted(found) if not _KNOWN_MEDIA.match(media.split(";")[0])}


_engine_sort_parameters = Endpoint.sort_parameters


def _sort_parameters_without_deepcopy(*, endpoint: Endpoint) -> Endpoint | ParseError:
    """The engine's own ``Endpoint.sort_parameters``, given a shallow copy instead of a deep one.

    Upstream deep-copies the whole endpoint (every model its responses reference) only to sort one
    list and rename ``{brandId}`` in one string; on the 1,156-operation document that copy was
    half of the parse. The copy here is shallow with a fresh ``path_parameters`` list, which is all
    the function changes, so the result is the same.
    """
    shallow = copy.copy(endpoint)
    shallow.path_parameters = list(endpoint.path_parameters)
    with mock.patch.object(openapi_module, "deepcopy", lambda value: value):
        result: Endpoint | ParseError = _engine_sort_parameters(endpoint=shallow)
    return result


def parse(doc: dict[str, Any]) -> tuple[GeneratorData, list[Problem]]:
    """The engine's parse of a normalized document, and every part of it the engine would drop."""
    with _readable_spec_strings(), mock.patch.object(Endpoint, "sort_parameters", _sort_parameters_without_deepcopy):
        data = GeneratorData.from_dict(doc, config=engine_config(content_types=binary_media_types(doc)))
    if isinstance(data, GeneratorError):
        raise ValueError(str(_problem(data)))
    problems = [_problem(e) for e in data.errors]
    for collection in data.endpoint_collections_by_tag.values():
        problems.extend(_problem(e) for e in collection.parse_errors)
        for endpoint in collection.endpoints:
            _read_file_responses_as_bytes(endpoint)
    return data, problems


def _read_file_responses_as_bytes(endpoint: Endpoint) -> None:
    """A ``format: binary`` response is bytes whatever its media type.

    The engine reads every ``text/*`` response as ``response.text``, so a CSV or plain-text download
    declared as binary became ``File(payload=BytesIO(<str>))``, a TypeError on the first call.
    """
    for response in endpoint.responses:
        if isinstance(response.prop, FileProperty) and response.source == TEXT_SOURCE:
            response.source = BYTES_SOURCE
