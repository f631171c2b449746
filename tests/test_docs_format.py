"""A collection saved in another index format (by an older or newer fwbot) is detected when opened: left out
of searches and answers with a message saying how to add it again, never a traceback, its files untouched;
adding it again rebuilds it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import ask
from corpus.docs import store
from corpus.docs.indexer import add
from corpus.docs.library import Library
from docs_fixtures import make_docs

FWBOT = [sys.executable, "-m", "bot.terminal.cli"]


def fwbot(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FWBOT, *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, FWBOT_HOME=str(home)))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _saved_as(library: Library, name: str, format_: int | None) -> Path:
    """Rewrite the collection's meta.json as another format would have (None: no format, as before it had one)."""
    meta_path = store.current_version(library.root / name) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.pop("format")
    if format_ is not None:
        meta["format"] = format_
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    store.bump_generation(library.root)
    return meta_path


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path]:
    home, docs = tmp_path / "home", make_docs(tmp_path / "team docs")
    assert add(Library(home / "library"), [docs], "team").written
    assert add(Library(home / "library"), [make_docs(tmp_path / "other")], "other").written
    return home, docs


@pytest.mark.parametrize(("format_", "said"), [(None, "an older fwbot (index format 1;"),
                                                 (store.FORMAT + 1, f"a newer or unknown fwbot (index format {store.FORMAT + 1};")])
def test_another_format_is_left_out_with_a_message_and_kept(team: tuple[Path, Path], format_: int | None, said: str):
    home, docs = team
    library = Library(home / "library")
    assert json.loads((store.current_version(library.root / "team") / "meta.json").read_text())["format"] == store.FORMAT
    _saved_as(library, "team", format_)
    before = _snapshot(library.root / "team")

    assert [c.name for c in library.collections()] == ["other"]  # the other collection is still searched
    [unusable] = library.unusable()
    again = f"fwbot docs add '{docs}' --name team"
    assert str(unusable) == (f"collection 'team' was written by {said} this one reads {store.FORMAT}); "
                             f"it is left out until you add it again: {again}")
    assert library.search("standardize features", 5) and all(r.collection == "other" for r in library.search("standardize features", 5))

    listed = fwbot(home, "docs", "list")
    assert listed.returncode == 0 and f"team: not searchable: {unusable}" in listed.stdout
    assert listed.stderr == "" and "Traceback" not in listed.stdout
    as_json = {c["name"]: c for c in json.loads(fwbot(home, "docs", "list", "--json").stdout)}
    assert as_json["team"]["error"] == str(unusable) and as_json["other"]["files"] == 5
    searched = fwbot(home, "docs", "search", "standardize features", "--json")
    assert searched.returncode == 0 and f"fwbot docs: {unusable}" in searched.stderr and "Traceback" not in searched.stderr
    asked = fwbot(home, "ask", "which is faster, pytorch or keras?")
    assert asked.returncode == 0 and "PyTorch" in asked.stdout and str(unusable) in asked.stderr
    assert "Traceback" not in asked.stderr
    assert ask("which is faster, pytorch or keras?", library=library).route == "compare"
    assert _snapshot(library.root / "team") == before  # nothing of it was changed or deleted

    added = fwbot(home, "docs", "add", str(docs), "--name", "team")
    assert added.returncode == 0, added.stderr
    assert "team: 5 files" in added.stdout and "all read again: the collection was in another index format" in added.stdout
    assert {c.name for c in library.collections()} == {"team", "other"} and library.unusable() == ()
    assert str(docs / "guide.html") in [r.path for r in library.search("standardize features", 2)]


def test_an_unreadable_meta_file_is_reported_not_raised(team: tuple[Path, Path]):
    home, _ = team
    library = Library(home / "library")
    (store.current_version(library.root / "team") / "meta.json").write_bytes(b"{not json")
    store.bump_generation(library.root)
    [unusable] = library.unusable()
    assert str(unusable).startswith("collection 'team' cannot be read (meta.json: ")
    assert "fwbot docs add PATH... --name team" in str(unusable)
    listed = fwbot(home, "docs", "list")
    assert listed.returncode == 0 and "team: not searchable" in listed.stdout and "Traceback" not in listed.stderr
