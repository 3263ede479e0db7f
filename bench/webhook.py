"""Section 3: verify + parse one signed `conference.participant.joined` delivery, per call."""

from __future__ import annotations

from typing import Any

from .context import Context
from .fixtures import API_KEY
from .interleave import VARIANTS, per_call_rounds, row
from .procs import peer_has_nacl
from .report import Row

ROUNDS = 11
CALLS_PER_ROUND = 1500
TARGET = 1.5
EVENT_TYPE = "conference.participant.joined"


def signed_delivery() -> dict[str, Any]:
    """A real event body (the spec's example, in its `data` envelope) signed with a fresh Ed25519 key."""
    from telnyx_conferencing.webhooks.testing import example_body, generate_keypair, sign

    private_key, public_key = generate_keypair()
    body = example_body(EVENT_TYPE)
    return {"body": body.decode(), "headers": sign(body, private_key), "public_key": public_key}


def run(ctx: Context) -> list[Row]:
    config = {**signed_delivery(), "api_key": API_KEY, "base_url": ctx.server.base_url}
    args = {variant: {"variant": variant, "config": config} for variant in VARIANTS}
    if ctx.peer is not None and not peer_has_nacl():
        args.pop("official")
    series, failed = per_call_rounds(
        ctx, "webhook", "webhook", args, ctx.rounds(ROUNDS), ctx.iterations(CALLS_PER_ROUND)
    )
    if ctx.peer is not None and "official" not in args:
        failed["official"] = "PyNaCl missing in bench/.venv-peer (install telnyx[webhooks])"
    name = f"webhooks.unwrap ({EVENT_TYPE})"
    return [row(name, "us/call", series, failed, "nacl+json", TARGET)]
