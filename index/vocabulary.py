"""Term -> id maps: a dict while building, and on disk a sorted UTF-8 blob searched by bisection, so a
saved index opens without decoding or hashing its hundreds of thousands of terms."""
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


_REMEMBERED = 1 << 16


class SortedVocabulary:
    """A saved vocabulary: terms sorted by their UTF-8 bytes, their offsets and their ids."""

    def __init__(self, blob: bytes, offsets: np.ndarray, ids: np.ndarray) -> None:
        self._blob, self._offsets, self._ids = blob, offsets, ids
        self._found: dict[str, int | None] = {}

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
        """The vocabulary saved in `folder`: the blob read whole, offsets and ids memory-mapped."""
        blob = (folder / "vocab.bin").read_bytes()  # a few MB at most: one read beats a page fault a probe
        return cls(blob, np.load(folder / "vocab_offsets.npy", mmap_mode="r"), np.load(folder / "vocab_ids.npy", mmap_mode="r"))

    def _term(self, i: int) -> bytes:
        return self._blob[self._offsets[i]:self._offsets[i + 1]]

    def get(self, term: str) -> int | None:
        """The term's id, by bisection; answers are remembered (up to _REMEMBERED terms)."""
        if term in self._found:
            return self._found[term]
        found = self._search(term.encode("utf-8"))
        if len(self._found) < _REMEMBERED:
            self._found[term] = found
        return found

    def _search(self, key: bytes) -> int | None:
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
        blob = self._blob
        offsets = self._offsets.tolist()
        for pos, i in enumerate(self._ids.tolist()):
            by_id[i] = blob[offsets[pos]:offsets[pos + 1]].decode("utf-8")
        return by_id

    def __len__(self) -> int:
        return len(self._ids)
