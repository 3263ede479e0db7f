"""The facades honour a string's minLength/maxLength from the spec (issue 14, item 15), on a minimal fragment."""

from __future__ import annotations

import copy

from generator.build import OVERLAYS
from generator.render import environment
from tests.generator.test_plan import plan_of, surface


def test_min_and_max_length_become_argument_checks_in_the_rendered_facade() -> None:
    doc = copy.deepcopy(surface())
    props = doc["components"]["schemas"]["EnqueueRequest"]["properties"]
    props["queue_name"] = {"type": "string", "minLength": 3, "maxLength": 9}
    props["client_state"] = {"type": "string"}  # no bounds: no check
    plan = plan_of(doc)
    resource = next(r for r in plan.resources if any(o.operation_id == "EnqueueCall" for o in r.operations))
    text = (
        environment(OVERLAYS / "templates")
        .get_template("resource.py.jinja")
        .render(resource=resource, plan=plan, package="telnyx_conferencing", webhooks=plan.webhooks)
    )
    assert 'check_length("queue_name", queue_name, 3, 9)' in text
    assert 'check_length("client_state"' not in text
