"""The sparse BM25 gives rank-bm25's BM25Okapi scores exactly, in memory and loaded memory-mapped."""
import random
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from index.bm25 import Forward, SparseBM25


def _passages(n: int, seed: int = 7) -> list[list[str]]:
    """Zipf-like token lists over a 5,000-word vocabulary; the commonest words are in most passages, so
    their IDF is negative and rank-bm25's floor (epsilon × mean IDF) is exercised."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    weights = [1 / (i + 1) ** 1.1 for i in range(len(vocab))]
    out = []
    for _ in range(n):
        tokens = rng.choices(vocab, weights, k=rng.randint(1, 120))
        tokens += rng.sample(vocab[:4], k=rng.randint(0, 4))
        out.append(tokens)
    return out


def _build(passages: list[list[str]]) -> SparseBM25:
    forward = Forward()
    for tokens in passages:
        forward.add(tokens)
    a = forward.arrays()
    return SparseBM25.build(a["ptr"], a["term"], a["tf"], forward.vocab)


@pytest.fixture(scope="module")
def corpus() -> list[list[str]]:
    return _passages(3000)


def _queries(corpus: list[list[str]]) -> list[list[str]]:
    rng = random.Random(3)
    queries = [["w0"], ["w1", "w2", "w0"], ["w4999", "nowhere"], ["w3", "w3", "w17"], ["nowhere"]]
    queries += [rng.sample(rng.choice(corpus), k=1) + rng.choices(corpus[rng.randrange(len(corpus))], k=3) for _ in range(60)]
    return queries


def test_scores_equal_rank_bm25_to_1e_9_and_bit_for_bit(corpus):
    reference = BM25Okapi(corpus)
    assert reference.idf["w0"] == reference.epsilon * reference.average_idf, "the IDF floor is exercised"
    index = _build(corpus)
    for query in _queries(corpus):
        ours, theirs = index.scores(query), reference.get_scores(query)
        assert np.max(np.abs(ours - theirs)) <= 1e-9
        assert ours.tobytes() == theirs.tobytes(), query


def test_saved_and_memory_mapped_index_scores_the_same(corpus, tmp_path: Path):
    index = _build(corpus)
    index.save(tmp_path)
    loaded = SparseBM25.load(tmp_path)
    assert isinstance(loaded.impact, np.memmap) and isinstance(loaded.doc, np.memmap)
    for query in _queries(corpus)[:20]:
        assert loaded.scores(query).tobytes() == index.scores(query).tobytes()
        assert loaded.top(query, 10) == index.top(query, 10)


def test_top_is_best_first_positive_only_and_ties_go_by_passage_order():
    index = _build([["a", "b"], ["c"], ["a", "b"], ["d"], ["d"], ["e"]])
    top = index.top(["a"], 5)
    assert [d for d, _ in top] == [0, 2] and top[0][1] == top[1][1] > 0
    assert index.top(["zzz"], 5) == [] and index.top(["a"], 0) == []
    assert len(index.top(["a", "d"], 3)) == 3


def test_an_empty_index_is_refused():
    with pytest.raises(ValueError):
        _build([])
