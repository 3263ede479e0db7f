"""Stage 1 (load): bundling files joined by $ref, and one-line errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.load import load_spec


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ROOT = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /things: {$ref: 'paths/things.yaml#/things'}
components:
  schemas:
    Thing: {$ref: 'schemas/things.yaml#/Thing'}
    Owner: {$ref: 'schemas/things.yaml#/Owner'}
"""


def test_registered_components_become_local_refs_and_the_rest_is_inlined(tmp_path: Path) -> None:
    write(
        tmp_path,
        "paths/things.yaml",
        "things:\n  get:\n    responses:\n      '200':\n        description: ok\n        content:\n          application/json:\n            schema: {$ref: '../schemas/things.yaml#/Thing'}\n",
    )
    write(
        tmp_path,
        "schemas/things.yaml",
        "Thing:\n  type: object\n  properties:\n    owner: {$ref: '#/Owner'}\n    tag: {$ref: 'common.yaml#/Tag'}\nOwner: {type: string}\n",
    )
    write(tmp_path, "schemas/common.yaml", "Tag: {type: string, enum: [a, b]}\n")
    doc = load_spec(write(tmp_path, "openapi.yaml", ROOT))
    schema = doc["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Thing"}
    thing = doc["components"]["schemas"]["Thing"]
    assert thing["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert thing["properties"]["tag"] == {"type": "string", "enum": ["a", "b"]}


def test_missing_ref_file_names_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "paths/things.yaml", "things:\n  get:\n    responses: {}\n")
    write(tmp_path, "schemas/things.yaml", "Thing: {type: object}\nOwner: {$ref: 'nowhere.yaml#/Owner'}\n")
    with pytest.raises(BuildError) as info:
        load_spec(write(tmp_path, "openapi.yaml", ROOT))
    assert "things.yaml:2" in str(info.value) and "missing file" in str(info.value)


def test_ref_to_a_missing_key_names_it(tmp_path: Path) -> None:
    write(tmp_path, "paths/things.yaml", "things:\n  get:\n    responses: {}\n")
    write(tmp_path, "schemas/things.yaml", "Thing: {type: object}\n")
    with pytest.raises(BuildError, match="no 'Owner'"):
        load_spec(write(tmp_path, "openapi.yaml", ROOT))


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "openapi.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n")
    with pytest.raises(BuildError) as info:
        load_spec(path)
    assert str(info.value).startswith(f"{path}:") and "invalid YAML" in str(info.value)


def test_invalid_json_reports_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "openapi.json", '{\n  "openapi": "3.1.0",\n  "info": }\n')
    with pytest.raises(BuildError, match=r"openapi.json:3: invalid JSON"):
        load_spec(path)


def test_missing_root_file(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="spec file not found"):
        load_spec(tmp_path / "absent.yaml")
