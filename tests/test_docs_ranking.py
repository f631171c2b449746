"""Search ranks pages: exact BM25Okapi passage scores (checked against rank-bm25 over the indexed text,
titles and headings weighted), grouped by page, titles that name the query preferred, changelogs demoted."""
from __future__ import annotations

from pathlib import Path

import pytest
from rank_bm25 import BM25Okapi

from corpus.docs.indexer import add
from corpus.docs.library import Library, index_text
from corpus.docs.pages import CHANGELOG_PRIOR, prior
from docs_fixtures import make_pool_docs
from index.analyzer import analyze

@pytest.fixture
def library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "library")
    assert add(library, [make_pool_docs(tmp_path / "docs")], "team").written
    return library


def test_passage_scores_are_rank_bm25s_over_the_indexed_text(library: Library):
    collection = library.get("team")
    files = collection.files.all()
    records = [collection.passages[i] for i in range(len(collection.passages))]
    tokens = [analyze(index_text(files[r["f"]]["title"], r["h"], r["t"])) for r in records]
    reference = BM25Okapi(tokens)
    for query in ("connection pool recycle", "pool size", "session transaction", "changes", "nowhere"):
        expected = reference.get_scores(analyze(query))
        results = library.search(query, 10)
        for r in results:
            assert r.score == expected[int(r.id.split("/")[1])]  # bit for bit, not just close
        assert len({r.path for r in results}) == len(results)  # one passage a page: its best
        for r in results:
            best_of_page = max(expected[i] for i, rec in enumerate(records) if files[rec["f"]]["path"] == r.path)
            assert r.score == best_of_page
        assert [r.rank for r in results] == sorted((r.rank for r in results), reverse=True)


def test_titles_and_headings_weigh_more_than_words_in_passing():
    terms = analyze(index_text("ConnectionPool", "Recycling", "Old connections are closed."))
    assert terms.count("connectionpool") == 2 and terms.count("pool") == 2  # twice, and CamelCase split
    assert terms.count("recycl") == 4 and terms.count("close") == 1  # a plain word: twice as written, twice as a part


def test_the_page_named_for_the_query_comes_first_and_changelogs_come_last(library: Library):
    results = {Path(r.path).name: r for r in library.search("connection pool recycle", 4)}
    assert list(results)[0] == "ConnectionPool.md"
    changes, guide = results["changes.md"], results["guide.md"]
    assert changes.score > guide.score and changes.rank / CHANGELOG_PRIOR > guide.rank  # it says the words more...
    assert list(results).index("changes.md") > list(results).index("guide.md")  # ...but in passing


@pytest.mark.parametrize(("path", "title", "demoted"), [
    ("/d/django/html/releases/1.5.3.html", "Django documentation", True),
    ("/d/scipy/html/release.1.9.0.html", "SciPy 1.9.0 Release Notes", True),
    ("/d/python/html/whatsnew/3.11.html", "What’s New In Python 3.11", True),
    ("/d/sklearn/html/whats_new/v1.2.html", "Version 1.2", True),
    ("/d/flask/html/changes.html", "Changes", True),
    ("/d/sqlalchemy/html/changelog/migration_14.html", "What’s New in SQLAlchemy 1.4?", True),
    ("/notes/CHANGELOG.md", "Project", True),
    ("/d/django/html/internals/howto-release-django.html", "How is Django Formed?", False),
    ("/d/django/html/howto/release-process.html", "Release process", False),
    ("/d/python/html/library/json.html", "json — JSON encoder and decoder", False),
    ("/d/pandas/html/user_guide/missing_data.html", "Working with missing data", False),
])
def test_changelogs_and_release_notes_are_told_by_path_or_title(path: str, title: str, demoted: bool):
    assert prior(path, title) == (CHANGELOG_PRIOR if demoted else 1.0)
