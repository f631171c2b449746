"""Pages ranked from their passages' BM25 scores, so that the page about a question comes before pages that
only mention its words: a page adds up its best passages (each counted less than the one before), gains
with the share of the query's terms its title holds, and loses when it is a changelog or release notes."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.analyzer import analyze
from index.vocabulary import Vocabulary

PASSAGE_WEIGHTS = (1.0, 0.5, 0.25)
"""A page's score: its best passage's score, plus half its second's, plus a quarter of its third's..."""
TITLE_BONUS = 0.5
"""...times 1 + TITLE_BONUS × the share of the query's terms in the page's title..."""
CHANGELOG_PRIOR = 0.5
"""...times this for changelogs, release notes and "what's new" pages (they name every topic in passing)."""
CANDIDATES = 100
"""The best passages looked at to rank pages."""

_CHANGELOG_PART = re.compile(r"^(release[-_ ]?notes?|releases?|changelog|change[-_]?log|changes|whats[-_]?new|news)"
                             r"([-_.]v?\d[^/]*)?$", re.IGNORECASE)
_CHANGELOG_TITLE = re.compile(r"\b(change ?log|release notes|what[’']?s new|changes in (version )?\d)", re.IGNORECASE)


def prior(path: str, title: str) -> float:
    """CHANGELOG_PRIOR for a changelog, release notes or "what's new" page (by a folder or file name such
    as releases/, changelog/, whatsnew/, release.1.9.0.html, changes.html, or by its title), else 1."""
    parts = Path(path).parts
    names = [*parts[:-1], Path(path).stem] if parts else []
    if any(_CHANGELOG_PART.match(n) for n in names) or _CHANGELOG_TITLE.search(title):
        return CHANGELOG_PRIOR
    return 1.0


@dataclass(frozen=True)
class Pages:
    """Per file of a collection: its first passage and its prior; and by term id, the files whose title
    holds the term (CSR arrays: `title_ptr` by term, `title_page`)."""

    start: np.ndarray
    prior: np.ndarray
    title_ptr: np.ndarray
    title_page: np.ndarray

    @staticmethod
    def write(folder: Path, files: Sequence[dict[str, Any]], vocab: Vocabulary) -> None:
        """The arrays for `files` (records with path, title and start), title terms by `vocab`'s ids."""
        pairs = sorted({(i, f) for f, file in enumerate(files) for i in map(vocab.get, analyze(file["title"])) if i is not None})
        terms = np.asarray([t for t, _ in pairs], dtype=np.int64)
        ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(vocab)), out=ptr[1:])
        np.save(folder / "page_start.npy", np.asarray([f["start"] for f in files], dtype=np.int64))
        np.save(folder / "page_prior.npy", np.asarray([prior(f["path"], f["title"]) for f in files], dtype=np.float64))
        np.save(folder / "page_title_ptr.npy", ptr)
        np.save(folder / "page_title_page.npy", np.asarray([f for _, f in pairs], dtype=np.int32))

    @classmethod
    def load(cls, folder: Path) -> Pages:
        """Memory-mapped (as plain arrays: slicing a np.memmap costs more than the search)."""
        return cls(*(np.load(folder / f"page_{name}.npy", mmap_mode="r").view(np.ndarray)
                     for name in ("start", "prior", "title_ptr", "title_page")))

    def rank(self, docs: np.ndarray, scores: np.ndarray, query_ids: Sequence[int], k: int) -> list[tuple[int, float, float]]:
        """The best `k` pages for the passages `docs` with their `scores` (best first) as (best passage, its
        score, the page's score), best page first; ties keep the order of their best passages."""
        if not len(docs) or k <= 0:
            return []
        pages, first, group = np.unique(np.searchsorted(self.start, docs, side="right") - 1,
                                        return_index=True, return_inverse=True)
        by_page = np.argsort(group, kind="stable")  # each page's hits together, best first
        nth = np.empty(len(docs), dtype=np.int64)
        nth[by_page] = np.arange(len(docs)) - np.searchsorted(group[by_page], group[by_page])
        weights = np.asarray(PASSAGE_WEIGHTS + (0.0,))[np.minimum(nth, len(PASSAGE_WEIGHTS))]
        total = np.bincount(group, weights=scores * weights, minlength=len(pages))
        wanted = set(query_ids)
        named = np.zeros(len(pages))
        for term in wanted:  # each term's pages are sorted: look ours up by bisection
            titled = self.title_page[self.title_ptr[term]:self.title_ptr[term + 1]]
            if len(titled):
                named += titled[np.minimum(np.searchsorted(titled, pages), len(titled) - 1)] == pages
        page_score = total * self.prior[pages] * (1 + TITLE_BONUS * named / max(1, len(wanted)))
        best = np.lexsort((first, -page_score))[:k]
        return [(int(docs[first[j]]), float(scores[first[j]]), float(page_score[j])) for j in best]
