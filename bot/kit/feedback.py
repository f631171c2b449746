"""Append-only JSON-lines store for "Helpful" / "Not helpful" clicks.

Each click is one whole line, written with a single `write` in O_APPEND mode, flushed and
fsynced under a lock (thread lock plus `flock`, so two bot processes sharing a file do not
interleave) before the click is acknowledged. If a crash left a partial last line, the next
record starts on a fresh line, and `read_feedback` skips what it cannot parse.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class FeedbackStore:
    """Durably appends feedback records to `path` (created with its folder on first use)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, entry: Mapping[str, Any]) -> None:
        """Append `entry` as one JSON line; returns only once it is on disk."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    line = b"\n" + line  # a crash cut the last line short: don't glue onto it
                _write_all(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)  # closing releases the flock


def _write_all(fd: int, data: bytes) -> None:
    """`os.write` until every byte is written (a single write is the normal case)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_feedback(path: Path | str) -> list[dict[str, Any]]:
    """All readable records in `path`, oldest first; blank, partial or corrupt lines are skipped."""
    records: list[dict[str, Any]] = []
    skipped = 0
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                skipped += 1
                continue
            if isinstance(record, dict):
                records.append(record)
            else:
                skipped += 1
    if skipped:
        log.warning("skipped %d unreadable feedback line(s) in %s", skipped, path)
    return records
