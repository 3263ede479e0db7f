"""Building the plan's webhooks: one event class per webhook, with its fields and payload fields."""

from __future__ import annotations

import keyword
from typing import Any

from ..engine import GeneratorData, ModelProperty, class_name, pascal_case, text
from ..errors import BuildError
from ..naming import identifier
from .kinds import enum_values, kind_of
from .model import EventField, Webhook
from .spec_index import SpecIndex


def _event_fields(model: ModelProperty, schema: dict[str, Any], index: SpecIndex) -> tuple[EventField, ...]:
    props, required_names = index.properties(schema), index.required(schema)
    fields = []
    for member in (model.required_properties or []) + (model.optional_properties or []):
        wire = text(member.name)
        fields.append(
            EventField(
                name=wire,
                # The spec's name (`format`, `type`), as the official SDK has it; a keyword takes the engine's (`from_`).
                python_name=wire if wire.isidentifier() and not keyword.iskeyword(wire) else str(member.python_name),
                kind=kind_of(member, props.get(wire, {})),
                required=wire in required_names,
                description=" ".join(text(member.description).split()),
            )
        )
    return tuple(fields)


def _member(model: ModelProperty, wire: str) -> Any:
    members = (model.required_properties or []) + (model.optional_properties or [])
    return next((p for p in members if text(p.name) == wire), None)


def _example_event_type(schema: dict[str, Any], webhook: str) -> tuple[str, ...]:
    """The event_type of a webhook whose schema lists no enum: from its examples, else its own name."""
    field = (schema.get("properties") or {}).get("event_type") or {}
    for candidate in (field.get("const"), field.get("example"), (schema.get("example") or {}).get("event_type")):
        if isinstance(candidate, str) and candidate:
            return (candidate,)
    return (webhook,)


def build_webhooks(data: GeneratorData, index: SpecIndex, aliases: dict[str, list[str]]) -> tuple[Webhook, ...]:
    models = {str(m.class_info.name): m for m in data.models}
    schemas = (index.doc.get("components") or {}).get("schemas") or {}
    webhooks = []
    for name, item in (index.doc.get("webhooks") or {}).items():
        operation = index.deref(item).get("post") or {}
        media = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
        envelope_key = str((media.get("schema") or {}).get("$ref", "")).rsplit("/", 1)[-1]
        envelope = schemas.get(envelope_key) or {}
        envelope_model = models.get(class_name(str(envelope.get("title") or envelope_key)))
        if envelope_model is None:
            raise BuildError(f"webhook {name}: the engine produced no model for {envelope_key or 'its body'}")
        envelope_model = models.get(str(envelope_model.class_info.name), envelope_model)
        data_prop = _member(envelope_model, "data")
        if isinstance(data_prop, ModelProperty):  # Telnyx's envelope: {"data": {event}}
            # the processed model, with its fields (a property holds a copy made before they were parsed)
            event_model = models.get(str(data_prop.class_info.name), data_prop)
            inner_schema = index.deref((envelope.get("properties") or {}).get("data") or {})
        else:  # a bare event: the body is the event
            event_model, inner_schema = envelope_model, envelope
        inner_props = index.properties(inner_schema)
        event_types = enum_values(inner_props.get("event_type", {})) or _example_event_type(inner_schema, name)
        payload_prop = next(
            (
                p
                for p in (event_model.optional_properties or []) + (event_model.required_properties or [])
                if text(p.name) == "payload"
            ),
            None,
        )
        payload_fields: tuple[EventField, ...] = ()
        if isinstance(payload_prop, ModelProperty):
            payload_fields = _event_fields(payload_prop, inner_props.get("payload", {}), index)
        top_fields = tuple(f for f in _event_fields(event_model, inner_schema, index) if f.name != "payload")
        example = inner_schema.get("example")
        webhooks.append(
            Webhook(
                name=name,
                event_type=str(event_types[0]),
                class_name=pascal_case(identifier(name)) + "Event",
                envelope_model=str(envelope_model.class_info.name),
                event_model=str(event_model.class_info.name),
                description=" ".join(text(operation.get("summary") or operation.get("description")).split()),
                fields=top_fields,
                payload_fields=payload_fields,
                example=example if isinstance(example, dict) else {},
                aliases=tuple(a for a in aliases.get(name, []) if a != event_types[0]),
            )
        )
    return tuple(sorted(webhooks, key=lambda w: w.event_type))
