"""CHANGELOG.md follows Keep a Changelog, and its latest release is the package's version everywhere."""

from __future__ import annotations

import re
import tomllib

from telnyx_conferencing import __version__
from tests.conftest import PROJECT

RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", re.M)


def releases() -> list[tuple[str, str]]:
    return RELEASE.findall((PROJECT / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_latest_release_is_the_package_version() -> None:
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert releases()[0][0] == __version__ == pyproject["project"]["version"]


def test_releases_go_down_in_version_and_date() -> None:
    found = releases()
    versions = [tuple(int(part) for part in version.split(".")) for version, _ in found]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert [date for _, date in found] == sorted((date for _, date in found), reverse=True)


def test_keep_a_changelog_shape() -> None:
    text = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "## [Unreleased]" in text
    kinds = set(re.findall(r"^### (.+)$", text, re.M))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
