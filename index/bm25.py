"""Exact BM25Okapi over sparse arrays: rank-bm25's scores (same parameters, same IDF floor, same float
operations, so the same bits) in well under a millisecond at 100k passages, saved as .npy files and
loaded memory-mapped. `BM25Index` serves the built-in chunks; `SparseBM25` is shared with the documents."""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import numpy as np

from index.analyzer import analyze
from index.vocabulary import MemoryVocabulary, SortedVocabulary, Vocabulary

K1, B, EPSILON = 1.5, 0.75, 0.25
"""rank-bm25's BM25Okapi defaults."""

_ARRAYS = ("idf", "ptr", "doc", "impact")


class Forward:
    """The forward index: each document's distinct terms in order of first occurrence, with counts.
    Term ids number terms in order of first appearance in the corpus, as rank-bm25's dicts do."""

    def __init__(self) -> None:
        self.vocab = MemoryVocabulary()
        self._ptr: list[int] = [0]
        self._terms: list[int] = []
        self._tf: list[int] = []

    def add(self, tokens: Iterable[str]) -> None:
        """One document from its tokens."""
        counts: dict[str, int] = {}
        for token in tokens:
            counts[token] = counts.get(token, 0) + 1
        self.add_counts(counts.items())

    def add_counts(self, counts: Iterable[tuple[str, int]]) -> None:
        """One document from (term, count) pairs in order of first occurrence (e.g. from a saved index)."""
        for term, tf in counts:
            self._terms.append(self.vocab.add(term))
            self._tf.append(tf)
        self._ptr.append(len(self._terms))

    def __len__(self) -> int:
        return len(self._ptr) - 1

    def arrays(self) -> dict[str, np.ndarray]:
        """ptr (int64, documents + 1), term (int32), tf (the smallest unsigned type that holds them)."""
        tf = np.asarray(self._tf, dtype=np.int64)
        return {"ptr": np.asarray(self._ptr, dtype=np.int64), "term": np.asarray(self._terms, dtype=np.int32),
                "tf": tf.astype(np.min_scalar_type(int(tf.max(initial=0))))}


