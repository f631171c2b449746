"""Term -> id maps: a dict while building, and on disk a sorted UTF-8 blob searched by bisection, so a
saved index opens without reading (or hashing) its hundreds of thousands of terms."""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np


class Vocabulary(Protocol):
    """Term ids in order of first appearance."""

    def get(self, term: str) -> int | None: ...

    def terms(self) -> list[str]: ...

    def __len__(self) -> int: ...


class MemoryVocabulary:
    """A growing vocabulary: `add` gives a term's id, a new id for a new term."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def add(self, term: str) -> int:
        """The term's id, given the next free one if it is new."""
        found = self._ids.get(term)
        if found is None:
            found = self._ids[term] = len(self._ids)
        return found

    def get(self, term: str) -> int | None:
        return self._ids.get(term)

    def terms(self) -> list[str]:
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class SortedVocabulary:
    """A saved vocabulary, memory-mapped: terms sorted by their UTF-8 bytes, their offsets and their ids."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, ids: np.ndarray) -> None:
        self._blob, self._offsets, self._ids = blob, offsets, ids

    @staticmethod
    def write(folder: Path, terms: list[str]) -> None:
        """Save `terms` (index = id) into `folder`."""
        encoded = [t.encode("utf-8") for t in terms]
        order = sorted(range(len(encoded)), key=encoded.__getitem__)
        blob = b"".join(encoded[i] for i in order)
        offsets = np.zeros(len(order) + 1, dtype=np.int64)
        np.cumsum([len(encoded[i]) for i in order], out=offsets[1:])
        (folder / "vocab.bin").write_bytes(blob)
        np.save(folder / "vocab_offsets.npy", offsets)
        np.save(folder / "vocab_ids.npy", np.asarray(order, dtype=np.int32))

    @classmethod
    def open(cls, folder: Path) -> SortedVocabulary:
        """The vocabulary saved in `folder`, memory-mapped."""
        path = folder / "vocab.bin"
        blob = np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else np.zeros(0, np.uint8)
        return cls(blob, np.load(folder / "vocab_offsets.npy", mmap_mode="r"), np.load(folder / "vocab_ids.npy", mmap_mode="r"))

    def _term(self, i: int) -> bytes:
        return self._blob[self._offsets[i]:self._offsets[i + 1]].tobytes()

    def get(self, term: str) -> int | None:
        key = term.encode("utf-8")
        lo, hi = 0, len(self._ids)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._term(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return int(self._ids[lo]) if lo < len(self._ids) and self._term(lo) == key else None

    def terms(self) -> list[str]:
        by_id = [""] * len(self._ids)
        blob = self._blob.tobytes()
        offsets = self._offsets.tolist()
        for pos, i in enumerate(self._ids.tolist()):
            by_id[i] = blob[offsets[pos]:offsets[pos + 1]].decode("utf-8")
        return by_id

    def __len__(self) -> int:
        return len(self._ids)
