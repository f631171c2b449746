"""The library on disk: one folder per collection holding versions; a version is written beside the current
one and made current by an atomic rename of the `current` pointer, so a crash or Ctrl-C mid-write leaves the
previous version intact, and a reader sees one whole version or the other. Writers take a lock."""
from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

CURRENT = "current"
GENERATION = "generation"
FORMAT = 2
"""The version of what a collection's files hold and mean (the indexed text, the arrays, the records), saved in
its meta.json (none: 1). A collection of another format is not searched until it is added again. 2: page
titles and headings weighted, CamelCase names split."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _token() -> str:
    return os.urandom(12).hex()


def check_name(name: str) -> str:
    """A collection name (letters, digits, '.', '_' and '-'; up to 64), or ValueError saying what is wrong."""
    if not _NAME.match(name):
        raise ValueError(f"bad collection name {name!r}: use letters, digits, '.', '_' or '-' (up to 64), starting with a letter or digit")
    return name


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a synced temporary file renamed over it, then the folder synced."""
    tmp = path.with_name(f".{path.name}.{_token()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync(path.parent)


@contextmanager
def writing(root: Path) -> Iterator[None]:
    """Hold the library's writer lock (one `add` or `remove` at a time; released if the process dies)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def bump_generation(root: Path) -> None:
    """Tell open readers (a chat, the Slack app) that the library changed."""
    replace_text(root / GENERATION, _token())


def current_version(folder: Path) -> Path | None:
    """The collection's current version folder, or None if it has none (never finished, or removed)."""
    try:
        return folder / (folder / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None


@contextmanager
def new_version(folder: Path) -> Iterator[Path]:
    """A scratch folder to write a version into; on success it is synced and made current, then older
    versions and leftovers of interrupted writes are deleted. On an exception nothing current changes."""
    import shutil  # writers only: readers never pay for the import

    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / f".tmp-{_token()}"
    scratch.mkdir()
    try:
        yield scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    for item in scratch.iterdir():
        _fsync(item)
    version = folder / f"v-{_token()}"
    scratch.rename(version)
    _fsync(folder)
    replace_text(folder / CURRENT, version.name)
    for item in folder.iterdir():
        if item.is_dir() and item != version:
            shutil.rmtree(item, ignore_errors=True)


def remove_collection(folder: Path) -> None:
    """Take the collection away in one rename, then delete its files."""
    import shutil

    trash = folder.with_name(f".trash-{_token()}")
    folder.rename(trash)
    _fsync(folder.parent)
    shutil.rmtree(trash, ignore_errors=True)


class Records:
    """A list of JSON objects in one file, with their offsets in another: read one by index, memory-mapped."""

    def __init__(self, blob: np.ndarray, ptr: np.ndarray) -> None:
        self._blob, self._ptr = blob, ptr

    @staticmethod
    def write(folder: Path, name: str, records: list[dict[str, Any]]) -> None:
        encoded = [json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode("utf-8") for r in records]
        ptr = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=ptr[1:])
        (folder / f"{name}.bin").write_bytes(b"".join(encoded))
        np.save(folder / f"{name}_ptr.npy", ptr)

    @classmethod
    def open(cls, folder: Path, name: str) -> Records:
        path = folder / f"{name}.bin"
        blob = np.memmap(path, dtype=np.uint8, mode="r").view(np.ndarray) if path.stat().st_size else np.zeros(0, np.uint8)
        return cls(blob, np.load(folder / f"{name}_ptr.npy", mmap_mode="r").view(np.ndarray))  # plain views: faster to index

    def __len__(self) -> int:
        return len(self._ptr) - 1

    def __getitem__(self, i: int) -> dict[str, Any]:
        return json.loads(self._blob[self._ptr[i]:self._ptr[i + 1]].tobytes())

    def all(self) -> list[dict[str, Any]]:
        blob, ptr = self._blob.tobytes(), self._ptr.tolist()
        return [json.loads(blob[ptr[i]:ptr[i + 1]]) for i in range(len(ptr) - 1)]