@dataclass(frozen=True)
class SparseBM25:
    """Postings by term: doc ids and each posting's precomputed share of the score (IDF × the tf part,
    the very product rank-bm25 adds), plus each term's IDF."""

    vocab: Vocabulary
    idf: np.ndarray
    ptr: np.ndarray
    doc: np.ndarray
    impact: np.ndarray
    n_docs: int

    @classmethod
    def build(cls, ptr: np.ndarray, term: np.ndarray, tf: np.ndarray, vocab: Vocabulary) -> SparseBM25:
        """The index of a forward index's arrays (see `Forward.arrays`)."""
        n_docs, n_terms = len(ptr) - 1, len(vocab)
        if n_docs < 1:
            raise ValueError("a BM25 index needs at least one document")
        counts = tf.astype(np.int64)
        doc_of = np.repeat(np.arange(n_docs, dtype=np.int32), np.diff(ptr))
        doc_len = np.bincount(doc_of, weights=counts, minlength=n_docs).astype(np.int64)
        avgdl = int(doc_len.sum()) / n_docs
        norm = K1 * (1 - B + B * doc_len / avgdl)
        weight = counts * (K1 + 1) / (counts + norm[doc_of])
        df = np.bincount(term, minlength=n_terms)
        idf = _idf(df.tolist(), n_docs)
        order = np.argsort(term, kind="stable")
        return cls(vocab, idf, np.concatenate(([0], np.cumsum(df))).astype(np.int64), doc_of[order],
                   idf[term[order]] * weight[order], n_docs)

    def ids(self, terms: Sequence[str]) -> list[int]:
        """The ids of the query terms the index knows, in query order (repeats kept)."""
        return [i for i in map(self.vocab.get, terms) if i is not None]

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """Every document's score for the query terms (repeats count, as in rank-bm25)."""
        return self._scores(self.ids(terms))

    def _scores(self, ids: list[int]) -> np.ndarray:
        scores = np.zeros(self.n_docs)
        for i in ids:
            start, end = self.ptr[i], self.ptr[i + 1]
            np.add.at(scores, self.doc[start:end], self.impact[start:end])  # in order, as rank-bm25 adds
        return scores

    def top(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The `k` documents with the best positive scores as (doc, score), best first, ties by doc order."""
        return self.search(terms, k)[0]

    def search(self, terms: Sequence[str], k: int) -> tuple[list[tuple[int, float]], float]:
        """`top`, and the best score any document could get (each term's IDF × (k1 + 1), summed)."""
        docs, scores, best = self.ranked(self.ids(terms), k)
        return list(zip(docs.tolist(), scores.tolist())), best

    def ranked(self, ids: list[int], k: int) -> tuple[np.ndarray, np.ndarray, float]:
        """`search` for term ids, as arrays: the documents, their scores, and the best score possible."""
        best = sum(float(self.idf[i]) * (K1 + 1) for i in ids)
        if k <= 0 or not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0), best
        scores = self._scores(ids)
        found = np.flatnonzero(scores > 0)  # (on a bool array: far faster than on the floats themselves)
        if len(found) > k:  # keep those at or above the k-th best (ties included, so the order is stable)
            values = scores[found]
            found = found[values >= np.partition(values, len(values) - k)[len(values) - k]]
        ranked = found[np.lexsort((found, -scores[found]))][:k]
        return ranked, scores[ranked], best

    def save(self, folder: Path) -> None:
        """The arrays as .npy files and the vocabulary, into `folder` (which must exist)."""
        for name in _ARRAYS:
            np.save(folder / f"bm25_{name}.npy", getattr(self, name))
        SortedVocabulary.write(folder, self.vocab.terms())
        (folder / "bm25.json").write_text(json.dumps({"documents": self.n_docs, "k1": K1, "b": B, "epsilon": EPSILON}))

    @classmethod
    def load(cls, folder: Path) -> SparseBM25:
        """An index saved by `save`, memory-mapped: nothing is read until a query touches it."""
        arrays = {name: np.load(folder / f"bm25_{name}.npy", mmap_mode="r") for name in _ARRAYS}
        n_docs = json.loads((folder / "bm25.json").read_text())["documents"]
        return cls(SortedVocabulary.open(folder), n_docs=n_docs, **arrays)


def _idf(df: list[int], n_docs: int) -> np.ndarray:
    """rank-bm25's IDF: log((N - df + 0.5) / (df + 0.5)) as two logs, summed in term order for the mean,
    negative values raised to EPSILON × the mean. A Python loop on purpose: it keeps the float order."""
    idf = [math.log(n_docs - f + 0.5) - math.log(f + 0.5) for f in df]
    total = 0.0
    for value in idf:
        total += value
    floor = EPSILON * (total / len(idf)) if idf else 0.0
    return np.asarray([floor if value < 0 else value for value in idf], dtype=np.float64)


class Document(Protocol):
    """Anything with an id and a text can be indexed."""

    id: str
    text: str


D = TypeVar("D", bound=Document)


@dataclass(frozen=True)
class Hit(Generic[D]):
    """One search result: the document and its BM25 score for the query."""

    doc: D
    score: float


class BM25Index(Generic[D]):
    """A read-only in-memory index over analysed texts; safe to search from many threads (no mutable state)."""

    def __init__(self, docs: Sequence[D]) -> None:
        if not docs:
            raise ValueError("a BM25 index needs at least one document")
        self.docs: tuple[D, ...] = tuple(docs)
        self.tokens: tuple[tuple[str, ...], ...] = tuple(tuple(analyze(d.text)) for d in self.docs)
        forward = Forward()
        for tokens in self.tokens:
            forward.add(tokens)
        arrays = forward.arrays()
        self._bm25 = SparseBM25.build(arrays["ptr"], arrays["term"], arrays["tf"], forward.vocab)

    def scores(self, query: str) -> list[float]:
        """BM25 score of every document for `query`, in document order."""
        return self._bm25.scores(analyze(query)).tolist()

    def search(self, query: str, k: int = 5, where: Callable[[D], bool] | None = None) -> list[Hit[D]]:
        """The `k` best documents with a positive score, best first; `where` keeps only some documents."""
        ranked = sorted(
            (Hit(doc, score) for doc, score in zip(self.docs, self.scores(query)) if score > 0 and (where is None or where(doc))),
            key=lambda h: -h.score,
        )
        return ranked[:k]
