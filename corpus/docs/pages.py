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
    """Per file of a collection: its first passage, its prior, and its title's term ids (CSR arrays)."""

    start: np.ndarray
    prior: np.ndarray
    title_ptr: np.ndarray
    title_term: np.ndarray

    @staticmethod
    def write(folder: Path, files: Sequence[dict[str, Any]], vocab: Vocabulary) -> None:
        """The arrays for `files` (records with path, title and start), title terms by `vocab`'s ids."""
        titles = [sorted({i for i in map(vocab.get, analyze(f["title"])) if i is not None}) for f in files]
        ptr = np.zeros(len(files) + 1, dtype=np.int64)
        np.cumsum([len(t) for t in titles], out=ptr[1:])
        np.save(folder / "page_start.npy", np.asarray([f["start"] for f in files], dtype=np.int64))
        np.save(folder / "page_prior.npy", np.asarray([prior(f["path"], f["title"]) for f in files], dtype=np.float64))
        np.save(folder / "page_title_ptr.npy", ptr)
        np.save(folder / "page_title_term.npy", np.asarray([i for t in titles for i in t], dtype=np.int32))

    @classmethod
    def load(cls, folder: Path) -> Pages:
        return cls(*(np.load(folder / f"page_{name}.npy", mmap_mode="r") for name in ("start", "prior", "title_ptr", "title_term")))

    def rank(self, hits: Sequence[tuple[int, float]], query_ids: Sequence[int], k: int) -> list[tuple[int, float, float]]:
        """The best `k` pages for passage `hits` (best first) as (best passage, its score, the page's score),
        best page first; ties keep the order of their best passages."""
        if not hits or k <= 0:
            return []
        docs = np.fromiter((d for d, _ in hits), dtype=np.int64, count=len(hits))
        pages: dict[int, list[Any]] = {}
        for (doc, score), page in zip(hits, (np.searchsorted(self.start, docs, side="right") - 1).tolist()):
            entry = pages.get(page)
            if entry is None:
                pages[page] = [doc, score, score * PASSAGE_WEIGHTS[0], 1]
            elif entry[3] < len(PASSAGE_WEIGHTS):
                entry[2] += score * PASSAGE_WEIGHTS[entry[3]]
                entry[3] += 1
        wanted = set(query_ids)
        ranked = []
        for order, (page, (doc, score, total, _)) in enumerate(pages.items()):
            title = self.title_term[self.title_ptr[page]:self.title_ptr[page + 1]].tolist()
            share = len(wanted.intersection(title)) / len(wanted) if wanted else 0.0
            ranked.append((total * float(self.prior[page]) * (1 + TITLE_BONUS * share), -order, doc, score))
        ranked.sort(reverse=True)
        return [(doc, score, page_score) for page_score, _, doc, score in ranked[:k]]
