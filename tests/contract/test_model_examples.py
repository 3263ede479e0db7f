"""Every response example of the spec parses into its model and writes back exactly (timestamps included).

Here rather than in tests/runtime, which `make min-versions` runs without the generator's dependencies."""

from __future__ import annotations

from typing import Any

import pytest

from telnyx_conferencing.lowlevel import models
from tests.contract.cases import plan

EXAMPLES = [(op.operation_id, op.response_model, op.response_example) for op in plan().operations]
EXAMPLES = [(name, model, example) for name, model, example in EXAMPLES if model and isinstance(example, dict)]


@pytest.mark.parametrize(("model", "example"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_every_response_example_of_the_spec_round_trips_exactly(model: str, example: dict[str, Any]) -> None:
    assert getattr(models, model).from_dict(example).to_dict() == example
