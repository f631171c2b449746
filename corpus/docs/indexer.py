"""`fwbot docs add`: scan files, read and chunk the new or changed ones, reuse the unchanged ones' passages
and terms from the current version (by content hash), drop the deleted ones, and write a new version."""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corpus.docs import store
from corpus.docs.chunker import chunk
from corpus.docs.library import Collection, Library
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


def scan(roots: Iterable[Path]) -> Iterator[Path]:
    """Every file under the roots (files themselves; folders walked, hidden entries skipped), sorted."""
    for root in roots:
        if root.is_file():
            yield root
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            yield from (Path(folder) / f for f in sorted(files) if not f.startswith("."))


def index_text(heading: str, text: str) -> str:
    """What a passage is found by: its heading and its text."""
    return f"{heading}\n{text}" if heading else text


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


def add(library: Library, paths: list[Path], name: str, progress: Progress | None = None) -> Summary:
    """Add files or folders to collection `name` (created if new; its earlier paths are scanned again)."""
    folder = library.root / store.check_name(name)
    summary = Summary(name)
    with store.writing(library.root):
        old = Collection.open(folder)
        roots = list(dict.fromkeys([*(old.meta["roots"] if old else []), *(str(p.resolve()) for p in paths)]))
        roots = [r for r in roots if os.path.exists(r)]
        reuse = _Reuse(old) if old else None
        candidates = list(scan(Path(r) for r in roots))
        forward, records, files = Forward(), [], []
        for done, path in enumerate(candidates, start=1):
            reader = reader_for(path)
            if reader is None:
                summary.unsupported.append(str(path))
            else:
                _add_file(path, reader, reuse, forward, records, files, summary)
            if progress:
                progress(done, len(candidates), len(records))
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
            meta = {"name": name, "roots": roots, "updated": time.time(), "files": len(files), "passages": len(records),
                    "terms": len(forward.vocab), "unreadable": summary.unreadable,
                    "unsupported": dict(Counter(Path(p).suffix.lower() or "(none)" for p in summary.unsupported))}
            store.replace_text(tmp / "meta.json", json.dumps(meta, ensure_ascii=False, indent=1))
        store.bump_generation(library.root)
        summary.written = True
    return summary


def _add_file(path: Path, reader: Callable, reuse: _Reuse | None, forward: Forward, records: list[dict[str, Any]],
              files: list[dict[str, Any]], summary: Summary) -> None:
    """Index one file into the new version: copied when unchanged, else read, chunked and analysed."""
    try:
        data = path.read_bytes()
    except OSError as e:
        summary.unreadable.append((str(path), e.strerror or str(e)))
        return
    digest = hashlib.sha256(data).hexdigest()
    before = reuse.files.get(str(path)) if reuse else None
    entry = {"path": str(path), "sha256": digest, "start": len(records)}
    if before is not None and before["sha256"] == digest:
        reuse.copy(before, forward, records, len(files))
        entry["title"] = before["title"]
        summary.unchanged += 1
    else:
        try:
            document = reader(data, path)
        except ReadError as e:
            summary.unreadable.append((str(path), str(e)))
            return
        for p in chunk(document):
            tokens = analyze(index_text(p.heading, p.text))
            if tokens:
                forward.add(tokens)
                records.append({"f": len(files), "h": p.heading, "l": p.line, "p": p.page, "t": p.text})
        entry["title"] = document.title
        if before is None:
            summary.added += 1
        else:
            summary.updated += 1
    entry["count"] = len(records) - entry["start"]
    files.append(entry)
