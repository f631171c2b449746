"""The user's library: named collections of documents under $FWBOT_HOME/library (default ~/.fwbot), each
one BM25 index opened memory-mapped, searched together. A collection is a `Source` like the article."""
from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.chunks import Chunk
from corpus.docs import store
from index.analyzer import analyze
from index.bm25 import SparseBM25


_IDENTIFIER_PUNCTUATION = re.compile(r"(?<=\w)[._](?=\w)")


def index_text(title: str, heading: str, text: str) -> str:
    """What a passage is found by: its page's title, its heading and its text. Titles and headings also
    give the parts of dotted and snake_case names ("pandas.read_csv" is found by "read csv")."""
    names = f"{title}\n{heading}" if heading != title else title
    return f"{names} {_IDENTIFIER_PUNCTUATION.sub(' ', names)}\n{text}"


def fwbot_home() -> Path:
    """$FWBOT_HOME, or ~/.fwbot."""
    return Path(os.environ.get("FWBOT_HOME") or Path.home() / ".fwbot")


@dataclass(frozen=True)
class Result:
    """One passage found: where it is (path, heading, line or page) and how well it matches the query."""

    id: str
    score: float
    collection: str
    path: str
    title: str
    heading: str
    line: int | None
    page: int | None
    text: str
    strength: float
    """The score as a share of the best any passage could get for the query (0..1)."""

    def location(self) -> str:
        """`path:line`, or `path#page=N` for a PDF page."""
        if self.page is not None:
            return f"{self.path}#page={self.page}"
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "path": self.path, "title": self.title, "heading": self.heading,
                "line": self.line, "page": self.page, "text": self.text}


class Collection:
    """One version of a collection, opened memory-mapped and read-only (safe to share between threads)."""

    def __init__(self, name: str, version: Path) -> None:
        self.name, self.version = name, version
        self.meta: dict[str, Any] = json.loads((version / "meta.json").read_text(encoding="utf-8"))
        self.bm25 = SparseBM25.load(version)
        self.passages = store.Records.open(version, "passages")
        self.files = store.Records.open(version, "files")

    @classmethod
    def open(cls, folder: Path) -> Collection | None:
        """The current version of the collection in `folder`, or None when it has none."""
        for _ in range(5):  # a writer may swap and delete the version between our two reads
            version = store.current_version(folder)
            if version is None:
                return None
            try:
                return cls(folder.name, version)
            except FileNotFoundError:
                continue
        return None

    def disk_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.version.iterdir())

    def search(self, terms: list[str], k: int) -> list[Result]:
        """The best `k` passages for analysed query terms."""
        hits, best = self.bm25.search(terms, k)
        return [self.result(i, score, best) for i, score in hits]

    def result(self, i: int, score: float, best: float) -> Result:
        record = self.passages[i]
        file = self.files[record["f"]]
        return Result(f"{self.name}/{i}", score, self.name, file["path"], file["title"], record["h"], record["l"],
                      record["p"], record["t"], score / best if best else 0.0)

    def chunks(self) -> Iterator[Chunk]:
        """Every passage as a Chunk (the `Source` interface): id, collection, heading, text, path:line."""
        for i in range(len(self.passages)):
            r = self.result(i, 0.0, 0.0)
            yield Chunk(r.id, self.name, r.heading or r.title, r.text, r.location(), (r.text,))


class Library:
    """The collections in a folder. Re-reads them when `fwbot docs add/remove` changes the folder."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._seen: int | None = None
        self._collections: tuple[Collection, ...] = ()

    @classmethod
    def default(cls) -> Library:
        return cls(fwbot_home() / "library")

    def _stamp(self) -> int | None:
        try:
            return (self.root / store.GENERATION).stat().st_mtime_ns
        except OSError:
            return None

    def collections(self) -> tuple[Collection, ...]:
        """The current collections by name; one stat() when nothing changed since the last call."""
        stamp = self._stamp()
        if stamp is None:
            return ()
        with self._lock:
            if stamp != self._seen:
                folders = sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))
                self._collections = tuple(c for c in map(Collection.open, folders) if c is not None)
                self._seen = stamp
            return self._collections

    def get(self, name: str) -> Collection | None:
        return next((c for c in self.collections() if c.name == name), None)

    def search(self, query: str, k: int = 5) -> list[Result]:
        """The best `k` passages over all collections (each scored by its own index), best first."""
        terms = analyze(query)
        found = [r for c in self.collections() for r in c.search(terms, k)]
        return sorted(found, key=lambda r: (-r.score, r.collection))[:k]

    def remove(self, name: str) -> bool:
        """Remove a collection; False if there is none by that name."""
        folder = self.root / store.check_name(name)
        with store.writing(self.root):
            if store.current_version(folder) is None:
                return False
            store.remove_collection(folder)
            store.bump_generation(self.root)
        return True
