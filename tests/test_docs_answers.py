"""Answers consult the user's documents: unchanged without them, a strongly relevant passage as one more
source, and an answer from a passage (quoted, with path, heading and line) where the core has none."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.session
from bot import Session, ask
from corpus.docs.indexer import add
from corpus.docs.library import Library
from docs_fixtures import make_docs, make_pool_docs

ROUTES = Path(bot.session.__file__).parent / "data" / "routes.tsv"


def _training_questions(step: int = 8) -> list[str]:
    lines = ROUTES.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines[::step] if "\t" in line]


@pytest.fixture
def team(tmp_path: Path) -> tuple[Library, Path]:
    docs = make_docs(tmp_path / "team")
    (docs / "pytorch-notes.md").write_text(
        "# PyTorch at our lab\n\nDebugging PyTorch is easy: it is plain Python, so pdb breakpoints and prints work.\n",
        encoding="utf-8")
    library = Library(tmp_path / "library")
    add(library, [docs], "team")
    return library, docs


def _core_alone(monkeypatch: pytest.MonkeyPatch, questions: list[str]) -> list[dict]:
    with monkeypatch.context() as m:
        m.setattr(bot.session, "consult", lambda question, answer, library, frameworks=False: answer)
        return [ask(q).to_dict() for q in questions]


def test_without_documents_answers_are_identical(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    questions = _training_questions()
    expected = _core_alone(monkeypatch, questions)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [ask(q, library=empty).to_dict() for q in questions] == expected
    assert [ask(q, library=tmp_path / "missing").to_dict() for q in questions] == expected
    assert [ask(q).to_dict() for q in questions] == expected  # the default library, empty in tests


def test_unrelated_documents_leave_framework_answers_unchanged(monkeypatch: pytest.MonkeyPatch, team):
    library, _ = team
    questions = [q for q in _training_questions(4) if "debug" not in q.lower()]
    expected = _core_alone(monkeypatch, questions)
    changed = [q for q, e in zip(questions, expected) if ask(q, library=library).to_dict() != e]
    assert changed == []


def test_a_question_outside_the_domain_is_answered_from_the_documents(team):
    library, docs = team
    assert ask("how do I standardize features?", library=Library(library.root / "nothing")).route in ("out_of_scope", "help")
    answer = ask("how do I standardize features?", library=library)
    assert answer.route == "search"
    assert "Standardization rescales each feature to zero mean and unit variance" in answer.text
    cite = answer.citations[0]
    assert cite.url == f"{docs / 'guide.html'}:8" and cite.section == "Scaling guide" and "your documents" in cite.source
    assert cite.quote in answer.text and cite.url in answer.text


def test_a_question_the_documents_do_not_answer_stays_out_of_scope(team):
    library, _ = team
    for question in ("Which is faster, Java or C#?", "what is the fastest car?", "hello", "list commands", "show commands"):
        assert ask(question, library=library).to_dict() == ask(question, library=Library(library.root / "none")).to_dict()


def test_a_strongly_relevant_passage_is_added_as_one_more_source(team):
    library, docs = team
    question = "Is PyTorch easy to debug?"
    plain = ask(question, library=Library(library.root / "none"))
    answer = ask(question, library=library)
    assert answer.text == plain.text and answer.route == plain.route and answer.verdict == plain.verdict
    assert answer.citations[:-1] == plain.citations
    assert answer.citations[-1].url == f"{docs / 'pytorch-notes.md'}:3"


def test_a_session_keeps_its_library_and_sees_documents_added_later(tmp_path: Path):
    library = Library(tmp_path / "lib")
    chat = Session(library=library)
    assert chat.ask("how do I standardize features?").route != "search"
    add(library, [make_docs(tmp_path / "team")], "team")
    assert chat.ask("how do I standardize features?").route == "search"


def test_fwbot_ask_cites_the_file_from_the_default_library(team, docs_home: Path):
    library, docs = team
    add(Library(docs_home / "library"), [docs], "team")
    out = subprocess.run([sys.executable, "-m", "bot.terminal.cli", "ask", "how do I standardize features?"], capture_output=True,
                         text=True, env=dict(os.environ, FWBOT_HOME=str(docs_home)), timeout=60)
    assert out.returncode == 0, out.stderr
    assert f"{docs / 'guide.html'}:8" in out.stdout and "Standardization rescales" in out.stdout


def test_answering_without_a_library_loads_no_reader_or_scipy(tmp_path: Path):
    code = ("import sys, bot; bot.ask('which is faster, pytorch or keras?'); "
            "print(sorted(m for m in ('lxml', 'pypdf', 'docutils', 'markdown_it', 'scipy', 'rank_bm25', 'concurrent.futures.process') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, FWBOT_HOME=str(tmp_path)))
    assert out.stdout.strip() == "[]", out.stderr


def test_what_the_core_does_not_cover_is_answered_from_the_documents_unless_it_names_a_framework(team):
    """Not covered, or only the closest passage offered (route search): the documents answer, if relevant."""
    library, docs = team
    none = Library(library.root / "none")
    plain = ask("what is min-max scaling?", library=none)
    assert plain.route == "define" and plain.text.startswith("I don't know that") and plain.citations  # the closest passages
    answer = ask("what is min-max scaling?", library=library)
    assert answer.route == "search" and "MinMaxScaler maps every feature into a fixed range" in answer.text
    assert answer.citations[0].url == f"{docs / 'guide.html'}:11"
    closest = ask("how many GPU nodes does the cluster have?", library=none)
    assert closest.route == "search" and closest.text.startswith("The most relevant passage")  # a fact on hardware
    from_docs = ask("how many GPU nodes does the cluster have?", library=library)
    assert from_docs.route == "search" and "The cluster has eight GPU nodes" in from_docs.text
    assert from_docs.citations[0].url == f"{docs / 'handbook.pdf'}#page=1"
    for question in ("does keras have min-max scaling?", "what is min-max scaling in pytorch?"):
        assert ask(question, library=library).to_dict() == ask(question, library=none).to_dict()


def test_an_answer_from_the_documents_cites_more_pages_only_when_they_are_relevant_too(tmp_path: Path):
    library = Library(tmp_path / "library")
    docs = make_pool_docs(tmp_path / "pool")
    add(library, [docs], "pool")
    answer = ask("how do I recycle connections in the connection pool?", library=library)
    assert answer.route == "search" and "Connections older than the recycle age are closed" in answer.text
    assert [c.url for c in answer.citations] == [f"{docs / 'reference' / 'ConnectionPool.md'}:11",
                                                 f"{docs / 'guide.md'}:7", f"{docs / 'changelog' / 'changes.md'}:7"]
    one = ask("what does a session borrow for each transaction?", library=library)
    assert [c.url for c in one.citations] == [f"{docs / 'reference' / 'Session.md'}:7"]  # the others lack its words
