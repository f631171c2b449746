"""The document library: add, re-add, list, remove and search, through the Python API and `fwbot docs`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.docs import store
from corpus.docs.indexer import add
from corpus.docs.library import Library
from docs_fixtures import make_docs

FWBOT = [sys.executable, "-m", "bot.terminal.cli"]


def fwbot(*args: str, stdin: str | None = None, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **({"FWBOT_HOME": str(home)} if home else {}))
    return subprocess.run([*FWBOT, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def library(docs_home: Path) -> Library:
    return Library(docs_home / "library")


def test_add_reads_every_supported_format_and_names_what_it_skipped(library: Library, tmp_path: Path):
    docs = make_docs(tmp_path / "team")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF")
    summary = add(library, [docs], "team")
    assert summary.written and summary.added == 5 and summary.files == 5
    assert [Path(p).name for p, _ in summary.unreadable] == ["broken.pdf"]
    assert [Path(p).name for p in summary.unsupported] == ["logo.png"]
    found = {r.path.rsplit("/", 1)[1]: r for q in ("StandardScaler zero mean", "roll back release image", "database credentials",
                                                    "planning meeting Thursday", "GPU nodes liquid cooling") for r in library.search(q, 1)}
    assert set(found) == {"guide.html", "deploy.md", "onboarding.rst", "notes.txt", "handbook.pdf"}
    assert found["deploy.md"].heading == "Rollback" and found["deploy.md"].line == 7
    assert found["handbook.pdf"].page == 1 and found["handbook.pdf"].location().endswith("handbook.pdf#page=1")
    assert found["guide.html"].title == "Scaling guide"


def test_re_adding_skips_unchanged_reindexes_changed_and_drops_deleted(library: Library, tmp_path: Path):
    docs = make_docs(tmp_path / "team")
    add(library, [docs], "team")
    (docs / "notes.txt").write_text("Meeting notes\n\nThe offsite is in Lisbon this year.\n", encoding="utf-8")
    (docs / "deploy.md").unlink()
    (docs / "new.md").write_text("# Pager\n\nThe pager rotation changes every Monday.\n", encoding="utf-8")
    summary = add(library, [docs], "team")
    assert (summary.unchanged, summary.updated, summary.removed, summary.added) == (3, 1, 1, 1)
    assert library.search("offsite Lisbon", 1)[0].path.endswith("notes.txt")
    assert not any(r.path.endswith("notes.txt") for r in library.search("quarterly planning Thursday", 5))
    assert not any(r.path.endswith("deploy.md") for r in library.search("roll back release", 5))
    assert library.search("pager rotation Monday", 1)[0].path.endswith("new.md")
    again = add(library, [docs / "new.md"], "team")  # a file under a root already added counts once
    assert (again.files, again.unchanged, again.updated, again.added, again.removed) == (5, 5, 0, 0, 0)


def test_reused_passages_score_exactly_as_a_fresh_index(library: Library, tmp_path: Path):
    docs = make_docs(tmp_path / "team")
    add(library, [docs], "team")
    (docs / "notes.txt").write_text("Budget notes\n\nBudget approvals need three signatures now.\n", encoding="utf-8")
    add(library, [docs], "team")
    fresh = Library(tmp_path / "fresh")
    add(fresh, [docs], "team")
    for query in ("budget approvals signatures", "feature scaling zero mean", "GPU node power"):
        assert [(r.path, r.score) for r in library.search(query, 5)] == [(r.path, r.score) for r in fresh.search(query, 5)]


def test_nothing_readable_changes_nothing(library: Library, tmp_path: Path):
    docs = make_docs(tmp_path / "team")
    add(library, [docs], "team")
    before = store.current_version(library.root / "team")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "bad.pdf").write_bytes(b"garbage")
    assert not add(library, [junk], "junk").written
    assert library.get("junk") is None and store.current_version(library.root / "team") == before


def test_cli_add_list_search_remove(tmp_path: Path, docs_home: Path):
    docs = make_docs(tmp_path / "team docs")
    added = fwbot("docs", "add", str(docs), "--name", "team")
    assert added.returncode == 0, added.stderr
    assert "team: 5 files" in added.stdout and "logo.png" in added.stdout and added.stderr == ""  # no progress bar when piped
    listed = json.loads(fwbot("docs", "list", "--json").stdout)
    assert [(c["name"], c["files"]) for c in listed] == [("team", 5)] and listed[0]["passages"] >= 5 and listed[0]["bytes"] > 0
    one = fwbot("docs", "search", "StandardScaler zero mean", "-k", "2", "--json")
    result = json.loads(one.stdout)["results"][0]
    assert set(result) >= {"id", "score", "path", "title", "heading", "line", "text"}
    assert result["path"] == str(docs / "guide.html") and result["line"] == 8
    many = fwbot("docs", "search", "-", "--json", stdin="database credentials\n\nGPU cooling\n")
    lines = [json.loads(line) for line in many.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["database credentials", "GPU cooling"]
    assert lines[1]["results"][0]["path"].endswith("handbook.pdf")
    plain = fwbot("docs", "search", "roll back")
    assert "deploy.md:7" in plain.stdout and "Rollback" in plain.stdout
    assert fwbot("docs", "remove", "team").returncode == 0
    assert json.loads(fwbot("docs", "list", "--json").stdout) == []
    assert fwbot("docs", "remove", "team").returncode == 1


def test_cli_refuses_bad_input_with_a_clear_message(tmp_path: Path):
    missing = fwbot("docs", "add", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr and "Traceback" not in missing.stderr
    bad_name = fwbot("docs", "add", str(tmp_path), "--name", "../escape")
    assert bad_name.returncode == 2 and "bad collection name" in bad_name.stderr
    assert fwbot("docs", "search", "x", "-k", "0").returncode == 2
    assert "no collections" in fwbot("docs", "list").stdout


def test_a_collection_is_a_source_like_the_article_and_the_facts(library: Library, tmp_path: Path):
    from corpus import load_corpus
    from corpus.sources import ArticleSource, FactsSource

    corpus = load_corpus()
    assert tuple(c for s in (ArticleSource(corpus.article), FactsSource(corpus.facts)) for c in s.chunks()) == corpus.chunks
    docs = make_docs(tmp_path / "team")
    add(library, [docs], "team")
    collection = library.get("team")
    chunks = list(collection.chunks())
    assert collection.name == "team" and len(chunks) == collection.meta["passages"]
    rollback = next(c for c in chunks if "roll back" in c.text)
    assert (rollback.document, rollback.section, rollback.url) == ("team", "Rollback", f"{docs / 'deploy.md'}:7")
