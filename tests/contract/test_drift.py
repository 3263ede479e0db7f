"""The drift check against Telnyx's published spec: zero unexplained differences, and it can fail."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.drift import compare, load_allowlist, unexplained
from tests.conftest import PROJECT


def test_no_unexplained_drift_from_upstream(upstream_spec: Path) -> None:
    left = unexplained(compare(PROJECT / "spec" / "openapi.yaml", upstream_spec), load_allowlist())
    assert left == {}, "\n".join(f"{group}: {line}" for group, lines in left.items() for line in lines)


def test_every_allowlist_entry_has_a_reason_and_is_used(upstream_spec: Path) -> None:
    groups = compare(PROJECT / "spec" / "openapi.yaml", upstream_spec)
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
