"""Every Python block of the README passes `mypy --strict`, read in order as one module (as a reader runs
them), so the documented code is typed as written: no `Unset` to narrow, no `Any` to trust."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def test_readme_python_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    blocks = BLOCK.findall((PROJECT / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    module = tmp_path / "readme_blocks.py"
    module.write_text("\n".join(blocks), encoding="utf-8")
    result = subprocess.run(
        # Flask (the webhook example's framework) is not installed here: its imports and decorator are untyped.
        [
            *(sys.executable, "-m", "mypy", "--strict", "--no-incremental"),
            *("--ignore-missing-imports", "--allow-untyped-decorators", str(module)),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Two small programs, type-checked in one mypy run (each run costs seconds): the lines each test reads.
SNIPPETS = {
    "bare_string.py": (
        "from telnyx_conferencing import Telnyx\n"
        "client = Telnyx()\n"
        'client.conferences.actions.mute("c1", call_control_ids=["v3:a"])\n'
        'client.conferences.actions.mute("c1", call_control_ids="v3:a")\n'
    ),
    "model_types.py": (
        "import datetime\n"
        "from typing import assert_type\n"
        "from telnyx_conferencing import Telnyx\n"
        'conference = Telnyx().conferences.retrieve("c1").data\n'
        "assert_type(conference.id, str)\n"
        "assert_type(conference.region, str | None)\n"
        "assert_type(conference.created_at, datetime.datetime)\n"
        "assert_type(conference.updated_at, datetime.datetime | None)\n"
        "conference.region.upper()\n"
    ),
}


@pytest.fixture(scope="module")
def snippet_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """mypy --strict's error lines for each snippet, by file name."""
    folder = tmp_path_factory.mktemp("snippets")
    for name, code in SNIPPETS.items():
        (folder / name).write_text(code, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *SNIPPETS]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=folder)
    lines = [line for line in result.stdout.splitlines() if ": error" in line]
    return {name: [line for line in lines if line.startswith(name + ":")] for name in SNIPPETS}


def test_list_arguments_refuse_a_bare_string(snippet_errors: dict[str, list[str]]) -> None:
    errors = snippet_errors["bare_string.py"]
    assert len(errors) == 1 and errors[0].startswith("bare_string.py:4:"), errors


def test_model_fields_are_typed_as_the_spec_says_without_unset(snippet_errors: dict[str, list[str]]) -> None:
    errors = snippet_errors["model_types.py"]
    assert len(errors) == 1 and 'Item "None" of "str | None" has no attribute "upper"' in errors[0], errors
