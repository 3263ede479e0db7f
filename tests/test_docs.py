"""`make docs` as a test: the reference builds with --strict and covers what the package has."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.processes import run

pytest.importorskip("mkdocs", reason="the docs tools come with the dev extra")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"}
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=PROJECT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_every_resource_has_a_page_with_every_method(site: Path) -> None:
    from telnyx_conferencing.sandbox._routes import ROUTES

    for route in ROUTES:
        resource, method = route.facade.rsplit(".", 1)
        page = (site / "reference" / "resources" / f"{resource}.html").read_text(encoding="utf-8")
        assert 'id="telnyx_conferencing.resources.' in page
        assert f'.{method}"' in page, route.facade
        assert f"operationId <code>{route.operation_id}</code>" in page, route.operation_id


def test_every_webhook_event_and_its_fields_are_documented(site: Path) -> None:
    import attrs

    from telnyx_conferencing.webhooks.events import EVENT_TYPES

    page = (site / "reference" / "events.html").read_text(encoding="utf-8")
    for event_type, event_class in EVENT_TYPES.items():
        assert f"<code>{event_type}</code>" in page
        payload = attrs.fields_dict(event_class)["payload"].type
        payload_name = payload if isinstance(payload, str) else payload.__name__
        for field in attrs.fields_dict(getattr(sys.modules[event_class.__module__], payload_name)):
            if field != "raw":
                assert f'id="telnyx_conferencing.webhooks.events.{payload_name}.{field}"' in page


def test_every_cli_command_is_documented(site: Path) -> None:
    page = (site / "reference" / "cli.html").read_text(encoding="utf-8")
    for command in (
        "telnyx-conf conferences actions join",
        "telnyx-conf calls actions enqueue",
        "telnyx-conf sandbox serve",
    ):
        assert f"<code>{command}</code>" in page


def test_sandbox_page_has_its_api_plugin_and_endpoints(site: Path) -> None:
    page = (site / "reference" / "sandbox.html").read_text(encoding="utf-8")
    for name in ("SandboxHarness", "SandboxApp", "pytest_plugin.telnyx_sandbox", "/sandbox/clock", "/v2/conferences"):
        assert name in page
