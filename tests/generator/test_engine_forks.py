"""overlays/engine forks the pinned engine's templates: a version bump that changes upstream inside a
forked region fails here, naming the template, instead of silently dropping a fix."""

from __future__ import annotations

import json
from pathlib import Path

from generator.forks import check, forked_regions, record


def test_every_engine_fork_matches_the_pinned_upstream_in_the_regions_it_replaces() -> None:
    assert check() == []


def _setup(tmp_path: Path, upstream: str, fork: str) -> tuple[Path, Path, Path]:
    engine, forks = tmp_path / "engine", tmp_path / "forks"
    engine.mkdir()
    forks.mkdir()
    (engine / "t.py.jinja").write_text(upstream)
    (forks / "t.py.jinja").write_text(fork)
    recorded = tmp_path / "forks.json"
    recorded.write_text(json.dumps(record(forks, engine)))
    return forks, engine, recorded


UPSTREAM = "".join(f"line {n}\n" for n in range(20))
FORK = UPSTREAM.replace("line 10\n", "line 10 (our fix)\n")


def test_an_upstream_change_inside_a_forked_region_is_reported(tmp_path: Path) -> None:
    forks, engine, recorded = _setup(tmp_path, UPSTREAM, FORK)
    assert check(forks, engine, recorded) == []
    (engine / "t.py.jinja").write_text(UPSTREAM.replace("line 10\n", "line 10 (upstream's fix)\n"))
    (problem,) = check(forks, engine, recorded)
    assert problem.startswith("t.py.jinja: upstream changed in a region this fork replaces")


def test_an_upstream_change_elsewhere_is_not_a_conflict(tmp_path: Path) -> None:
    forks, engine, recorded = _setup(tmp_path, UPSTREAM, FORK)
    (engine / "t.py.jinja").write_text(UPSTREAM.replace("line 1\n", "line one\n"))
    assert check(forks, engine, recorded) == []


def test_a_vanished_or_unrecorded_template_is_reported(tmp_path: Path) -> None:
    forks, engine, recorded = _setup(tmp_path, UPSTREAM, FORK)
    (forks / "new.py.jinja").write_text("x\n")
    (engine / "new.py.jinja").write_text("x\n")
    assert check(forks, engine, recorded) == [
        "new.py.jinja: not in forks.json; run `python -m generator.forks --record`"
    ]
    (engine / "t.py.jinja").unlink()
    assert "t.py.jinja: the engine has no template of this name any more" in check(forks, engine, recorded)


def test_forked_regions_keep_context_around_each_change() -> None:
    (region,) = forked_regions(UPSTREAM, FORK)
    assert region == "line 8\nline 9\nline 10\nline 11\nline 12\n"
