"""BM25 (rank-bm25's BM25Okapi) over analysed chunk texts: `search(query, k)` gives chunks with scores."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from rank_bm25 import BM25Okapi

from index.analyzer import analyze


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
    """A read-only BM25 index; built once, safe to search from many threads (no mutable state)."""

    def __init__(self, docs: Sequence[D]) -> None:
        if not docs:
            raise ValueError("a BM25 index needs at least one document")
        self.docs: tuple[D, ...] = tuple(docs)
        self.tokens: tuple[tuple[str, ...], ...] = tuple(tuple(analyze(d.text)) for d in self.docs)
        self._bm25 = BM25Okapi([list(t) for t in self.tokens])

    def scores(self, query: str) -> list[float]:
        """BM25 score of every document for `query`, in document order."""
        terms = analyze(query)
        if not terms:
            return [0.0] * len(self.docs)
        return [float(s) for s in self._bm25.get_scores(terms)]

    def search(self, query: str, k: int = 5, where: Callable[[D], bool] | None = None) -> list[Hit[D]]:
        """The `k` best documents with a positive score, best first; `where` keeps only some documents."""
        ranked = sorted(
            (Hit(doc, score) for doc, score in zip(self.docs, self.scores(query)) if score > 0 and (where is None or where(doc))),
            key=lambda h: -h.score,
        )
        return ranked[:k]
