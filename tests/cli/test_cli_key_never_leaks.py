"""Hardening (issue 14, item 3): `--debug` redacts the key even when the environment's copy has stray whitespace."""

from __future__ import annotations

import httpx

from .conftest import Cli

LONG_KEY = "KEY0123SECRETabcdefghijklmnopqrstuvwxyzABCDEFGHIJK"


def test_debug_output_redacts_a_key_with_a_trailing_newline_even_when_the_server_echoes_it(run: Cli) -> None:
    run.respond(httpx.Response(404, headers={"x-echo": LONG_KEY}, json={"errors": [{"detail": LONG_KEY}]}))
    result = run(["--debug", "conferences", "retrieve", "c1"], api_key=f"{LONG_KEY}\n")
    assert result.exit_code == 1
    assert LONG_KEY[:8] not in result.output
    assert "x-echo: <redacted>" in result.stderr
