"""The BM25 index, checked against rank-bm25's BM25Okapi as the reference."""
from dataclasses import dataclass

import pytest
from rank_bm25 import BM25Okapi

from corpus import load_corpus
from index import BM25Index, analyze


@dataclass(frozen=True)
class Doc:
    id: str
    text: str


@pytest.fixture(scope="module")
def chunks():
    return load_corpus().chunks


@pytest.mark.parametrize("query", ["which is faster pytorch or keras", "TensorBoard visualization", "Theano Montreal 2007"])
def test_scores_match_the_reference_implementation(chunks, query):
    index = BM25Index(chunks)
    reference = BM25Okapi([analyze(c.text) for c in chunks]).get_scores(analyze(query))
    assert index.scores(query) == pytest.approx(list(reference))


def test_search_ranks_best_first_and_respects_k_and_where(chunks):
    index = BM25Index(chunks)
    hits = index.search("TensorFlow Serving production", k=4)
    assert len(hits) == 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "TensorFlow Serving" in hits[0].doc.text
    facts_only = index.search("TensorFlow Serving production", k=3, where=lambda c: c.document == "facts")
    assert facts_only and all(h.doc.document == "facts" for h in facts_only)


def test_a_query_of_stop_words_or_unknown_words_finds_nothing():
    index = BM25Index([Doc("a", "PyTorch is fast"), Doc("b", "Keras is simple"), Doc("c", "Theano is old")])
    assert index.search("the of and") == []
    assert index.search("zebra") == []
    assert index.search("keras")[0].doc.id == "b"


def test_an_empty_index_is_refused():
    with pytest.raises(ValueError):
        BM25Index([])
