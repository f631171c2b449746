"""The state in a SQLite file (the default): one process keeps its conversations and what it has
answered across a restart, with nothing to set up.

One table of (kind, key, JSON value, expiry in wall-clock seconds). Claims are a single
INSERT … ON CONFLICT … WHERE expired, so they are atomic even between two processes sharing
the file. Expired entries, and the oldest beyond `limits[kind]`, are pruned every `PRUNE_EVERY`
writes of a kind. WAL mode: readers do not wait for the writer, commits do not fsync.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bot.kit.state.base import DEFAULT_LIMIT, StateUnavailable

PRUNE_EVERY = 100
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_by_age ON entries (kind, expires);
"""


class SqliteBackend:
    """One connection, used under a lock (every statement takes microseconds)."""

    shared = False

    def __init__(self, path: str | Path, limits: Mapping[str, int], clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path).expanduser()
        self._limits = dict(limits)
        self._clock = clock
        self._writes: dict[str, int] = {}
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.touch(mode=0o600)  # what people asked is theirs: readable by this user only
            self._db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 2000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise StateUnavailable(f"cannot use the SQLite file {self.path}: {error}") from error

    def claim(self, kind: str, key: str, ttl: float) -> bool:
        now = self._clock()
        _, changed = self._run(
            "INSERT INTO entries (kind, key, value, expires) VALUES (?, ?, '{}', ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE entries.expires <= ?", kind, key, now + ttl, now, writes=kind)
        return changed == 1

    def get(self, kind: str, key: str) -> str | None:
        row, _ = self._run("SELECT value FROM entries WHERE kind = ? AND key = ? AND expires > ?",
                           kind, key, self._clock())
        return row[0] if row else None

    def put(self, kind: str, key: str, value: str, ttl: float) -> None:
        self._run("INSERT OR REPLACE INTO entries (kind, key, value, expires) VALUES (?, ?, ?, ?)",
                  kind, key, value, self._clock() + ttl, writes=kind)

    def count(self, kind: str) -> int:
        row, _ = self._run("SELECT count(*) FROM entries WHERE kind = ? AND expires > ?", kind, self._clock())
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, *params: Any, writes: str = "") -> tuple[Any, int]:
        """Execute `sql`: its first row (or None) and how many rows it changed, read under the lock."""
        try:
            with self._lock:
                cursor = self._db.execute(sql, params)
                row, changed = cursor.fetchone(), cursor.rowcount
                if writes:
                    self._writes[writes] = self._writes.get(writes, 0) + 1
                    if self._writes[writes] % PRUNE_EVERY == 0:
                        self._prune(writes)
                return row, changed
        except sqlite3.Error as error:
            raise StateUnavailable(f"the SQLite file {self.path} failed: {error}") from error

    def _prune(self, kind: str) -> None:
        """Drop `kind`'s expired entries, then its oldest beyond the limit."""
        self._db.execute("DELETE FROM entries WHERE kind = ? AND expires <= ?", (kind, self._clock()))
        self._db.execute(
            "DELETE FROM entries WHERE kind = ? AND key IN (SELECT key FROM entries WHERE kind = ? "
            "ORDER BY expires LIMIT max(0, (SELECT count(*) FROM entries WHERE kind = ?) - ?))",
            (kind, kind, kind, self._limits.get(kind, DEFAULT_LIMIT)))
