"""The call-center scripts run as written against an in-process sandbox."""

from __future__ import annotations

import asyncio

import call_center
import call_center_async
import pytest


def test_sync_call_center_script(capsys: pytest.CaptureFixture[str]) -> None:
    call_center.main()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "waiting: ['v3:caller-bob', 'v3:caller-carol']"
    assert out[1] == "took v3:caller-bob - still waiting: ['v3:caller-carol']"
    assert out[2].startswith("recordings: ['https://") and out[2].endswith(".mp3'] - ended: True")


def test_async_call_center_script(capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(call_center_async.main())
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "waiting: 5"
    assert out[1].startswith("took v3:caller-") and "'v3:agent-alice'" in out[1]
    assert out[2] == "ended: True - still waiting: 4"
