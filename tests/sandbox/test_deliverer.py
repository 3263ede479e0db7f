"""The webhook delivery thread survives a failing delivery and reports it, instead of hanging."""

from __future__ import annotations

from telnyx_conferencing.sandbox._webhooks import Deliverer, Inbox
from telnyx_conferencing.webhooks.testing import generate_keypair


def test_a_delivery_that_raises_is_marked_failed_and_the_next_one_still_goes_out() -> None:
    private_key, _ = generate_keypair()
    deliverer = Deliverer(private_key=private_key, inbox=Inbox())
    deliverer.submit({"id": "bad", "event_type": "x", "unserializable": object()})  # json.dumps raises
    deliverer.submit({"id": "good", "event_type": "conference.created"})
    assert deliverer.wait_idle(timeout=5)
    statuses = {d.event["id"]: (d.status, d.error) for d in deliverer.log()}
    assert statuses["bad"][0] == "failed" and "TypeError" in (statuses["bad"][1] or "")
    assert statuses["good"] == ("delivered", None)
    deliverer.close()
