"""Fault injection: each kind, before and after applying, in process and over a socket, reproducible by seed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telnyx_conferencing.sandbox import SandboxApp, serving
from telnyx_conferencing.sandbox._faults import FaultInjector

AUTH = {"Authorization": "Bearer k"}
CREATE = {"call_control_id": "v3:agent", "name": "f"}


def test_the_same_seed_gives_the_same_faults() -> None:
    def run(seed: int) -> list[object]:
        injector = FaultInjector(rate=0.3, seed=seed)
        return [injector.decide(f"request-{n}") for n in range(200)]

    assert run(7) == run(7)
    assert run(7) != run(8)
    faults = [f for f in run(7) if f is not None]
    assert 40 <= len(faults) <= 80
    assert {f.kind for f in faults} == {"500", "503", "429", "reset", "delay"}
    assert {f.phase for f in faults} == {"before", "after"}
    assert all(not f.after for f in faults if f.kind in ("429", "503"))


def test_the_same_request_is_not_faulted_more_than_streak_limit_times() -> None:
    injector = FaultInjector(rate=1.0, seed=1, streak_limit=3)
    assert [injector.decide("same") is not None for _ in range(8)] == [True, True, True, False] * 2


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        FaultInjector(rate=2.0)
    with pytest.raises(ValueError):
        FaultInjector(kinds={"teapot": 1.0})


def _app(kind: str, *, after: bool = False, **options: Any) -> SandboxApp:
    return SandboxApp(
        seed=1, fault_rate=1.0, fault_kinds={kind: 1.0}, fault_after_share=1.0 if after else 0.0, **options
    )


@pytest.mark.parametrize(("kind", "status"), [("500", 500), ("503", 503)])
async def test_error_responses_before_applying(kind: str, status: int) -> None:
    app = _app(kind)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        response = await http.post("/conferences", json=CREATE)
        assert response.status_code == status
        assert response.json()["errors"][0]["detail"].startswith("Injected by the Telnyx sandbox")
        assert app.state.conferences == {}
    app.close()


async def test_rate_limit_carries_retry_after_and_ratelimit_headers() -> None:
    app = _app("429", retry_after=0.5)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        response = await http.get("/conferences")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "0.5"
    assert response.headers["x-ratelimit-remaining"] == "0" and response.headers["x-ratelimit-reset"] == "0.5"
    app.close()


async def test_a_500_after_applying_leaves_the_change_in_place() -> None:
    app = _app("500", after=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s", headers=AUTH) as http:
        response = await http.post("/conferences", json=CREATE)
    assert response.status_code == 500
    assert len(app.state.conferences) == 1
    stats = app.stats_snapshot()
    assert stats["faults"] == {"500_after": 1} and stats["operations"]["CreateConference"]["applied"] == 1
    app.close()


@pytest.mark.parametrize(("kind", "error", "applied"), [("reset", httpx.ReadError, 1), ("delay", httpx.ReadTimeout, 1)])
async def test_in_process_drops_raise_httpx_errors(kind: str, error: type[Exception], applied: int) -> None:
    for after in (False, True):
        app = _app(kind, after=after)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://s", headers=AUTH) as http:
            with pytest.raises(error):
                await http.post("/conferences", json=CREATE)
        assert len(app.state.conferences) == (applied if after else 0)
        app.close()


def test_over_a_socket_reset_closes_the_connection_and_delay_outlasts_the_timeout() -> None:
    app = _app("reset", fault_delay=0.3)
    with serving(app) as base_url, httpx.Client(base_url=base_url, headers=AUTH) as http:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            http.get("/conferences")
        app.faults.configure(kinds={"delay": 1.0}, after_share=1.0)
        with pytest.raises(httpx.ReadTimeout):
            http.post("/conferences", json=CREATE, timeout=0.1)
        app.faults.configure(rate=0.0)
        assert http.get("/sandbox/health").json() == {"status": "ok"}
    assert len(app.state.conferences) == 1  # the delayed command was applied
    app.close()


async def test_faults_can_be_changed_at_run_time(http: httpx.AsyncClient, app: SandboxApp) -> None:
    settings = (await http.post("/sandbox/faults", json={"rate": 0.25, "kinds": {"503": 1}})).json()
    assert settings["rate"] == 0.25 and settings["kinds"] == {"503": 1}
    assert (await http.post("/sandbox/faults", json={"rate": 3})).status_code == 422
    assert (await http.post("/sandbox/faults", json={"color": "red"})).status_code == 422
    assert (await http.get("/sandbox/faults")).json()["rate"] == 0.25


async def test_sandbox_endpoints_are_never_faulted() -> None:
    app = _app("500")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s") as http:
        assert (await http.get("/sandbox/stats")).status_code == 200
    app.close()
