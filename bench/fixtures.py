"""The JSON the loopback server returns, taken from the examples in spec/ (main venv only: imports the generator)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFERENCE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
CALL_CONTROL_ID = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"
API_KEY = "KEYbench0123456789"


def response_examples() -> dict[str, Any]:
    """`{"retrieve": ..., "join": ..., "conference": ...}`: the responses of RetrieveConference and
    JoinConference, and one conference (an item of a ListConferences page)."""
    from generator.build import prepare

    plan, _, _ = prepare(SPEC)
    by_id = {op.operation_id: op for op in plan.operations}
    retrieve = by_id["RetrieveConference"].response_example
    join = by_id["JoinConference"].response_example
    if not isinstance(retrieve, dict) or not isinstance(join, dict):
        raise SystemExit("bench: spec/ has no response example for RetrieveConference or JoinConference")
    return {"retrieve": retrieve, "join": join, "conference": retrieve["data"]}


def write(path: Path) -> dict[str, Any]:
    examples = response_examples()
    path.write_text(json.dumps(examples))
    return examples
