"""Bad input: each case ends in one line naming the file and the problem, rc 1, and no change."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.errors import BuildError
from generator.render import HEADER, MARKER, PACKAGE, _refuse_invalid_python, check_output_dir
from generator.validate import operation_name_problem
from tests.conftest import SPEC, UPSTREAM

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
OPERATION = """\
paths:
  /conferences:
    get:
      operationId: %s
      responses:
        '200': {description: ok}
"""


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """A previous build: the generator may replace it, a failed run must leave it as it is."""
    folder = tmp_path / "generated"
    (folder / PACKAGE).mkdir(parents=True)
    (folder / PACKAGE / "__init__.py").write_text(f"{HEADER}\n# previous build\n")
    (folder / MARKER).write_text("")
    return folder


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def fails(capsys: pytest.CaptureFixture[str], spec: Path, out: Path) -> str:
    """Run the CLI in-process; assert rc 1, one line on stderr and ``out`` untouched; return the line."""
    before = tree_hash(out) if out.is_dir() else out.read_bytes()
    assert main(["--spec", str(spec), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "unexpected" not in lines[0]
    assert (tree_hash(out) if out.is_dir() else out.read_bytes()) == before
    return lines[0].removeprefix("error: ")


# YAML


def test_an_alias_bomb_is_refused_in_well_under_a_second(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    spec = write(tmp_path / "bomb.yaml", HEAD + "\n".join(levels) + "\npaths: {}\n")
    started = time.perf_counter()
    line = fails(capsys, spec, out)
    assert time.perf_counter() - started < 0.5
    assert (
        line.startswith(f"{spec}: YAML aliases expand to 54,481,008 mappings and lists from 12 written ones")
        and "alias bomb" in line
    )


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    from generator.load import read_document

    spec = write(tmp_path / "ok.yaml", HEAD + "x: &x {type: string}\ny: [*x, *x, *x]\n")
    assert read_document(spec)["y"] == [{"type": "string"}] * 3


def test_an_alias_inside_itself_is_refused(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "cycle.yaml", HEAD + "x: &x [*x]\npaths: {}\n")
    assert fails(capsys, spec, out) == f"{spec}: a YAML alias refers to a node that contains it (a cycle)"


def test_json_nested_absurdly_deep_is_refused(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "deep.json", '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert fails(capsys, spec, out).startswith(f"{spec}: ")


# encoding


def test_non_utf8_input_names_the_file_and_line(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "latin1.yaml", HEAD.replace("title: t", "title: caf\xe9").encode("latin-1"))
    line = fails(capsys, spec, out)
    assert line == f"{spec}:2: not UTF-8 text (byte 0xe9 at line 2, column 18); save it as UTF-8"


def test_non_utf8_in_a_referenced_file_names_that_file(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = write(tmp_path / "paths" / "things.yaml", b"things:\n  get:\n    description: \xff\n")
    spec = write(tmp_path / "openapi.yaml", HEAD + "paths:\n  /conferences: {$ref: 'paths/things.yaml#/things'}\n")
    assert fails(capsys, spec, out).startswith(f"{part.resolve()}:3: not UTF-8 text (byte 0xff")


# structure


def test_paths_given_as_a_list(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "openapi.yaml", HEAD + "paths:\n  - /conferences\n")
    assert fails(capsys, spec, out) == f"{spec}: paths: expected a mapping of paths to path items, got a list"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("paths:\n  /conferences: [get]\n", "paths > /conferences: expected a path item"),
        ("paths:\n  /conferences:\n    get: list\n", "paths > /conferences > get: expected an operation"),
        (
            "paths:\n  /conferences:\n    get: {responses: ok}\n",
            "paths > /conferences > get > responses: expected a mapping of status codes, got a string",
        ),
        (
            "paths:\n  /conferences:\n    get: {parameters: {id: 1}}\n",
            "paths > /conferences > get > parameters: expected a list of parameters, got a mapping",
        ),
        ("components: [schemas]\npaths: {}\n", "components: expected a mapping of sections, got a list"),
        ("components: {schemas: [A]}\npaths: {}\n", "components > schemas: expected a mapping of names to entries"),
        (
            "components:\n  schemas:\n    A: {type: object, properties: [a, b]}\npaths: {}\n",
            "components > schemas > A > properties: expected a mapping of names to schemas, got a list",
        ),
        (
            "components:\n  schemas:\n    A: {type: object, required: yes}\npaths: {}\n",
            "components > schemas > A > required: expected a list of property names, got true/false",
        ),
        (OPERATION % "[a, b]", "paths > /conferences > get: operationId must be a string, got a list"),
        (
            "paths:\n  /conferences:\n    get: {responses: {200: {description: ok}}}\n",
            "paths > /conferences > get > responses: key 200 must be a string (quote it: '200')",
        ),
    ],
    ids=[
        "path-item",
        "operation",
        "responses",
        "parameters",
        "components",
        "section",
        "properties",
        "required",
        "operation-id-type",
        "unquoted-status-code",
    ],
)
def test_a_wrong_type_names_its_place(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str], fragment: str, expected: str
) -> None:
    spec = write(tmp_path / "openapi.yaml", HEAD + fragment)
    assert fails(capsys, spec, out).startswith(f"{spec}: {expected}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("info: {title: t, version: '1'}\npaths: {}\n", "not an OpenAPI 3 document (no openapi field;"),
        ("openapi: '2.0'\ninfo: {title: t}\npaths: {}\n", "not an OpenAPI 3 document (openapi: '2.0';"),
        ("openapi: 3.1.0\npaths: {}\n", "info: expected a mapping with title and version, got nothing"),
    ],
    ids=["no-version", "swagger-2", "no-info"],
)
def test_a_document_that_is_not_openapi_3(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    spec = write(tmp_path / "openapi.yaml", text)
    assert fails(capsys, spec, out).startswith(f"{spec}: {expected}")


def test_a_wrong_type_in_a_referenced_file_names_that_file(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = write(tmp_path / "schemas.yaml", "Thing: {type: object, properties: {a: {allOf: {type: string}}}}\n")
    root = HEAD + "paths: {}\ncomponents:\n  schemas:\n    Thing: {$ref: 'schemas.yaml#/Thing'}\n"
    line = fails(capsys, write(tmp_path / "openapi.yaml", root), out)
    assert (
        line
        == f"{part.resolve()}: components > schemas > Thing > properties > a > allOf: expected a list of schemas, got a mapping"
    )


# operationIds


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("class", "operationId 'class' becomes the Python keyword 'class'"),
        ("Import", "operationId 'Import' becomes the Python keyword 'import'"),
        ("'123go'", "operationId '123go' becomes '123go', which is not a Python name"),
        ("'-'", "operationId '-' has no letters or digits"),
    ],
)
def test_an_operation_id_that_cannot_be_a_python_name_is_refused(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str], operation_id: str, expected: str
) -> None:
    spec = write(tmp_path / "openapi.yaml", HEAD + OPERATION % operation_id)
    assert fails(capsys, spec, out).startswith(f"{spec}: paths > /conferences > get: {expected}")


def test_later_stages_name_the_spec_file_too(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "openapi.yaml", HEAD + (OPERATION % "A").replace("/conferences", "/rooms"))
    assert fails(capsys, spec, out).startswith(f"{spec}: the spec has no operation on the voice surface")


@pytest.mark.parametrize("operation_id", ["ListConferences", "join-conference", "Join Conference", "conference.list"])
def test_operation_ids_the_engine_can_snake_case_are_accepted(operation_id: str) -> None:
    assert operation_name_problem(operation_id) is None


def test_no_published_operation_id_is_refused() -> None:
    files = [UPSTREAM, *sorted(UPSTREAM.parent.glob("history/*.yml"))]
    if not UPSTREAM.exists():
        pytest.skip("../shared/telnyx-openapi/ is not present")
    for path in files:  # a text scan: loading 4 MB of YAML per file would be slow
        ids = re.findall(r"^\s*operationId:\s*['\"]?(.*?)['\"]?\s*$", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert len(ids) > 500, path
        assert [i for i in ids if operation_name_problem(i)] == [], path


def test_output_that_does_not_parse_names_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / PACKAGE / "ok.py", "x = 1\n")
    write(tmp_path / PACKAGE / "bad.py", "class C:\n    def join-conference(self): ...\n")
    with pytest.raises(BuildError) as info:
        _refuse_invalid_python(tmp_path)
    assert str(info.value).startswith(f"{PACKAGE}/bad.py:2: the rendered output is not valid Python: ")


# $ref outside the spec's folder


def test_refs_that_leave_the_spec_folder_are_refused(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "secret.yaml", "x: {get: {}}\n")
    (tmp_path / "spec").mkdir()
    os.symlink(tmp_path / "secret.yaml", tmp_path / "spec" / "link.yaml")
    outside = f"leads outside the spec's folder {(tmp_path / 'spec').resolve()}"
    cases = {
        "/etc/hostname#/x": "is an absolute path; write it relative to the file",
        f"{tmp_path}/secret.yaml#/x": "is an absolute path; write it relative to the file",
        "../secret.yaml#/x": outside,
        "link.yaml#/x": outside,
        "https://example.com/x.yaml#/x": "is a URL; only files beside the spec are read",
    }
    for ref, expected in cases.items():
        spec = write(tmp_path / "spec" / "openapi.yaml", HEAD + f"paths:\n  /conferences: {{$ref: '{ref}'}}\n")
        assert fails(capsys, spec, out) == f"{spec}:4: $ref {ref!r} {expected}"


# --out


def test_out_holding_other_files_is_refused_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    write(folder / "notes.txt", "precious\n")
    write(folder / "src" / "app.py", "print('hi')\n")
    line = fails(capsys, SPEC, folder)
    assert line.startswith(f"{folder}: --out holds files the generator did not write (notes.txt, src)")
    assert (folder / "notes.txt").read_text() == "precious\n"


def test_out_that_is_a_file_is_refused_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = write(tmp_path / "report.txt", "precious\n")
    assert fails(capsys, SPEC, target) == f"{target}: --out must be a folder, and this is a file; nothing was written"


def test_out_may_be_new_empty_marked_or_an_older_build(tmp_path: Path, out: Path) -> None:
    check_output_dir(tmp_path / "new")
    (tmp_path / "empty").mkdir()
    check_output_dir(tmp_path / "empty")
    check_output_dir(out)
    (out / MARKER).unlink()  # an older build: the package alone, headed by HEADER (and pip's egg-info)
    (out / f"{PACKAGE}.egg-info").mkdir()
    check_output_dir(out)
    write(out / "README.md", "mine\n")
    with pytest.raises(BuildError, match="did not write"):
        check_output_dir(out)


def test_a_build_writes_the_marker_and_removes_nothing_beside_out(tmp_path: Path, out: Path) -> None:
    neighbour = write(tmp_path / f".{out.name}.old" / "keep.txt", "mine\n")  # the old backup name
    assert main(["--spec", str(SPEC), "--out", str(out)]) == 0
    assert (out / MARKER).is_file() and "# previous build" not in (out / PACKAGE / "__init__.py").read_text()
    assert neighbour.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".{out.name}.old", out.name]
