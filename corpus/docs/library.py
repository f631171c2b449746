"""The user's library: named collections of documents under $FWBOT_HOME/library (default ~/.fwbot), each
one BM25 index opened memory-mapped, searched together. A collection is a `Source` like the article."""
from __future__ import annotations

import json
import logging
import os
import re
import shlex
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.chunks import Chunk
from corpus.docs import store
from corpus.docs.pages import CANDIDATES, Pages
from index.analyzer import analyze
from index.bm25 import SparseBM25


log = logging.getLogger("fwbot.docs")

_IDENTIFIER_PUNCTUATION = re.compile(r"(?<=\w)[._](?=\w)")
_CAMEL_CASE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
NAME_WEIGHT = 2
"""How many times a passage's page title and heading count in its indexed text (the text once)."""


def index_text(title: str, heading: str, text: str) -> str:
    """What a passage is found by: its page's title and its heading (NAME_WEIGHT times: what a page or a
    section is named for weighs more than a word in passing), then its text. Titles and headings also give
    the parts of dotted, snake_case and CamelCase names ("pandas.read_csv" is found by "read csv",
    "RandomForestClassifier" by "random forest classifier")."""
    names = f"{title}\n{heading}" if heading != title else title
    parts = _CAMEL_CASE.sub(" ", _IDENTIFIER_PUNCTUATION.sub(" ", names))
    return "\n".join([f"{names} {parts}"] * NAME_WEIGHT + [text])


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
    rank: float = 0.0
    """The score of the passage's page, which orders results (see corpus/docs/pages.py)."""

    def location(self) -> str:
        """`path:line`, or `path#page=N` for a PDF page."""
        if self.page is not None:
            return f"{self.path}#page={self.page}"
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "rank": self.rank, "path": self.path, "title": self.title,
                "heading": self.heading, "line": self.line, "page": self.page, "text": self.text}


class Unusable(Exception):
    """A collection that cannot be searched as it is (written in another index format, or its meta.json
    unreadable): the message says so and how to add it again; `roots` are its paths as far as known."""

    def __init__(self, name: str, reason: str, roots: list[str]) -> None:
        again = f"fwbot docs add {' '.join(map(shlex.quote, roots)) or 'PATH...'} --name {name}"
        super().__init__(f"collection {name!r} {reason}; it is left out until you add it again: {again}")
        self.name, self.roots = name, roots


def _meta(name: str, version: Path) -> dict[str, Any]:
    """The version's meta.json, checked to be of this fwbot's index format (else `Unusable`)."""
    try:
        meta = json.loads((version / "meta.json").read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Unusable(name, f"cannot be read (meta.json: {e})", []) from None
    roots = meta.get("roots") if isinstance(meta, dict) else None
    roots = [r for r in roots if isinstance(r, str)] if isinstance(roots, list) else []
    found = meta.get("format", 1) if isinstance(meta, dict) else None
    if found != store.FORMAT:
        age = "an older" if isinstance(found, int) and found < store.FORMAT else "a newer or unknown"
        raise Unusable(name, f"was written by {age} fwbot (index format {found}; this one reads {store.FORMAT})", roots)
    return meta


class Collection:
    """One version of a collection, opened memory-mapped and read-only (safe to share between threads)."""

    def __init__(self, name: str, version: Path) -> None:
        self.name, self.version = name, version
        self.meta: dict[str, Any] = _meta(name, version)
        self.bm25 = SparseBM25.load(version)
        self.pages = Pages.load(version)
        self.passages = store.Records.open(version, "passages")
        self.files = store.Records.open(version, "files")
        self._files: dict[int, dict[str, Any]] = {}

    def _file(self, f: int) -> dict[str, Any]:
        """File record `f`, decoded once (a page's title and path are wanted with each of its passages)."""
        file = self._files.get(f)
        if file is None:
            file = self._files.setdefault(f, self.files[f])
        return file

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
        """The best `k` pages for analysed query terms, each as its best passage."""
        ids = self.bm25.ids(terms)
        docs, scores, best = self.bm25.ranked(ids, max(k, CANDIDATES))
        ranked = self.pages.rank(docs, scores, ids, k)
        return [self.result(i, score, best, rank) for i, score, rank in ranked]

    def result(self, i: int, score: float, best: float, rank: float = 0.0) -> Result:
        record = self.passages[i]
        file = self._file(record["f"])
        return Result(f"{self.name}/{i}", score, self.name, file["path"], file["title"], record["h"], record["l"],
                      record["p"], record["t"], score / best if best else 0.0, rank)

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
        self._unusable: tuple[Unusable, ...] = ()

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
                opened, unusable = [], []
                for folder in folders:
                    try:
                        opened.append(Collection.open(folder))
                    except Unusable as e:
                        log.warning("fwbot: %s", e)
                        unusable.append(e)
                self._collections = tuple(c for c in opened if c is not None)
                self._unusable = tuple(unusable)
                self._seen = stamp
            return self._collections

    def unusable(self) -> tuple[Unusable, ...]:
        """The collections left out by `collections()` (each says why and how to add it again)."""
        self.collections()
        return self._unusable

    def get(self, name: str) -> Collection | None:
        return next((c for c in self.collections() if c.name == name), None)

    def search(self, query: str, k: int = 5) -> list[Result]:
        """The best `k` pages over all collections (each scored by its own index), each as its best passage,
        best first."""
        terms = analyze(query)
        found = [r for c in self.collections() for r in c.search(terms, k)]
        return sorted(found, key=lambda r: (-r.rank, r.collection))[:k]

    def remove(self, name: str) -> bool:
        """Remove a collection; False if there is none by that name."""
        folder = self.root / store.check_name(name)
        with store.writing(self.root):
            if store.current_version(folder) is None:
                return False
            store.remove_collection(folder)
            store.bump_generation(self.root)
        return True
