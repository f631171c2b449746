"""Small thread-safe containers that never grow past a fixed size (oldest entries go first).

An adapter's fast, per-process memory (recently seen ids, conversations in use, the memory state
store) lives in these, so a long-running bot's memory stays flat.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedDict(Generic[K, V]):
    """A least-recently-used map holding at most `capacity` items."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: K, value: V) -> bool:
        """Store `value`, evicting the least recently used item when full; True if `key` was new."""
        with self._lock:
            new = key not in self._items
            self._items[key] = value
            self._items.move_to_end(key)
            if len(self._items) > self._capacity:
                self._items.popitem(last=False)
            return new

    def get(self, key: K) -> V | None:
        """The value for `key` (marking it recently used), or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class BoundedSet(BoundedDict[K, bool]):
    """Remembers at most `capacity` keys; `add` tells whether a key is new (for de-duplication)."""

    def add(self, key: K) -> bool:
        """Record `key`; True if it was not already remembered (the caller should act on it)."""
        return self.put(key, True)
