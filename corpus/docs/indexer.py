"""`fwbot docs add`: scan files, read and chunk the new or changed ones, reuse the unchanged ones' passages
and terms from the current version (by content hash), drop the deleted ones, and write a new version."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corpus.docs import store
from corpus.docs.chunker import chunk
from corpus.docs.pages import Pages
from corpus.docs.library import Collection, Library, Unusable, index_text
from corpus.docs.readers import ReadError, reader_for
from index.analyzer import analyze
from index.bm25 import Forward, SparseBM25

Progress = Callable[[int, int, int], None]
"""Called after each file: files done, files in all, passages so far."""


@dataclass
class Summary:
    """What an `add` did, for the user."""

    name: str
    files: int = 0
    passages: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    written: bool = False
    rebuilt: bool = False
    """The collection was of another index format: nothing was reused."""


SKIPPED_FOLDERS = frozenset({"_sources", "_static", "_images", "_modules", "__pycache__", "node_modules"})
"""Copies and assets, not documents: a Sphinx build's page sources, static files, images and highlighted module code; caches; packages."""


def scan(roots: Iterable[Path]) -> Iterator[Path]:
    """Every file under the roots (files themselves; folders walked, hidden and SKIPPED_FOLDERS left out), sorted."""
    for root in roots:
        if root.is_file():
            yield root
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
            yield from (Path(folder) / f for f in sorted(files) if not f.startswith("."))


class _Reuse:
    """The current version's passages and terms, to copy unchanged files without reading them again."""

    def __init__(self, old: Collection) -> None:
        self.files = {f["path"]: f for f in old.files.all()}
        self._old = old
        self._loaded: tuple[list[str], Any, Any, Any] | None = None

    def copy(self, file: dict[str, Any], forward: Forward, records: list[dict[str, Any]], index: int) -> None:
        if self._loaded is None:
            v = self._old.version
            self._loaded = (self._old.bm25.vocab.terms(), np.load(v / "fwd_ptr.npy"), np.load(v / "fwd_term.npy"),
                            np.load(v / "fwd_tf.npy"))
        terms, ptr, term, tf = self._loaded
        for i in range(file["start"], file["start"] + file["count"]):
            a, b = ptr[i], ptr[i + 1]
            forward.add_counts(zip([terms[t] for t in term[a:b].tolist()], tf[a:b].tolist()))
            records.append({**self._old.passages[i], "f": index})


@dataclass(frozen=True)
class _Read:
    """A file as a worker read it: its hash, and unless unchanged, its title and passages (or why not)."""

    path: Path
    digest: str = ""
    unchanged: bool = False
    title: str = ""
    passages: list[tuple[dict[str, Any], list[tuple[str, int]]]] = field(default_factory=list)
    error: str = ""


def _read(task: tuple[Path, str | None]) -> _Read:
    """Read, chunk and analyse one file unless its content hash is `task`'s (runs in a worker process)."""
    path, known = task
    try:
        data = path.read_bytes()
    except OSError as e:
        return _Read(path, error=e.strerror or str(e))
    digest = hashlib.sha256(data).hexdigest()
    if digest == known:
        return _Read(path, digest, unchanged=True)
    try:
        document = reader_for(path)(data, path)  # type: ignore[misc]  # only supported files are tasks
    except ReadError as e:
        return _Read(path, digest, error=str(e))
    passages = []
    for p in chunk(document):
        counts = Counter(analyze(index_text(document.title, p.heading, p.text)))
        if counts:
            passages.append(({"h": p.heading, "l": p.line, "p": p.page, "t": p.text}, list(counts.items())))
    return _Read(path, digest, title=document.title, passages=passages)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and keeps the library as it was."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_all(tasks: list[tuple[Path, str | None]], workers: int) -> Iterator[_Read]:
    """Each task's result, in task order; in `workers` processes when there are enough files to pay for them."""
    if workers <= 1 or len(tasks) < 64:
        yield from map(_read, tasks)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_worker) as pool:
        try:
            yield from pool.map(_read, tasks, chunksize=16)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def add(library: Library, paths: list[Path], name: str, progress: Progress | None = None,
        workers: int | None = None) -> Summary:
    """Add files or folders to collection `name` (created if new; its earlier paths are scanned again)."""
    folder = library.root / store.check_name(name)
    summary = Summary(name)
    with store.writing(library.root):
        try:
            old = Collection.open(folder)
            before = old.meta["roots"] if old else []
        except Unusable as e:  # another index format: everything is read again, from its paths and the new
            old, before, summary.rebuilt = None, e.roots, True
        roots = list(dict.fromkeys([*before, *(str(p.resolve()) for p in paths)]))
        roots = [r for r in roots if os.path.exists(r)]
        reuse = _Reuse(old) if old else None
        tasks = []
        for path in dict.fromkeys(scan(Path(r) for r in roots)):  # a file under two roots counts once
            if reader_for(path) is None:
                summary.unsupported.append(str(path))
            else:
                before = reuse.files.get(str(path)) if reuse else None
                tasks.append((path, before["sha256"] if before else None))
        forward, records, files = Forward(), [], []
        for done, read in enumerate(_read_all(tasks, workers or os.cpu_count() or 1), start=1):
            _add_file(read, reuse, forward, records, files, summary)
            if progress:
                progress(done, len(tasks), len(records))
        summary.removed = len(set(reuse.files) - {f["path"] for f in files}) if reuse else 0
        summary.files, summary.passages = len(files), len(records)
        if not records:
            return summary
        with store.new_version(folder) as tmp:
            store.Records.write(tmp, "passages", records)
            store.Records.write(tmp, "files", files)
            arrays = forward.arrays()
            for key, array in arrays.items():
                np.save(tmp / f"fwd_{key}.npy", array)
            SparseBM25.build(arrays["ptr"], arrays["term"], arrays["tf"], forward.vocab).save(tmp)
            Pages.write(tmp, files, forward.vocab)
            meta = {"format": store.FORMAT, "name": name, "roots": roots, "updated": time.time(), "files": len(files), "passages": len(records),
                    "terms": len(forward.vocab), "unreadable": summary.unreadable,
                    "unsupported": dict(Counter(Path(p).suffix.lower() or "(none)" for p in summary.unsupported))}
            store.replace_text(tmp / "meta.json", json.dumps(meta, ensure_ascii=False, indent=1))
        store.bump_generation(library.root)
        summary.written = True
    return summary


def _add_file(read: _Read, reuse: _Reuse | None, forward: Forward, records: list[dict[str, Any]],
              files: list[dict[str, Any]], summary: Summary) -> None:
    """Put one file into the new version: copied from the current one when unchanged, else as read."""
    if read.error:
        summary.unreadable.append((str(read.path), read.error))
        return
    entry: dict[str, Any] = {"path": str(read.path), "sha256": read.digest, "start": len(records)}
    before = reuse.files.get(str(read.path)) if reuse else None
    if read.unchanged and reuse and before:
        reuse.copy(before, forward, records, len(files))
        entry["title"] = before["title"]
        summary.unchanged += 1
    else:
        for record, counts in read.passages:
            forward.add_counts(counts)
            records.append({"f": len(files), **record})
        entry["title"] = read.title
        if before is None:
            summary.added += 1
        else:
            summary.updated += 1
    entry["count"] = len(records) - entry["start"]
    files.append(entry)
