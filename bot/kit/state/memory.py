"""The state in this process's memory: for tests, the REPL, and a bot that need not survive a restart.

Each kind is a least-recently-written map of at most `limits[kind]` entries whose TTLs are
checked on read; nothing is shared with other processes.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

from bot.kit.state.base import DEFAULT_LIMIT


class MemoryBackend:
    """Bounded, expiring maps per kind, guarded by one lock."""

    shared = False

    def __init__(self, limits: Mapping[str, int], clock: Callable[[], float]) -> None:
        self._limits = dict(limits)
        self._clock = clock
        self._kinds: dict[str, OrderedDict[str, tuple[float, str]]] = {}
        self._lock = threading.Lock()

    def claim(self, kind: str, key: str, ttl: float) -> bool:
        with self._lock:
            if self._live(kind, key) is not None:
                return False
            self._store(kind, key, "{}", ttl)
            return True

    def get(self, kind: str, key: str) -> str | None:
        with self._lock:
            return self._live(kind, key)

    def put(self, kind: str, key: str, value: str, ttl: float) -> None:
        with self._lock:
            self._store(kind, key, value, ttl)

    def count(self, kind: str) -> int:
        with self._lock:
            entries = self._kinds.get(kind, OrderedDict())
            now = self._clock()
            return sum(1 for expires, _ in entries.values() if expires > now)

    def close(self) -> None:
        with self._lock:
            self._kinds.clear()

    def _live(self, kind: str, key: str) -> str | None:
        entry = self._kinds.get(kind, {}).get(key)
        if entry is None:
            return None
        if entry[0] <= self._clock():
            del self._kinds[kind][key]
            return None
        return entry[1]

    def _store(self, kind: str, key: str, value: str, ttl: float) -> None:
        entries = self._kinds.setdefault(kind, OrderedDict())
        entries.pop(key, None)
        entries[key] = (self._clock() + ttl, value)
        while len(entries) > self._limits.get(kind, DEFAULT_LIMIT):
            entries.popitem(last=False)
