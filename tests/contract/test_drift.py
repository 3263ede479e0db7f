"""The drift check against Telnyx's published spec: zero unexplained differences, and it can fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.drift import compare, load_allowlist, main, unexplained
from tests.conftest import PROJECT


def test_no_unexplained_drift_from_upstream(upstream_spec: Path) -> None:
    left = unexplained(compare(PROJECT / "spec" / "openapi.yaml", upstream_spec), load_allowlist())
    assert left == {}, "\n".join(f"{group}: {line}" for group, lines in left.items() for line in lines)


def test_no_unexplained_drift_over_the_voice_surface(upstream_spec: Path) -> None:
    left = unexplained(compare(PROJECT / "spec" / "openapi.yaml", upstream_spec, "voice"), load_allowlist())
    assert left == {}, "\n".join(f"{group}: {line}" for group, lines in left.items() for line in lines)


def test_the_surface_option_picks_what_is_compared(upstream_spec: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = PROJECT / "spec" / "openapi.yaml"
    voice = compare(spec, upstream_spec, "voice")
    product = compare(spec, upstream_spec)
    assert any(key.startswith("POST /conferences") for key in voice | product)
    assert main(["--upstream", str(upstream_spec), "--surface", "voice"]) == 0
    assert "drift (voice): 0 unexplained" in capsys.readouterr().out
    assert main(["--upstream", str(upstream_spec), "--surface", "no-such-surface"]) == 1
    assert "unknown surface" in capsys.readouterr().err


def test_a_difference_outside_a_surface_shows_only_on_the_surfaces_holding_it(
    upstream_spec: Path, tmp_path: Path
) -> None:
    shutil.copytree(PROJECT / "spec", tmp_path / "spec")
    queues = tmp_path / "spec" / "paths" / "queues.yaml"
    text = queues.read_text()
    assert "operationId: ListQueues" in text
    queues.write_text(text.replace("operationId: ListQueues", "operationId: ListAllQueues", 1))
    spec = tmp_path / "spec" / "openapi.yaml"
    assert unexplained(compare(spec, upstream_spec, "conferencing"), load_allowlist()) == {}
    left = unexplained(compare(spec, upstream_spec), load_allowlist())  # the product surface, voice
    assert any("ListAllQueues" in line for line in left.get("GET /queues", [])), left


def test_every_allowlist_entry_has_a_reason_and_is_used(upstream_spec: Path) -> None:
    spec = PROJECT / "spec" / "openapi.yaml"
    groups = compare(spec, upstream_spec) | compare(spec, upstream_spec, "voice")
    for entry in load_allowlist():
        assert entry["reason"].strip()
        assert unexplained(groups, [entry]) != groups, f"stale allowlist entry: {entry['match']}"


def test_a_planted_difference_is_reported(upstream_spec: Path, tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "spec", tmp_path / "spec")
    requests = tmp_path / "spec" / "schemas" / "requests.yaml"
    text = requests.read_text()
    assert "- whisper" in text
    requests.write_text(text.replace("- whisper", "- whispering", 1))
    left = unexplained(compare(tmp_path / "spec" / "openapi.yaml", upstream_spec), load_allowlist())
    lines = [line for group in left.values() for line in group]
    assert any("whispering" in line for line in lines), left
